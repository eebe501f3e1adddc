import Foundation
@testable import Sandbox

/// Every directory the tests make lives under this one, removed when the test process exits (the
/// shared fixtures are static and never deinitialised).
let testRunRoot: URL = {
    let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sandpiper-tests-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { TreeScanner.remove(testRunRoot) }
    return url
}()

/// A fresh state directory under the temporary directory, deleted when the value goes away.
final class TestHome: @unchecked Sendable {
    let root: URL
    let registry: SandboxRegistry

    init(_ label: String = "home", maxBytes: Int64 = 1 << 30) {
        root = testRunRoot.appendingPathComponent("\(label)-\(UInt32.random(in: 0...UInt32.max))")
        registry = SandboxRegistry(home: SandboxHome(root: root), limits: ExtractionLimits(maxBytes: maxBytes))
    }

    deinit { TreeScanner.remove(root) }

    /// Names in a state subdirectory (empty when it does not exist).
    func contents(_ sub: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(sub).path)) ?? []).sorted()
    }

    /// True when nothing is registered and no archive, tree or scratch item exists.
    var isPristine: Bool {
        (try? RegistryFile.read(registry.home).sandboxes.isEmpty) == true
            && contents("archives").isEmpty && contents("envs").isEmpty && contents("scratch").isEmpty
    }
}

/// A scratch directory for files a test makes, deleted when the value goes away.
final class TempDir: @unchecked Sendable {
    let url: URL
    init() {
        url = testRunRoot.appendingPathComponent("tmp-\(UInt32.random(in: 0...UInt32.max))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { TreeScanner.remove(url) }
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// The repository root (for the shipped specs).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Runs Debian's python3 with a program and arguments; returns its exit status and output.
@discardableResult
func runPython(_ program: String, _ arguments: [String] = []) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = ["-I", "-c", program] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The `minimal` sandbox, built once per test run from the committed spec and lock (`--frozen`), and shared
/// by every test that needs a real environment.
enum MinimalFixture {
    static let home = TestHome("minimal")
    static let build: Result<BuildReport, SandboxError> = {
        let builder = SandboxBuilder(registry: home.registry, progress: ProgressReporter(style: .quiet))
        let spec = repositoryRoot.appendingPathComponent("sandboxes/minimal.toml")
        return Result { () throws(SandboxError) in try builder.build(specURL: spec, lockMode: .frozen) }
    }()
}
