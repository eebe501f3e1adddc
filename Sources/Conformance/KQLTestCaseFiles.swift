import Columnar
import Foundation
import KQLEngine
import KQLSyntax

/// Adapts `KQLTestRunner` (the `.kqltest` runner) to the conformance run: each record becomes one result.
///
/// Locally every file runs on a fresh engine over a fresh sample database (never the `--db` folder: case
/// files create and drop tables), with the tabular plugins `plugins` makes for the default sandbox; against
/// a Kusto endpoint, through what the caller gives.
public struct KQLTestCaseFiles: CaseFileRunner {
    /// What runs a file's records, given the file's clock (nil: none) and path.
    public typealias MakeExecute = @Sendable (_ fileNow: Int64?, _ path: String) -> KQLTestRunner.Execute
    private let makeExecute: MakeExecute

    /// Each file on a fresh engine over a fresh sample database, with the plugins for the default sandbox
    /// (`plugins(nil)`); `now` is the clock for files that set none (nil: the real one).
    public init(now: Int64?, plugins: @escaping @Sendable (String?) -> [any TabularPlugin]) {
        makeExecute = { fileNow, path in
            // The file's own clock wins: its expectations were written for it.
            let clock = fileNow ?? now
            let anchor = clock ?? Int64(Date().timeIntervalSince1970 * 1e9)
            let engine = Engine(
                database: SampleDatabase.make(now: anchor), plugins: plugins(nil),
                now: clock.map { t in { @Sendable in t } })
            return { (text: String, line: Int) throws(KQLError) -> [Table] in
                try engine.execute(text, sourceName: "\(path):\(line)").tables.map(\.table)
            }
        }
    }

    /// Each file's records through `makeExecute` (a Kusto endpoint, say).
    public init(makeExecute: @escaping MakeExecute) { self.makeExecute = makeExecute }

    public func run(caseFile path: String, filter: String?) -> [ExampleResult] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let records = (try? KQLTestFile(parsing: text, path: path).records) ?? []
        let queries = Dictionary(records.map { ($0.line, $0.text) }, uniquingKeysWith: { a, _ in a })
        let report = KQLTestRunner.run(files: [URL(fileURLWithPath: path)], makeExecute: makeExecute)
        return report.outcomes.compactMap { outcome in
            let query = queries[outcome.line] ?? ""
            let example = DocumentExample(
                document: outcome.path, line: outcome.line, id: "record-\(outcome.line)", section: "",
                query: query)
            if let filter, !filter.isEmpty {
                let f = filter.lowercased()
                guard example.location.lowercased().contains(f) || query.lowercased().contains(f) else { return nil }
            }
            return ExampleResult(
                example: example, sandbox: nil, status: !outcome.passed ? .fail : outcome.compared ? .matched : .ran,
                messages: outcome.detail.map { [$0] } ?? [])
        }
    }
}
