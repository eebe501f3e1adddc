import Foundation
import Testing

/// `sandpiper conformance run` on the seed document and on our own documents and python case files,
/// through the built binary, in the test sandboxes.
@Suite(.serialized) struct ConformanceRunTests {
    /// The project's seed document, kept in the repository beside its sidecar.
    static let seed = SandpiperBinary.packageRoot.appendingPathComponent("conformance/seed/000_6736e6bdba3218ce.txt")
        .path

    @Test func seedDocumentRunsGreenInTheDefaultSandbox() throws {
        _ = try TestSandboxes.standard.get()
        let r = try SandpiperBinary.run(
            ["conformance", "run", Self.seed], in: SandpiperBinary.packageRoot.path,
            environment: TestSandboxes.environment)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        // Nothing in the seed shows a result table: its examples only run (one fails as its sidecar says).
        #expect(
            r.stdout.contains("3 passed, 0 failed, 1 skipped (0 matched, 2 ran, 1 expected failure)"), "\(r.stdout)")
        // The unfitted model's error is shown, not hidden.
        #expect(r.stdout.contains("NotFittedError"))
    }

    @Test func pythonCaseFilesAndDocumentsPass() throws {
        _ = try TestSandboxes.minimal.get()
        _ = try TestSandboxes.standard.get()
        let r = try SandpiperBinary.run(
            ["conformance", "run", "conformance/python", "conformance/docs"],
            in: SandpiperBinary.packageRoot.path, environment: TestSandboxes.environment)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains(" 0 failed"), "\(r.stdout)")
    }

    /// docs/time-series.md walks a newcomer from make-series to anomalies to python(): every example on the page
    /// is compared with the table under it (the python() step runs in the default sandbox).
    @Test func timeSeriesGuideMatches() throws {
        _ = try TestSandboxes.standard.get()
        let r = try SandpiperBinary.run(
            ["conformance", "run", "docs/time-series.md"], in: SandpiperBinary.packageRoot.path,
            environment: TestSandboxes.environment)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("5 passed, 0 failed (5 matched, 0 ran)"), "\(r.stdout)")
    }
}
