import Foundation
import Testing

/// `sandpiper query` copies what python() scripts write under `outputs/` (and `plt.show()` figures) into
/// `--python-output DIR` or `./sandpiper-output/<query-id>/`, says where, and lists them in `--format json`;
/// `docs/machine-learning.md` runs green against a `--db` folder.
@Suite(.serialized) struct PythonOutputCommandTests {
    final class Scratch: @unchecked Sendable {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "sandpiper-pyout-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        init() { try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static let figureQuery = """
        range x from 1 to 3 step 1
        | python()
        ```
        import matplotlib.pyplot as plt
        df.to_csv('outputs/rows.csv', index=False)
        plt.plot(df['x'], df['x'] * 2)
        plt.show()
        result = df
        ```
        """

    @Test func plotShowAndOutputsLandInThePythonOutputFolder() throws {
        _ = try TestSandboxes.standard.get()
        let scratch = Scratch()
        let folder = scratch.url.appendingPathComponent("figures").path
        let r = try SandpiperBinary.run(
            ["query", "--format", "json", "--python-output", folder, Self.figureQuery],
            environment: TestSandboxes.environment)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("{\"python_files\":[\"\(folder)/figure-1.png\",\"\(folder)/rows.csv\"]}"), "\(r.stdout)")
        let png = try #require(FileManager.default.contents(atPath: folder + "/figure-1.png"))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(try String(contentsOfFile: folder + "/rows.csv", encoding: .utf8) == "x\n1\n2\n3\n")
    }

    /// Without --python-output the files go to ./sandpiper-output/<query-id>/, and the table form says so.
    @Test func theDefaultFolderIsPerQueryUnderTheCurrentFolder() throws {
        _ = try TestSandboxes.standard.get()
        let scratch = Scratch()
        let r = try SandpiperBinary.run(
            [
                "query",
                "print a = 1 | evaluate python(typeof(*), 'open(\"outputs/note.txt\", \"w\").write(\"hi\")\\nresult = df')",
            ],
            in: scratch.url.path, environment: TestSandboxes.environment)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        let runs = try FileManager.default.contentsOfDirectory(
            atPath: scratch.url.appendingPathComponent("sandpiper-output").path)
        #expect(runs.count == 1)
        let path = "sandpiper-output/\(runs[0])/note.txt"
        #expect(r.stderr.contains("python(): 1 file written:\n  \(path)\n"), "\(r.stderr)")
        #expect(try String(contentsOfFile: scratch.url.path + "/" + path, encoding: .utf8) == "hi")
    }

    /// The machine-learning page trains, stores the pickled model with .set-or-append, and predicts with it
    /// in a later query: every example runs and each table it shows matches.
    @Test func theMachineLearningPageRunsGreenAgainstADatabaseFolder() throws {
        _ = try TestSandboxes.standard.get()
        let scratch = Scratch()
        let r = try SandpiperBinary.run(
            ["conformance", "run", "docs/machine-learning.md", "--db", scratch.url.path],
            in: SandpiperBinary.packageRoot.path, environment: TestSandboxes.environment)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains(" 0 failed"), "\(r.stdout)")
        #expect(r.stdout.contains("5 passed, 0 failed (4 matched, 1 ran)"), "\(r.stdout)")
        // The model was kept in the database folder, as a table file.
        let tables = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        #expect(tables.contains { $0.hasPrefix("Models.") }, "\(tables)")
    }
}
