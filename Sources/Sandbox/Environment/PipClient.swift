import Foundation

/// pip, used only as a resolver and downloader of binary wheels for the target ABI and platform:
/// never to install, never to build from source (`--only-binary=:all:` everywhere).
struct PipClient {
    /// The Python whose pip is used: `$SANDPIPER_PIP_PYTHON`, else `python3` on `PATH`
    /// (Debian's own interpreter has no pip; any 3.x pip can download for another target).
    var python: String = ProcessInfo.processInfo.environment["SANDPIPER_PIP_PYTHON"] ?? "python3"
    var target: PythonTarget = .embedded

    func targetArguments(platform: String) -> [String] {
        ["--only-binary=:all:", "--implementation", "cp", "--python-version", target.version, "--abi", target.abi]
            + WheelTags.pipPlatforms(upTo: platform, architecture: target.architecture).flatMap { ["--platform", $0] }
    }

    /// Resolves the spec's requirements with their dependencies to exact wheels and hashes.
    func resolve(_ spec: SandboxSpec, scratch: URL, progress: ProgressReporter) throws(SandboxError) -> [LockedWheel] {
        let report = scratch.appendingPathComponent("report.json")
        progress.note("resolve: \(spec.requirements.count) requirements for \(target.abi) / \(spec.platform)")
        let args =
            [
                "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet", "--disable-pip-version-check",
                "--report", report.path, "--target", scratch.appendingPathComponent("target").path,
            ]
            + targetArguments(platform: spec.platform) + spec.requirements.map(\.description)
        _ = try run(args, onLine: { _ in })
        guard let data = FileManager.default.contents(atPath: report.path),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let installs = json["install"] as? [[String: Any]]
        else {
            throw SandboxError(.build, "pip produced no readable resolution report")
        }
        var wheels: [LockedWheel] = []
        for item in installs {
            guard let meta = item["metadata"] as? [String: Any], let name = meta["name"] as? String,
                let version = meta["version"] as? String, let info = item["download_info"] as? [String: Any],
                let url = info["url"] as? String, let archive = info["archive_info"] as? [String: Any],
                let hashes = archive["hashes"] as? [String: String], let sha = hashes["sha256"]
            else {
                throw SandboxError(.build, "pip's report lacks a name, version, URL or sha256 for an entry")
            }
            let file = String(url.split(separator: "/").last ?? "").removingPercentEncoding ?? ""
            guard WheelTags(fileName: file) != nil else {
                throw SandboxError(.build, "pip resolved \(name) \(version) to \(file), which is not a wheel")
            }
            wheels.append(LockedWheel(name: name, version: version, file: file, sha256: sha))
        }
        return wheels
    }

    /// Downloads exactly the locked wheels (hash-checked by pip and again by the caller) into `directory`.
    func download(_ wheels: [LockedWheel], platform: String, into directory: URL, progress: ProgressReporter)
        throws(SandboxError)
    {
        let requirements = directory.appendingPathComponent("requirements.txt")
        let text = wheels.map { "\($0.name)==\($0.version) --hash=sha256:\($0.sha256)" }.joined(separator: "\n") + "\n"
        do { try text.write(to: requirements, atomically: false, encoding: .utf8) } catch {
            throw .io("cannot write \(requirements.path)")
        }
        progress.begin("download", total: Int64(wheels.count), bytes: false)
        var count: Int64 = 0
        let args =
            [
                "-m", "pip", "download", "--no-deps", "--require-hashes", "--disable-pip-version-check",
                "--progress-bar", "off",
                "-d", directory.path, "-r", requirements.path,
            ] + targetArguments(platform: platform)
        _ = try run(args) { line in
            if line.hasPrefix("Collecting ") {
                count += 1
                progress.update(count, detail: String(line.dropFirst("Collecting ".count).prefix { $0 != " " }))
            }
        }
        progress.end("\(wheels.count) wheels")
    }

    /// Runs pip, handing each output line to `onLine`; a failure carries pip's last lines.
    private func run(_ arguments: [String], onLine: (String) -> Void) throws(SandboxError) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PIP_NO_INPUT"] = "1"
        environment["PYTHONUNBUFFERED"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw SandboxError(
                .build, "cannot run \(python) -m pip: \(error.localizedDescription)",
                hint: "install pip for a Python 3 on PATH, or set SANDPIPER_PIP_PYTHON to one that has it", cause: error
            )
        }
        var tail: [String] = []
        var pending = Data()
        let handle = pipe.fileHandleForReading
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let nl = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[pending.startIndex..<nl], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...nl)
                onLine(line)
                tail.append(line); if tail.count > 30 { tail.removeFirst() }
            }
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SandboxError(
                .build, "pip failed (exit \(process.terminationStatus)):\n" + tail.joined(separator: "\n"),
                hint:
                    "check that every requirement has a \(target.abi) manylinux wheel on the index and that the index is reachable"
            )
        }
        return process.terminationStatus
    }
}
