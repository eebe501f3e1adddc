import Columnar
import Foundation
import KQLEngine
import KQLSyntax
import Sandbox
import Testing
@testable import PythonPlugin

/// The Python environment the plugin tests run on: `SANDPIPER_PYTHON_ENV` (a site-packages directory with
/// numpy 1.26 and pandas 2.2 for CPython 3.11), else the registered `minimal` sandbox.
enum PythonTestEnvironment {
    static let sitePackages: String? = {
        if let env = ProcessInfo.processInfo.environment["SANDPIPER_PYTHON_ENV"],
            FileManager.default.fileExists(atPath: env + "/pandas")
        {
            return env
        }
        return try? TestSandboxes.minimal.get().sitePackages.path
    }()
    static var available: Bool { sitePackages != nil }
    static let skip: Comment =
        "the `minimal` sandbox could not be built (see the failing TestSandboxesTests test for why)"

    /// One warm supervisor for every test (its zygote imports pandas once).
    static let supervisor = Supervisor()

    static func plugin(
        cores: Int = 2, timeoutMilliseconds: Int = 60_000, artifactRoots: ArtifactRoots = .none,
        outputFiles: PythonOutputFiles = .dropped(reason: "the tests keep none"), fullTracebacks: Bool = false
    )
        -> PythonPlugin
    {
        let site = sitePackages ?? "/nonexistent"
        return PythonPlugin(
            supervisor: supervisor, cores: cores, artifactRoots: artifactRoots, outputFiles: outputFiles,
            fullTracebacks: fullTracebacks
        ) {
            (name: String?) throws(SandboxError) -> PythonEnvironment in
            guard name == nil || name == "minimal" else {
                throw SandboxError(.notFound, "no sandbox named '\(name!)' is registered")
            }
            // Confined like any real sandbox when the test sandbox is there (not with SANDPIPER_PYTHON_ENV).
            let settings = (try? TestSandboxes.minimal.get()).map(SandboxSettings.init)
            return PythonEnvironment(
                name: "minimal", sitePackages: [site], timeoutMilliseconds: timeoutMilliseconds,
                settings: settings.map { s in
                    var s = s; s.policy.timeoutSeconds = timeoutMilliseconds / 1000; return s
                })
        }
    }
}

/// Builds the arguments the binder would pass for a call.
enum Call {
    static func seed(
        script: String? = nil, kickout: Int64? = nil, sandbox: String? = nil,
        extra: [String: PluginArguments.Argument] = [:],
        queryOptions: [String: Value] = [:]
    ) -> PluginArguments {
        var named = extra
        if let script { named["script"] = .value(.string(script), .string) }
        if let kickout { named["kickout"] = .value(.long(kickout), .long) }
        if let sandbox { named["sandbox"] = .value(.string(sandbox), .string) }
        return PluginArguments(
            positional: [], named: named, options: [:], inlineForm: true, queryOptions: queryOptions, span: .none)
    }

    static func adx(
        _ schema: SchemaSyntax, _ script: String, kargs: [(String, Dynamic)]? = nil,
        artifacts: [(String, String)]? = nil,
        options: [String: Value] = [:], queryOptions: [String: Value] = [:]
    ) -> PluginArguments {
        var positional: [PluginArguments.Argument] = [.schema(schema), .value(.string(script), .string)]
        if let kargs { positional.append(.value(.dynamic(.bag(PropertyBag(kargs))), .dynamic)) }
        var named: [String: PluginArguments.Argument] = [:]
        if let artifacts {
            named["external_artifacts"] = .value(
                .dynamic(.bag(PropertyBag(artifacts.map { ($0.0, Dynamic.string($0.1)) }))), .dynamic)
        }
        return PluginArguments(
            positional: positional, named: named, options: options, inlineForm: false, queryOptions: queryOptions,
            span: .none)
    }

    /// `typeof(*, a:t, ...)` or `typeof(a:t, ...)`.
    static func schema(star: Bool = false, _ columns: [(String, ScalarType)]) -> SchemaSyntax {
        SchemaSyntax(
            includesStar: star,
            columns: columns.map { ColumnDeclarationSyntax(name: NameSyntax($0.0, span: .none), type: $0.1) },
            span: .none)
    }
}

/// Runs `body` and returns the KQLError code it threw (nil when it did not throw).
func errorOf(_ body: () throws -> Void) -> KQLError? {
    do { try body(); return nil } catch let e as KQLError { return e } catch {
        Issue.record("not a KQLError: \(error)"); return nil
    }
}

/// A scratch directory, removed when the value goes away.
final class PythonScratch: @unchecked Sendable {
    let url: URL
    init() {
        url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "sandpiper-pytest-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// Runs Debian's python3 (not the sandbox's) on a program; returns status and output.
@discardableResult
func systemPython(_ program: String, _ arguments: [String] = [], environment: [String: String]? = nil, cwd: URL? = nil)
    throws -> (Int32, String)
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = ["-c", program] + arguments
    if let environment { process.environment = environment }
    if let cwd { process.currentDirectoryURL = cwd }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Every python() suite runs inside this one, one test at a time: they share one supervisor, and the
/// leak test counts this process's fds, which a concurrent test would change.
@Suite(.serialized, .enabled(if: PythonTestEnvironment.available, PythonTestEnvironment.skip))
struct PythonSuites {}
