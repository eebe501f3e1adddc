import Foundation
import Testing
@testable import Conformance

/// The corpus of published hunting queries (`conformance/corpus/`, see its README): at least 99% of them parse
/// and bind up to the first table or function only their workspace has.
@Suite struct QueryCorpusTests {
    static let folder = ConformanceCaseFilesTests.packageRoot.appendingPathComponent("conformance/corpus")

    @Test func corpusParsesAndBinds() {
        let entries = QueryCorpus.check(folder: Self.folder)
        #expect(entries.count >= 800, "the corpus should hold the committed queries")
        let parsed = entries.filter {
            if case .parseError = $0.outcome { return false } else { return true }
        }
        let understood = entries.filter(\.outcome.understood)
        let failures = entries.filter { !$0.outcome.understood }.map { "\($0.file):\($0.line): \($0.outcome)" }
        print("corpus: \(parsed.count)/\(entries.count) parse, \(understood.count)/\(entries.count) bind")
        #expect(parsed.count * 100 >= entries.count * 99, "\(failures.joined(separator: "\n"))")
        #expect(understood.count * 100 >= entries.count * 99, "\(failures.joined(separator: "\n"))")
    }

    /// Blank lines end a query, except before a line that continues a pipeline; line numbers stay the file's.
    @Test func splitting() {
        let queries = QueryCorpus.queries(in: "T\n\n// why\n| take 1\n\nU | count\n")
        #expect(queries.count == 2)
        #expect(queries.first?.text == "T\n\n// why\n| take 1")
        #expect(queries.first?.line == 1)
        #expect(queries.last?.line == 6)
    }

    /// The outcomes are told apart: a missing table is not a failure, a grammar gap or a binding mistake is.
    @Test func outcomes() {
        let engine = QueryCorpus.engineWithoutTables()
        #expect(QueryCorpus.check("SigninLogs | where ResultType == 0", engine: engine).understood)
        #expect(QueryCorpus.check("print x = 1", engine: engine) == .ran)
        #expect(QueryCorpus.check("T | where", engine: engine).understood == false)
        #expect(QueryCorpus.check("print x = 1 | where y > 1", engine: engine).understood == false)
        #expect(QueryCorpus.check("search 'a' | project-reorder Url", engine: engine).understood)
        if case .unknownName(let m) = QueryCorpus.check("_GetWatchlist('a') | take 1", engine: engine) {
            #expect(m.hasPrefix("unknown function"))
        } else {
            Issue.record("an unknown function is where binding stops")
        }
        if case .refused = QueryCorpus.check(
            "externaldata(a:string) ['https://example.com/a.csv'] | take 1", engine: engine)
        {
        } else {
            Issue.record("a network externaldata is refused by design")
        }
    }
}
