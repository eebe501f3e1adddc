import Columnar
import Foundation
import Testing
@testable import Conformance

/// End to end over files in a temporary folder, with a scripted runner in place of the engine.
@Suite struct ConformanceRunTests {
    static let document = """
        # Doc

        ## Numbers
        ```kusto
        range x from 1 to 3 step 1
        ```
        | x |
        |---|
        | 1 |
        | 2 |
        | 3 |

        ```kusto
        print y = 2
        ```
        | y |
        |---|
        | 3 |

        ## Python
        ```kusto
        range x from 1 to 2 step 1
        | python()
        ```
        ```python
        raise ValueError("boom")
        ```

        ```kusto
        T | python(script='model.predict(df)')
        ```

        ```kusto
        syntax [T |] python(...)
        ```
        """

    static let sidecar = """
        [[example]]
        id = "python-2"
        contains = "model.predict"
        expect = "fail"
        error = "NotFittedError"
        reason = "the model was never fitted"

        [[example]]
        id = "python-3"
        expect = "skip"
        reason = "a syntax synopsis, not a query"
        """

    static func runner() -> ScriptedRunner {
        ScriptedRunner { query, sandbox in
            if query.hasPrefix("range x from 1 to 3") { return ScriptedRunner.longs("x", [1, 2, 3]) }
            if query.hasPrefix("print y") { return ScriptedRunner.longs("y", [2]) }
            if query.contains("boom") {
                return sandbox == "old"
                    ? ScriptedRunner.error("E_PYTHON", "ValueError: boom") : ScriptedRunner.longs("x", [1, 2])
            }
            if query.contains("model.predict") {
                return ScriptedRunner.error(
                    "E_PYTHON", "Traceback (most recent call last):\nsklearn.exceptions.NotFittedError: not fitted yet")
            }
            return ScriptedRunner.error("E_PARSE", "unexpected")
        }
    }

    func withFolder(_ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.document.write(toFile: dir + "/doc.md", atomically: true, encoding: .utf8)
        try Self.sidecar.write(toFile: dir + "/doc.md.expect.toml", atomically: true, encoding: .utf8)
        try body(dir)
    }

    @Test func statusesAndSummary() throws {
        try withFolder { dir in
            let report = ConformanceRun(paths: [dir], workingDirectory: dir).run(runner: Self.runner())
            let statuses = report.results.map(\.status)
            #expect(statuses == [.matched, .fail, .ran, .expectedFail, .skipped])
            #expect(report.problems.isEmpty)
            #expect(report.summaryLine == "3 passed, 1 failed, 1 skipped (1 matched, 1 ran, 1 expected failure)")
            #expect(!report.succeeded)
            let text = TextReport.render(report)
            #expect(text.hasSuffix("\n3 passed, 1 failed, 1 skipped (1 matched, 1 ran, 1 expected failure)\n"))
            #expect(text.contains("row 1, column y: expected 3, got 2"))
            #expect(text.contains("error: E_PYTHON: sklearn.exceptions.NotFittedError: not fitted yet"))
            #expect(text.contains("reason: the model was never fitted"))
        }
    }

    @Test func sandboxMatrixRunsOnlyPythonExamplesPerSandbox() throws {
        try withFolder { dir in
            let runner = Self.runner()
            let report = ConformanceRun(paths: [dir + "/doc.md"], sandboxes: ["new", "old"], workingDirectory: dir).run(
                runner: runner)
            #expect(runner.calls.filter { $0.query.hasPrefix("print y") }.map(\.sandbox) == [nil])
            #expect(runner.calls.filter { $0.query.contains("boom") }.map(\.sandbox) == ["new", "old"])
            let matrix = SandboxMatrix.render(report)
            #expect(matrix.contains("new"))
            let row = matrix.split(separator: "\n").first { $0.contains(":21") }
            #expect(row.map { $0.contains("ran") && $0.contains("error") } == true)
            #expect(TextReport.render(report).contains("Sandbox compatibility"))
        }
    }

    @Test func staleExpectationsAreProblems() throws {
        try withFolder { dir in
            try (Self.sidecar + "\n[[example]]\nline = 999\nexpect = \"skip\"\nreason = \"gone\"\n")
                .write(toFile: dir + "/doc.md.expect.toml", atomically: true, encoding: .utf8)
            let report = ConformanceRun(paths: [dir], workingDirectory: dir).run(runner: Self.runner())
            #expect(report.problems.count == 1)
            #expect(report.problems.first?.contains("#3: matches no example") == true)
            // With a filter the unmatched entries are not judged.
            let filtered = ConformanceRun(paths: [dir], filter: "print y", workingDirectory: dir).run(
                runner: Self.runner())
            #expect(filtered.problems.isEmpty)
            #expect(filtered.results.count == 1)
        }
    }

    @Test func missingInputsAndUnwiredCaseFilesAreProblems() throws {
        try withFolder { dir in
            try "query rowsort\nprint 1\n----\nprint_0:long\n1\n".write(
                toFile: dir + "/a.kqltest", atomically: true, encoding: .utf8)
            let report = ConformanceRun(paths: [dir, dir + "/nope.md"], workingDirectory: dir).run(
                runner: Self.runner())
            #expect(report.problems.contains { $0.contains("nope.md: no such file") })
            #expect(report.problems.contains { $0.contains(".kqltest file(s) given") })
        }
    }

    @Test func repositorySidecarAndExplicitFileAreFound() throws {
        try withFolder { dir in
            try FileManager.default.removeItem(atPath: dir + "/doc.md.expect.toml")
            try FileManager.default.createDirectory(
                atPath: dir + "/repo/conformance/seed", withIntermediateDirectories: true)
            try Self.sidecar.write(
                toFile: dir + "/repo/conformance/seed/doc.expect.toml", atomically: true, encoding: .utf8)
            let viaRepo = ConformanceRun(paths: [dir + "/doc.md"], workingDirectory: dir + "/repo").run(
                runner: Self.runner())
            #expect(viaRepo.count(.skipped) == 1)
            #expect(viaRepo.count(.expectedFail) == 1)
            let bare = ConformanceRun(paths: [dir + "/doc.md"], workingDirectory: dir).run(runner: Self.runner())
            #expect(bare.count(.skipped) == 0)
            let explicit = ConformanceRun(
                paths: [dir + "/doc.md"], expectationFiles: [dir + "/repo/conformance/seed/doc.expect.toml"],
                workingDirectory: dir
            ).run(runner: Self.runner())
            #expect(explicit.count(.skipped) == 1)
        }
    }
}
