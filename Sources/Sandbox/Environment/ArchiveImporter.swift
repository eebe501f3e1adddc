import Foundation

/// Registers archives built elsewhere: our `.tar.zst`/`.tar.gz` (an environment tree with `manifest.json`),
/// or a `.zip` of `.whl` files (what ADX users upload as external artifacts), installed as wheels.
public struct ArchiveImporter {
    /// Where the result is registered.
    public var registry: SandboxRegistry
    /// Progress output.
    public var progress: ProgressReporter

    /// An importer registering into `registry`.
    public init(registry: SandboxRegistry, progress: ProgressReporter = ProgressReporter(style: .quiet)) {
        self.registry = registry; self.progress = progress
    }

    /// Registers `archive` under `name` (default: the manifest's name, or the zip's base name).
    /// Nothing is registered, and no file is left, unless every check passes.
    public func add(_ archive: URL, name: String? = nil) throws(SandboxError) -> BuildReport {
        let home = registry.home
        try home.prepare()
        guard FileManager.default.fileExists(atPath: archive.path) else {
            throw .archive("\(archive.path) does not exist")
        }
        let lower = archive.lastPathComponent.lowercased()
        if lower.hasSuffix(".zip") { return try addWheelZip(archive, name: name) }
        let ext: String
        if lower.hasSuffix(".tar.zst") || lower.hasSuffix(".tzst") {
            ext = "tar.zst"
        } else if lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tgz") {
            ext = "tar.gz"
        } else {
            throw .archive("\(archive.lastPathComponent) is not a .tar.zst, .tar.gz or .zip archive")
        }

        let sha = try TreeScanner.sha256(of: archive)
        let work = home.scratchPath("add")
        defer { TreeScanner.remove(work) }
        do { try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true) } catch {
            throw .io("cannot create \(work.path)")
        }
        let tree = work.appendingPathComponent("env")
        let env = home.environment(sha)
        let manifest: SandboxManifest
        var unpacked: URL? = nil
        if FileManager.default.fileExists(atPath: env.appendingPathComponent(SandboxManifest.fileName).path) {
            manifest = try SandboxManifest.read(from: env)
        } else {
            manifest = try unpackVerified(archive, into: tree)
            unpacked = tree
        }
        let finalName = name ?? manifest.name
        guard SandboxName.isValid(finalName) else {
            throw .archive("name '\(finalName)' " + SandboxName.rule, hint: "pass --name")
        }
        // Copy (not move) the user's file; the copy lands in archives/ under the lock, by rename.
        let copy = work.appendingPathComponent("archive")
        do { try FileManager.default.copyItem(at: archive, to: copy) } catch {
            throw .io("cannot copy \(archive.path): \(error.localizedDescription)", cause: error)
        }
        guard try TreeScanner.sha256(of: copy) == sha else {
            throw .archive("\(archive.lastPathComponent) changed while it was being added")
        }
        let entry = RegistryEntry(
            name: finalName, archiveSHA256: sha, archiveFile: "\(sha).\(ext)", source: archive.path,
            policy: manifest.policy)
        try registry.register(entry, tree: unpacked, archive: copy)
        return BuildReport(
            name: finalName, archiveSHA256: sha, archive: home.archives.appendingPathComponent(entry.archiveFile),
            environment: env, manifest: manifest, relocked: false)
    }

    /// Unpacks one of our environment archives into `tree` (which must not exist) and checks it: a manifest
    /// for this interpreter's ABI, and a tree that matches the manifest file by file. The tree is made read-only.
    @discardableResult
    func unpackVerified(_ archive: URL, into tree: URL) throws(SandboxError) -> SandboxManifest {
        do { try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true) } catch {
            throw .io("cannot create \(tree.path)")
        }
        let size =
            (try? FileManager.default.attributesOfItem(atPath: archive.path)[.size] as? NSNumber)?.int64Value ?? 0
        progress.begin("unpack", total: max(size * 4, 1), bytes: true)
        var extractor = ArchiveExtractor(destination: tree, limits: registry.limits)
        extractor.onBytes = { [progress] n in progress.update(n) }
        let result = try extractor.extract(archive)
        progress.end(ProgressReporter.size(result.bytes))
        let manifest = try SandboxManifest.read(from: tree)
        guard manifest.abi == PythonTarget.embedded.abi else {
            throw .archive(
                "\(archive.lastPathComponent) holds an environment for \(manifest.abi), not \(PythonTarget.embedded.abi)"
            )
        }
        let diff = try manifest.differences(from: tree)
        guard diff.isEmpty else {
            throw .archive(
                "\(archive.lastPathComponent) does not match its manifest: " + diff.prefix(5).joined(separator: "; ")
                    + (diff.count > 5 ? "; and \(diff.count - 5) more" : ""))
        }
        try TreeScanner.makeReadOnly(tree)
        return manifest
    }

    /// A zip of wheels: unpack it safely, check and install every wheel, then pack and register like a build.
    private func addWheelZip(_ zip: URL, name: String?) throws(SandboxError) -> BuildReport {
        let home = registry.home
        let finalName = name ?? String(zip.lastPathComponent.dropLast(4))
        guard SandboxName.isValid(finalName) else {
            throw .archive("name '\(finalName)' " + SandboxName.rule, hint: "pass --name")
        }
        let work = home.scratchPath("add")
        defer { TreeScanner.remove(work) }
        let wheelsDir = work.appendingPathComponent("wheels")
        do { try FileManager.default.createDirectory(at: wheelsDir, withIntermediateDirectories: true) } catch {
            throw .io("cannot create \(wheelsDir.path)")
        }
        let extracted = try ArchiveExtractor(destination: wheelsDir, limits: registry.limits).extract(zip)
        let wheelPaths = extracted.files.filter { $0.hasSuffix(".whl") }.sorted()
        guard !wheelPaths.isEmpty else { throw .archive("\(zip.lastPathComponent) contains no .whl files") }
        let platform = "manylinux_2_28_x86_64"
        var wheels: [(URL, LockedWheel)] = []
        for path in wheelPaths {
            let url = wheelsDir.appendingPathComponent(path)
            guard let tags = WheelTags(fileName: url.lastPathComponent) else {
                throw .archive("\(path) is not a wheel file name")
            }
            if let why = tags.incompatibility(target: .embedded, platform: platform) {
                throw .archive("wheel \(path) in \(zip.lastPathComponent) \(why)")
            }
            wheels.append(
                (
                    url,
                    LockedWheel(
                        name: tags.distribution, version: tags.version, file: url.lastPathComponent,
                        sha256: try TreeScanner.sha256(of: url))
                ))
        }
        let builder = SandboxBuilder(registry: registry, progress: progress)
        let tree = work.appendingPathComponent("env")
        let installer = WheelInstaller(root: tree, platform: platform, limits: registry.limits)
        let zipSHA = try TreeScanner.sha256(of: zip)
        let manifest = try builder.install(wheels, with: installer) { packages, files, size in
            SandboxManifest(
                format: 1, name: finalName, description: "wheels from \(zip.lastPathComponent) (sha256 \(zipSHA))",
                abi: PythonTarget.embedded.abi, platform: platform, specSHA256: nil,
                preload: packages.contains { $0.topLevel.contains("pandas") } ? ["numpy", "pandas"] : [],
                policy: .forThisMachine, unavailable: [], packages: packages, sizeBytes: size, files: files)
        }
        return try builder.packAndRegister(
            tree: tree, work: work, manifest: manifest, name: finalName, source: zip.path,
            policy: .forThisMachine, relocked: false)
    }
}
