import Foundation

/// The outcome of importing one top-level module.
public struct ImportCheck: Sendable, Hashable, Codable {
    /// The module name.
    public var module: String
    /// The distribution that installs it.
    public var package: String
    /// Whether `import module` succeeded.
    public var ok: Bool
    /// Seconds the import took.
    public var seconds: Double
    /// The exception (type: message) when it failed.
    public var error: String?
}

/// What `verify` found.
public struct VerifyReport: Sendable {
    /// Files missing, changed or unexpected compared with the manifest (empty when intact).
    public var fileProblems: [String]
    /// Files checked.
    public var filesChecked: Int
    /// One result per top-level module.
    public var imports: [ImportCheck]
    /// Whether everything passed.
    public var passed: Bool { fileProblems.isEmpty && imports.allSatisfy(\.ok) }
}

/// Re-hashes an unpacked environment against its manifest and imports every top-level module of its
/// packages in a child interpreter that sees only the standard library and the environment.
public struct SandboxVerifier {
    /// The registry holding the sandbox.
    public var registry: SandboxRegistry
    /// The interpreter used for the import check.
    public var target: PythonTarget = .embedded

    /// A verifier for sandboxes in `registry`.
    public init(registry: SandboxRegistry) { self.registry = registry }

    /// Verifies the named sandbox.
    public func verify(_ name: String) throws(SandboxError) -> VerifyReport {
        let resolved = try registry.resolve(name)
        let problems = try resolved.manifest.differences(from: resolved.environmentPath)
        let imports = try importAll(resolved)
        return VerifyReport(fileProblems: problems, filesChecked: resolved.manifest.files.count, imports: imports)
    }

    /// The child's program: `sys.path` is set to the stdlib and the environment only (the interpreter runs with
    /// `-I -S`, so no user site, no `dist-packages`, no `PYTHONPATH`); one JSON line per module, flushed, so a
    /// crash in one import is attributed to it.
    static let program = """
        import sys, json, time, importlib
        args = json.loads(sys.argv[1])
        sys.path[:] = args["path"]
        for module in args["modules"]:
            t = time.perf_counter()
            try:
                importlib.import_module(module)
                r = {"module": module, "ok": True}
            except BaseException as e:
                r = {"module": module, "ok": False, "error": type(e).__name__ + ": " + str(e).splitlines()[0][:200] if str(e) else type(e).__name__}
            r["seconds"] = round(time.perf_counter() - t, 3)
            print(json.dumps(r), flush=True)
        """

    func importAll(_ sandbox: ResolvedSandbox) throws(SandboxError) -> [ImportCheck] {
        var owner: [String: String] = [:]
        for p in sandbox.manifest.packages { for m in p.topLevel where owner[m] == nil { owner[m] = p.name } }
        let modules = owner.keys.sorted()
        let args: [String: Any] = ["path": target.stdlibPaths + [sandbox.sitePackages.path], "modules": modules]
        guard let argData = try? JSONSerialization.data(withJSONObject: args),
            let argText = String(data: argData, encoding: .utf8)
        else {
            throw .io("cannot encode the import list")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: target.interpreter)
        // -B: never write __pycache__ into the shared tree (as root its read-only modes do not stop it, and
        // -I ignores PYTHONDONTWRITEBYTECODE). HOME points nowhere so no library writes caches there either.
        process.arguments = ["-I", "-S", "-B", "-c", Self.program, argText]
        process.environment = [
            "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1",
            "HOME": "/nonexistent", "MPLCONFIGDIR": "/nonexistent",
        ]
        process.currentDirectoryURL = sandbox.environmentPath
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .io("cannot run \(target.interpreter): \(error.localizedDescription)", cause: error)
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var results: [String: ImportCheck] = [:]
        for line in data.split(separator: 0x0A) {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let m = obj["module"] as? String
            else { continue }
            results[m] = ImportCheck(
                module: m, package: owner[m] ?? "", ok: obj["ok"] as? Bool ?? false,
                seconds: obj["seconds"] as? Double ?? 0, error: obj["error"] as? String)
        }
        // A module with no result line is the one the child died in (or never reached).
        var crashed = false
        return modules.map { m in
            if let r = results[m] { return r }
            defer { crashed = true }
            let why =
                crashed
                ? "not reached: the interpreter died earlier"
                : "the interpreter died during this import (exit status \(process.terminationStatus))"
            return ImportCheck(module: m, package: owner[m] ?? "", ok: false, seconds: 0, error: why)
        }
    }
}
