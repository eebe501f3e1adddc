import Foundation
import KQLEngine
import Testing

@testable import Conformance

/// The real runner over the sample database: an example's errors point at the document's lines.
@Suite struct EngineExampleRunnerTests {
    static let document = """
        # Storms

        Some prose before the example.

        More prose.

        ```kusto
        StormEvents
        | where State == "TEXAS"
        | extend z = nosuchfn(State)
        | take 3
        ```

        """

    static func runner() -> EngineExampleRunner {
        EngineExampleRunner(database: SampleDatabase.make(now: 0), plugins: { _ in [] })
    }

    @Test func anErrorGivesTheDocumentsLineAndColumn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("storms.md").path
        try Self.document.write(toFile: path, atomically: true, encoding: .utf8)
        let report = ConformanceRun(paths: [path]).run(runner: Self.runner())
        let result = try #require(report.results.first)
        // The fence is on line 7, so `nosuchfn` stands on line 10, column 14, of the document.
        let error = try #require(result.error)
        #expect(error.code == "E_UNKNOWN_NAME")
        #expect(error.text.hasPrefix("E_UNKNOWN_NAME: \(path):10:14: unknown function 'nosuchfn'"), "\(error.text)")
        #expect(error.text.contains("\n  | extend z = nosuchfn(State)\n               ^^^^^^^^"), "\(error.text)")
    }

    @Test func aQueryRunAloneKeepsItsOwnLines() {
        guard case .error(let error) = Self.runner().run("print x = 1\n| extend y = nosuch", sandbox: nil) else {
            Issue.record("the query should fail")
            return
        }
        #expect(error.text.hasPrefix("E_UNKNOWN_NAME: 2:14: unknown name 'nosuch'"), "\(error.text)")
    }

    @Test func aPlacePadsTheQueryToItsFirstLine() {
        #expect(ExamplePlace(document: "d.md", firstLine: 3).positioned("print 1") == "\n\nprint 1")
        #expect(ExamplePlace(document: "d.md", firstLine: 1).positioned("print 1") == "print 1")
    }
}
