import Foundation

/// Installs wheels into an environment tree by unpacking them (no `setup.py`, no pip, no code runs):
/// `purelib`/`platlib` and the wheel root go to `site-packages/`, `scripts` to `bin/`, `headers` to
/// `include/<dist>/`, `data` to `data/` — the layout the worker expects.
struct WheelInstaller {
    /// The environment root being filled.
    var root: URL
    var target: PythonTarget = .embedded
    /// Newest manylinux tag accepted.
    var platform: String
    var limits: ExtractionLimits
    /// Called with bytes unpacked from the current wheel.
    var onBytes: (Int64) -> Void = { _ in }

    /// Installs one wheel whose SHA-256 is already known; refuses wheels for another ABI or platform.
    func install(_ wheel: URL, sha256: String) throws(SandboxError) -> ManifestPackage {
        let fileName = wheel.lastPathComponent
        guard let tags = WheelTags(fileName: fileName) else {
            throw .archive("\(fileName) is not a wheel file name (name-version-python-abi-platform.whl)")
        }
        if let why = tags.incompatibility(target: target, platform: platform) {
            throw .archive(
                "wheel \(fileName) \(why)",
                hint: "environments hold wheels for \(target.abi) on manylinux \(target.architecture) only")
        }
        let dataDir = "\(tags.distribution)-\(tags.version).data"
        let dist = tags.distribution
        var extractor = ArchiveExtractor(destination: root, limits: limits)
        extractor.rejectDuplicates = false
        extractor.onBytes = onBytes
        extractor.route = { path in
            let parts = path.split(separator: "/", maxSplits: 2).map(String.init)
            guard parts.first == dataDir else { return "site-packages/" + path }
            guard parts.count == 3 else { return nil }
            switch parts[1] {
            case "purelib", "platlib": return "site-packages/" + parts[2]
            case "scripts": return "bin/" + parts[2]
            case "headers": return "include/\(dist)/" + parts[2]
            case "data": return "data/" + parts[2]
            default: return nil
            }
        }
        let result = try extractor.extract(wheel, displayName: fileName)
        for path in result.files where path.hasPrefix("bin/") { try fixScript(root.appendingPathComponent(path)) }

        var size: Int64 = 0
        for path in result.files {
            if let attrs = try? FileManager.default.attributesOfItem(atPath: root.path + "/" + path),
                let n = attrs[.size] as? NSNumber
            {
                size += n.int64Value
            }
        }
        let (name, version) = metadata(files: result.files) ?? (tags.distribution, tags.version)
        return ManifestPackage(
            name: name, version: version, wheel: fileName, sha256: sha256, sizeBytes: size,
            topLevel: Self.topLevel(of: result.files))
    }

    /// Scripts become executable and their `#!python` placeholder names the embedded interpreter.
    private func fixScript(_ url: URL) throws(SandboxError) {
        if var data = try? Data(contentsOf: url), data.starts(with: Array("#!python".utf8)) {
            let newline = data.firstIndex(of: 0x0A) ?? data.endIndex
            data.replaceSubrange(data.startIndex..<newline, with: Array("#!\(target.interpreter)".utf8))
            do { try data.write(to: url) } catch {
                throw .io("cannot rewrite script \(url.lastPathComponent): \(error)", cause: error)
            }
        }
        chmod(url.path, 0o755)
    }

    /// Name and version from the wheel's `*.dist-info/METADATA`.
    private func metadata(files: [String]) -> (String, String)? {
        guard
            let path = files.first(where: { $0.hasSuffix(".dist-info/METADATA") && $0.split(separator: "/").count == 3 }
            ),
            let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        else { return nil }
        var name: String?, version: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { break }
            if line.hasPrefix("Name: ") { name = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix("Version: ") { version = String(line.dropFirst(9)).trimmingCharacters(in: .whitespaces) }
        }
        guard let name, let version else { return nil }
        return (name, version)
    }

    /// The importable names a wheel puts at the top of `site-packages`: package directories and
    /// `.py`/extension modules, skipping metadata directories and names Python cannot import.
    static func topLevel(of files: [String]) -> [String] {
        var names = Set<String>()
        for path in files where path.hasPrefix("site-packages/") {
            let parts = path.dropFirst("site-packages/".count).split(separator: "/")
            guard let first = parts.first else { continue }
            var name = String(first)
            if parts.count == 1 {
                if name.hasSuffix(".py") {
                    name = String(name.dropLast(3))
                } else if name.hasSuffix(".so"), let dot = name.firstIndex(of: ".") {
                    name = String(name[..<dot])
                } else {
                    continue
                }
            }
            guard name != "__pycache__", !name.hasSuffix(".dist-info"), !name.hasSuffix(".data"),
                let f = name.first, f.isLetter || f == "_",
                name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            else { continue }
            names.insert(name)
        }
        return names.sorted()
    }
}
