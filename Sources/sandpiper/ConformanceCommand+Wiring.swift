import Conformance
import Foundation
import KQLEngine

extension ConformanceCommand {
    /// The tabular plugins for examples run in `sandbox` (nil: the registry's default sandbox). Python calls
    /// that name no sandbox run in `sandbox`, so the matrix runs each example in every sandbox asked for.
    static func plugins(sandbox: String?) -> [any TabularPlugin] {
        Sandpiper.queryPlugins(defaultSandbox: sandbox)
    }

    /// Runs `.kqltest` inputs with the case-file runner, a fresh engine over a fresh sample database per file
    /// (never the `--db` folder: case files create and drop tables).
    static func caseFileRunner(now: Int64?) -> any CaseFileRunner {
        KQLTestCaseFiles(now: now)
    }
}

/// Adapts `KQLTestRunner` (the `.kqltest` runner) to the conformance run: each record becomes one result.
struct KQLTestCaseFiles: CaseFileRunner {
    var now: Int64?

    func run(caseFile path: String, filter: String?) -> [ExampleResult] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let records = (try? KQLTestFile(parsing: text, path: path).records) ?? []
        let queries = Dictionary(records.map { ($0.line, $0.text) }, uniquingKeysWith: { a, _ in a })
        let fixedNow = now
        let report = KQLTestRunner.run(files: [URL(fileURLWithPath: path)]) { fileNow in
            // The file's own clock wins: its expectations were written for it.
            let clock = fileNow ?? fixedNow
            let anchor = clock ?? Int64(Date().timeIntervalSince1970 * 1e9)
            return Engine(database: SampleDatabase.make(now: anchor), plugins: ConformanceCommand.plugins(sandbox: nil), now: clock.map { t in { @Sendable in t } })
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
