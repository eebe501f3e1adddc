import Columnar
import Foundation

/// A parsed `.kqltest` case file: records separated by blank lines, `#` comment lines between them.
///
/// ```
/// query rowsort            # or nosort
/// print x = 1
/// ----
/// x:long
/// 1
///
/// statement ok
/// .create table T (a:long)
///
/// statement error E_PARSE [text the message must contain]
/// T | wher a > 1
/// ```
///
/// A `now <datetime>` line pins the clock for the whole file (`now()`, `ago()` and the sample data's
/// timestamps), so expectations that depend on the time hold wherever the file is run.
///
/// A query's text runs up to its `----` line (it may contain blank lines, e.g. inside a Python script);
/// its expected tables follow, each a tab-separated `name:type` header and rows, separated by `----`,
/// and end at a blank line. A statement's text ends at a blank line.
public struct KQLTestFile: Sendable {
    public var path: String
    public var records: [KQLTestRecord]
    /// The file's own clock (`now <datetime>`), nanoseconds since the Unix epoch; nil when it sets none.
    public var now: Int64?

    /// Parses `text`; `path` names the file in errors.
    public init(parsing text: String, path: String) throws(KQLTestFormatError) {
        self.path = path
        var parser = Parser(
            lines: text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
            }, path: path)
        records = try parser.parse()
        now = parser.now
    }

    private struct Parser {
        let lines: [String]
        let path: String
        var i = 0
        var now: Int64?

        init(lines: [String], path: String) { self.lines = lines; self.path = path }

        func isBlank(_ s: String) -> Bool { s.allSatisfy(\.isWhitespace) }

        func fail(_ line: Int, _ reason: String) -> KQLTestFormatError {
            KQLTestFormatError(path: path, line: line, reason: reason)
        }

        mutating func parse() throws(KQLTestFormatError) -> [KQLTestRecord] {
            var records: [KQLTestRecord] = []
            while i < lines.count {
                let line = lines[i]
                if isBlank(line) || line.hasPrefix("#") { i += 1; continue }
                let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                let start = i + 1
                i += 1
                switch words.first {
                case "now":
                    guard now == nil else { throw fail(start, "the file's clock is set twice") }
                    guard words.count == 2, let t = DateTimeFormat.parse(words[1]) else {
                        throw fail(start, "write `now 2025-01-01T00:00:00Z` (one ISO 8601 datetime)")
                    }
                    now = t
                case "query":
                    let mode: KQLTestRecord.SortMode
                    switch words.count > 1 ? words[1] : "nosort" {
                    case "nosort": mode = .nosort
                    case "rowsort": mode = .rowsort
                    case let other: throw fail(start, "unknown sort mode '\(other)' (use nosort or rowsort)")
                    }
                    let text = try queryText(start)
                    records.append(KQLTestRecord(line: start, text: text, expectation: .tables(readTables(), mode)))
                case "statement":
                    guard words.count >= 2 else {
                        throw fail(start, "write `statement ok` or `statement error CODE [text]`")
                    }
                    let text = statementText()
                    guard !text.isEmpty else { throw fail(start, "the statement has no text") }
                    switch words[1] {
                    case "ok": records.append(KQLTestRecord(line: start, text: text, expectation: .success))
                    case "error":
                        guard words.count >= 3 else {
                            throw fail(start, "`statement error` needs an error code, e.g. E_PARSE")
                        }
                        guard let code = ErrorCode.named(words[2]) else {
                            throw fail(start, "'\(words[2])' is not a Sandpiper error code (docs/errors.md lists them)")
                        }
                        let message = words.count > 3 ? words[3...].joined(separator: " ") : nil
                        records.append(
                            KQLTestRecord(
                                line: start, text: text, expectation: .error(code: code, messageContains: message)))
                    default: throw fail(start, "write `statement ok` or `statement error CODE [text]`")
                    }
                default:
                    throw fail(
                        start,
                        "expected a record header (`query nosort|rowsort`, `statement ok|error CODE` or `now DATETIME`), found '\(line)'"
                    )
                }
            }
            return records
        }

        mutating func queryText(_ start: Int) throws(KQLTestFormatError) -> String {
            var text: [String] = []
            while i < lines.count, lines[i] != "----" { text.append(lines[i]); i += 1 }
            guard i < lines.count else { throw fail(start, "the query has no `----` line before its expected result") }
            i += 1
            while let last = text.last, isBlank(last) { text.removeLast() }
            return text.joined(separator: "\n")
        }

        mutating func statementText() -> String {
            var text: [String] = []
            while i < lines.count, !isBlank(lines[i]) { text.append(lines[i]); i += 1 }
            return text.joined(separator: "\n")
        }

        mutating func readTables() -> [KQLTestRecord.ExpectedTable] {
            var tables: [KQLTestRecord.ExpectedTable] = []
            var current: KQLTestRecord.ExpectedTable?
            while i < lines.count, !isBlank(lines[i]) {
                let line = lines[i]
                i += 1
                if line == "----" {
                    if let c = current { tables.append(c) }
                    current = nil
                    continue
                }
                if current == nil {
                    current = KQLTestRecord.ExpectedTable(header: line, rows: [], line: i)
                } else {
                    current!.rows.append(line)
                }
            }
            if let c = current { tables.append(c) }
            return tables
        }
    }
}

/// One record of a `.kqltest` file.
public struct KQLTestRecord: Sendable {
    /// 1-based line of the record's header.
    public var line: Int
    /// The query or command text to run.
    public var text: String
    public var expectation: Expectation

    public enum SortMode: String, Sendable { case nosort, rowsort }

    /// An expected result table as written: `name:type` header and rows, tab-separated.
    public struct ExpectedTable: Sendable, Equatable {
        public var header: String
        public var rows: [String]
        /// 1-based line of the header.
        public var line: Int
    }

    public enum Expectation: Sendable {
        case tables([ExpectedTable], SortMode)
        case success
        case error(code: ErrorCode, messageContains: String?)

        /// False for `statement ok`, which states no result to compare.
        public var isCompared: Bool {
            if case .success = self { return false }
            return true
        }
    }
}

/// A `.kqltest` file that does not follow the format.
public struct KQLTestFormatError: CodedError {
    public var path: String
    public var line: Int
    public var reason: String
    public var code: ErrorCode { .caseFileFormat }
    /// `path:line: reason`, the place first so editors can jump to it.
    public var message: String { "\(path):\(line): \(reason)" }
    public var hint: String? { "docs/conformance.md describes the .kqltest format" }
}
