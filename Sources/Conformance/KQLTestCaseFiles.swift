import Foundation
import KQLEngine

/// Adapts `KQLTestRunner` (the `.kqltest` runner) to the conformance run: each record becomes one result.
///
/// Every file runs on a fresh engine over a fresh sample database (never the `--db` folder: case files
/// create and drop tables), with the tabular plugins `plugins` makes for the default sandbox.
public struct KQLTestCaseFiles: CaseFileRunner {
    /// The fixed current time, for files that do not set their own (nil: the clock).
    public var now: Int64?
    /// The tabular plugins for a sandbox name (nil: the default sandbox); the CLI passes the python plugin.
    public var plugins: @Sendable (String?) -> [any TabularPlugin]

    public init(now: Int64?, plugins: @escaping @Sendable (String?) -> [any TabularPlugin]) {
        self.now = now; self.plugins = plugins
    }

    public func run(caseFile path: String, filter: String?) -> [ExampleResult] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let records = (try? KQLTestFile(parsing: text, path: path).records) ?? []
        let queries = Dictionary(records.map { ($0.line, $0.text) }, uniquingKeysWith: { a, _ in a })
        let fixedNow = now, plugins = plugins
        let report = KQLTestRunner.run(files: [URL(fileURLWithPath: path)]) { fileNow in
            // The file's own clock wins: its expectations were written for it.
            let clock = fileNow ?? fixedNow
            let anchor = clock ?? Int64(Date().timeIntervalSince1970 * 1e9)
            return Engine(database: SampleDatabase.make(now: anchor), plugins: plugins(nil), now: clock.map { t in { @Sendable in t } })
        }
        return report.outcomes.compactMap { outcome in
            let query = queries[outcome.line] ?? ""
            let example = DocumentExample(document: outcome.path, line: outcome.line, id: "record-\(outcome.line)", section: "",
                                          query: query)
            if let filter, !filter.isEmpty {
                let f = filter.lowercased()
                guard example.location.lowercased().contains(f) || query.lowercased().contains(f) else { return nil }
            }
            return ExampleResult(example: example, sandbox: nil, status: !outcome.passed ? .fail : outcome.compared ? .matched : .ran,
                                 messages: outcome.detail.map { [$0] } ?? [])
        }
    }
}
