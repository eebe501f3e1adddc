import Columnar
import Foundation
import KQLEngine
import KQLSyntax

/// Runs `.kqltest` files against an engine: a fresh engine per file, the file's records in order on it
/// (so a `statement ok` `.create table` is seen by the records after it).
public enum KQLTestRunner {
    /// Runs every file; a file that cannot be read or parsed counts as one failed record. `makeEngine`
    /// gets the file's own clock (`now` line), nil when the file sets none.
    public static func run(files: [URL], makeEngine: (_ fileNow: Int64?) -> Engine) -> KQLTestReport {
        run(files: files) { (fileNow: Int64?, path: String) -> Execute in
            let engine = makeEngine(fileNow)
            return { (text: String, line: Int) throws(KQLError) -> [Table] in
                try engine.execute(text, sourceName: "\(path):\(line)").tables.map(\.table)
            }
        }
    }

    /// Runs a record's text (with its line) and returns its result tables.
    public typealias Execute = (_ text: String, _ line: Int) throws(KQLError) -> [Table]

    /// Runs every file with what `makeExecute` gives for it (the file's clock and path in): an engine,
    /// or a Kusto endpoint (`conformance run --target`).
    public static func run(files: [URL], makeExecute: (_ fileNow: Int64?, _ path: String) -> Execute) -> KQLTestReport {
        var outcomes: [KQLTestOutcome] = []
        for url in files {
            let path = url.path
            let text: String
            do {
                text = try String(contentsOf: url, encoding: .utf8)
            } catch {
                outcomes.append(
                    KQLTestOutcome(
                        path: path, line: 1, passed: false,
                        detail: "cannot read the file: \(error.localizedDescription)"))
                continue
            }
            let file: KQLTestFile
            do {
                file = try KQLTestFile(parsing: text, path: path)
            } catch {
                outcomes.append(
                    KQLTestOutcome(
                        path: path, line: error.line, passed: false, detail: "bad case file: \(error.reason)"))
                continue
            }
            outcomes += run(file, execute: makeExecute(file.now, path))
        }
        return KQLTestReport(outcomes: outcomes)
    }

    /// Runs the records of one parsed file with `execute` (text and record line → result tables).
    public static func run(_ file: KQLTestFile, execute: (String, Int) throws(KQLError) -> [Table]) -> [KQLTestOutcome]
    {
        file.records.map { record in
            KQLTestOutcome(
                path: file.path, line: record.line, passed: false, compared: record.expectation.isCompared,
                detail: nil
            )
            .judged(check(record, execute: execute))
        }
    }

    /// Nil when the record passes, else why it failed.
    static func check(_ record: KQLTestRecord, execute: (String, Int) throws(KQLError) -> [Table]) -> String? {
        let result: Result<[Table], KQLError>
        do {
            result = .success(try execute(record.text, record.line))
        } catch {
            result = .failure(error)
        }
        switch (record.expectation, result) {
        case (.success, .success):
            return nil
        case (.success, .failure(let e)), (.tables, .failure(let e)):
            return "expected success, got an error:\n\(e.description)"
        case (.error(let code, let text), .success):
            return "expected error \(code)\(text.map { " containing '\($0)'" } ?? ""), but the statement succeeded"
        case (.error(let code, let text), .failure(let e)):
            if e.code != code {
                return "expected error \(code), got:\n\(e.description)"
            }
            if let text, !e.message.contains(text), !e.description.contains(text) {
                return "expected the \(code) message to contain '\(text)', got:\n\(e.description)"
            }
            return nil
        case (.tables(let expected, let mode), .success(let tables)):
            guard expected.count == tables.count else {
                return "expected \(expected.count) result table(s), got \(tables.count)"
                    + (tables.isEmpty ? "" : ":\n" + tables.map(render).joined(separator: "----\n"))
            }
            var problems: [String] = []
            for (k, (want, got)) in zip(expected, tables).enumerated() {
                if let diff = KQLTestComparison.difference(expected: want, actual: got, mode: mode) {
                    problems.append((expected.count > 1 ? "result table \(k + 1): " : "") + diff)
                }
            }
            return problems.isEmpty ? nil : problems.joined(separator: "\n")
        }
    }

    /// A table in the case-file form, to paste into a record.
    public static func render(_ table: Table) -> String {
        ([KQLTestComparison.header(table)] + KQLTestComparison.rows(table)).joined(separator: "\n") + "\n"
    }
}
