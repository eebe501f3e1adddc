import Columnar

/// `--format json`: one JSON object per example, one per line (JSON Lines), in run order.
public enum JSONReport {
    /// The objects, newline-separated.
    public static func render(_ report: RunReport) -> String {
        report.results.map { object($0).jsonText + "\n" }.joined()
    }

    /// One example's object: where it is, its verdict, and why.
    public static func object(_ r: ExampleResult) -> Dynamic {
        var bag = PropertyBag()
        bag["document"] = .string(r.example.document)
        bag["line"] = .long(Int64(r.example.line))
        bag["id"] = .string(r.example.id)
        bag["sandbox"] = r.sandbox.map { .string($0) } ?? .null
        bag["status"] = .string(r.status.rawValue)
        bag["seconds"] = .real((r.seconds * 1000).rounded() / 1000)
        bag["query"] = .string(r.example.runnableQuery)
        // How many tables the document shows for it: 0 means the example only had to run, so a script can
        // count the examples that were compared (an error on one with a table counts against it).
        bag["tables"] = .long(Int64(r.example.expected.count))
        if let reason = r.reason { bag["reason"] = .string(reason) }
        if let e = r.error {
            bag["error"] = .bag(PropertyBag([("code", .string(e.code)), ("message", .string(e.text))]))
        }
        if !r.messages.isEmpty { bag["messages"] = .array(r.messages.map { .string($0) }) }
        if !r.diffs.isEmpty { bag["diffs"] = .array(r.diffs.map { diff($0.diff, table: $0.index) }) }
        if !r.pythonOutput.isEmpty { bag["python_output"] = .array(r.pythonOutput.map { .string($0) }) }
        return .bag(bag)
    }

    static func diff(_ d: TableDiff, table: Int) -> Dynamic {
        var bag = PropertyBag()
        bag["table"] = .long(Int64(table))
        bag["problems"] = .array(d.problems.map { .string($0) })
        bag["rows"] = .array(d.rows.map(row))
        if d.omittedRows > 0 { bag["omitted_rows"] = .long(Int64(d.omittedRows)) }
        return .bag(bag)
    }

    static func row(_ r: RowDiff) -> Dynamic {
        switch r {
        case .cells(let e, let a, let cells):
            return .bag(
                PropertyBag([
                    ("kind", .string("cells")), ("expected_row", .long(Int64(e))), ("actual_row", .long(Int64(a))),
                    (
                        "cells",
                        .array(
                            cells.map { c in
                                .bag(
                                    PropertyBag([
                                        ("column", .string(c.column)), ("expected", .string(c.expected)),
                                        ("actual", .string(c.actual)),
                                    ]))
                            })
                    ),
                ]))
        case .missing(let e, let cells):
            return .bag(
                PropertyBag([
                    ("kind", .string("missing")), ("expected_row", .long(Int64(e))),
                    ("cells", .array(cells.map { .string($0) })),
                ]))
        case .unexpected(let a, let cells):
            return .bag(
                PropertyBag([
                    ("kind", .string("unexpected")), ("actual_row", .long(Int64(a))),
                    ("cells", .array(cells.map { .string($0) })),
                ]))
        }
    }
}
