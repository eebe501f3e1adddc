import Columnar
import Conformance
import Foundation
import KQLSyntax

/// `conformance run --target A --target B`: every example of the documents and every record of the case
/// files runs on both Kusto endpoints, and their answers are compared with each other cell by cell
/// (not with the expected tables: the question is whether the two endpoints agree).
///
/// Rows are compared in order when the query fixes an order (`RowOrder`), otherwise both sides are
/// sorted first. Cells match by `CellMatcher` with the first endpoint's value as the expected text, so
/// a real that only differs past the digits it prints matches. Two failures match when their codes do.
public struct EndpointComparison: Sendable {
    let first: KustoEndpoint
    let second: KustoEndpoint

    public init(_ first: KustoEndpoint, _ second: KustoEndpoint) { self.first = first; self.second = second }

    /// One query sent to both endpoints.
    public struct Query: Sendable {
        /// `document:line`.
        public var location: String
        public var text: String
        /// The case file's `now`, sent as `query_now`.
        public var queryNow: Int64?
    }

    /// How the two answers of one query compare.
    public struct Entry: Sendable {
        public var query: Query
        /// Nil when the answers agree; else the first difference, in words.
        public var difference: String?
        /// What both answered (`2 results, 14 rows`, `both failed with E_PARSE`).
        public var summary: String
    }

    /// The queries of `paths` (documents and case files, as `conformance run` finds them) whose location
    /// or text contains `filter`, and the problems with the inputs.
    public static func queries(paths: [String], filter: String?) -> (queries: [Query], problems: [String]) {
        let (documents, caseFiles, problems) = ConformanceRun.inputs(paths)
        var out: [Query] = [], issues = problems
        for document in documents {
            guard let text = try? String(contentsOfFile: document, encoding: .utf8) else {
                issues.append("\(document): cannot read"); continue
            }
            for example in DocumentExamples.extract(from: text, document: document) where example.problem == nil {
                out.append(Query(location: example.location, text: example.runnableQuery, queryNow: nil))
            }
        }
        for path in caseFiles {
            do {
                let file = try KQLTestFile(
                    parsing: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "", path: path)
                out += file.records.map { Query(location: "\(path):\($0.line)", text: $0.text, queryNow: file.now) }
            } catch { issues.append(error.description) }
        }
        let f = filter?.lowercased() ?? ""
        return (
            f.isEmpty
                ? out : out.filter { $0.location.lowercased().contains(f) || $0.text.lowercased().contains(f) },
            issues
        )
    }

    /// Runs each query on both endpoints, one after the other (a case file's records may build on each other).
    public func compare(_ queries: [Query]) -> [Entry] {
        queries.map { query in
            let a = Result { () throws(KQLError) in try first.execute(query.text, queryNow: query.queryNow) }
            let b = Result { () throws(KQLError) in try second.execute(query.text, queryNow: query.queryNow) }
            let (difference, summary) = Self.difference(a, b, ordered: RowOrder.orderedResults(query.text))
            return Entry(query: query, difference: difference, summary: summary)
        }
    }

    /// The first difference between two answers (nil: none) and what they hold.
    static func difference(_ a: Result<[Table], KQLError>, _ b: Result<[Table], KQLError>, ordered: [Bool]) -> (
        String?, String
    ) {
        switch (a, b) {
        case (.failure(let x), .failure(let y)):
            return x.code == y.code
                ? (nil, "both failed with \(x.code.rawValue)")
                : ("A failed with \(x.code.rawValue), B with \(y.code.rawValue): \(y.message)", "both failed")
        case (.failure(let x), .success(let t)):
            return ("A failed with \(x.code.rawValue) (\(x.message)); B answered \(describe(t))", "B answered")
        case (.success(let t), .failure(let y)):
            return ("B failed with \(y.code.rawValue) (\(y.message)); A answered \(describe(t))", "A answered")
        case (.success(let x), .success(let y)):
            guard x.count == y.count else { return ("A answered \(describe(x)), B \(describe(y))", describe(x)) }
            for i in x.indices {
                if let d = firstDifference(x[i], y[i], ordered: i < ordered.count ? ordered[i] : false) {
                    return ((x.count > 1 ? "result \(i + 1): " : "") + d, describe(x))
                }
            }
            return (nil, describe(x))
        }
    }

    static func describe(_ tables: [Table]) -> String {
        let rows = tables.reduce(0) { $0 + $1.rowCount }
        return "\(tables.count) result\(tables.count == 1 ? "" : "s"), \(rows) row\(rows == 1 ? "" : "s")"
    }

    /// The first cell (or column, or row count) where `b` differs from `a`; rows sorted first unless `ordered`.
    static func firstDifference(_ a: Table, _ b: Table, ordered: Bool) -> String? {
        let columns = { (t: Table) in t.schema.fields.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: ", ") }
        guard a.schema == b.schema else { return "columns differ: A (\(columns(a))), B (\(columns(b)))" }
        guard a.rowCount == b.rowCount else { return "A has \(a.rowCount) rows, B has \(b.rowCount)" }
        let texts = { (t: Table) in t.rows.map { $0.map(TableComparer.display) } }
        var rowsA = Array(zip(a.rows, texts(a))), rowsB = Array(zip(b.rows, texts(b)))
        if !ordered {
            rowsA.sort { $0.1.lexicographicallyPrecedes($1.1) }
            rowsB.sort { $0.1.lexicographicallyPrecedes($1.1) }
        }
        for r in rowsA.indices {
            for c in a.schema.fields.indices {
                let x = rowsA[r].0[c], y = rowsB[r].0[c]
                let same = x.isNull ? y.isNull : !y.isNull && CellMatcher.matches(rowsA[r].1[c], y)
                if !same {
                    return
                        "row \(r + 1)\(ordered || a.rowCount < 2 ? "" : " (rows sorted)"), column '\(a.schema.fields[c].name)': A \(rowsA[r].1[c]), B \(rowsB[r].1[c])"
                }
            }
        }
        return nil
    }

    /// `conformance run --target A --target B`: the queries of `paths` run on both endpoints, reported in
    /// text or (`json`) one object per line; the input problems; and whether every answer agreed.
    public func report(paths: [String], filter: String?, json: Bool) -> (
        report: String, problems: [String], agreed: Bool
    ) {
        let (queries, problems) = Self.queries(paths: paths, filter: filter)
        let entries = compare(queries)
        let report =
            json ? Self.jsonReport(entries) : Self.textReport(entries, first: first.url, second: second.url)
        return (report, problems, problems.isEmpty && !entries.contains { $0.difference != nil })
    }

    /// One line per query (`location  equal|differs  detail`) and a summary line.
    public static func textReport(_ entries: [Entry], first: URL, second: URL) -> String {
        var out = "A = \(first.absoluteString)\nB = \(second.absoluteString)\n"
        for e in entries {
            out += "\(e.query.location)  " + (e.difference.map { "differs  \($0)" } ?? "equal  \(e.summary)") + "\n"
        }
        let differing = entries.filter { $0.difference != nil }.count
        out += "\(entries.count) queries: \(entries.count - differing) equal, \(differing) differ\n"
        return out
    }

    /// One JSON object per query and line: `location`, `query`, `equal`, and `difference` or `summary`.
    public static func jsonReport(_ entries: [Entry]) -> String {
        entries.map { e in
            var object: [String: Any] = [
                "location": e.query.location, "query": e.query.text, "equal": e.difference == nil, "summary": e.summary,
            ]
            if let d = e.difference { object["difference"] = d }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        }.joined()
    }
}
