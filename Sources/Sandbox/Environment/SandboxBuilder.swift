import Foundation

/// What `build` (and `add`) produced.
public struct BuildReport: Sendable {
    /// The registered name.
    public var name: String
    /// SHA-256 of the archive: the environment's identity.
    public var archiveSHA256: String
    /// The archive in `archives/`.
    public var archive: URL
    /// The unpacked environment.
    public var environment: URL
    /// Its manifest.
    public var manifest: SandboxManifest
    /// Whether the lock file was (re)written.
    public var relocked: Bool
}

/// Builds a sandbox from a spec: lock (resolve with pip when needed), download the locked wheels,
/// install them by unpacking, write the manifest, pack a reproducible `.tar.zst`, register it.
public struct SandboxBuilder {
    /// Where the result is registered.
    public var registry: SandboxRegistry
    /// Progress output.
    public var progress: ProgressReporter
    var pip = PipClient()

    /// A builder registering into `registry`.
    public init(registry: SandboxRegistry, progress: ProgressReporter = ProgressReporter()) {
        self.registry = registry; self.progress = progress
    }

    /// How to treat the lock file next to the spec.
    public enum LockMode: Sendable {
        /// Use the lock when it matches the spec, otherwise resolve and rewrite it.
        case update
        /// Use the lock; a missing or stale lock is `E_SPEC` (for CI and reproducible rebuilds).
        case frozen
        /// Resolve again even if the lock matches.
        case relock
    }

    /// Reads the spec's lock, or resolves and writes it, as `mode` says; returns the lock and whether it was written.
    public func lock(specURL: URL, mode: LockMode = .update) throws(SandboxError) -> (SandboxLock, Bool) {
        let spec = try SandboxSpec(contentsOf: specURL)
        let lockURL = SandboxLock.url(forSpec: specURL)
        if mode != .relock, FileManager.default.fileExists(atPath: lockURL.path) {
            let lock = try SandboxLock(contentsOf: lockURL)
            if lock.resolutionKey == spec.resolutionKey { return (lock, false) }
            if mode == .frozen {
                throw .spec(
                    "\(lockURL.lastPathComponent) is stale: the spec's requirements, abi or platform changed",
                    hint:
                        "run `sandpiper sandbox build` without --frozen (or `sandpiper sandbox lock`) to resolve again")
            }
        } else if mode == .frozen {
            throw .spec(
                "\(lockURL.lastPathComponent) does not exist",
                hint: "run `sandpiper sandbox lock \(specURL.path)` first")
        }
        try registry.home.prepare()
        let scratch = registry.home.scratchPath("lock")
        defer { TreeScanner.remove(scratch) }
        do { try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true) } catch {
            throw .io("cannot create \(scratch.path)")
        }
        let wheels = try pip.resolve(spec, scratch: scratch, progress: progress)
        for w in wheels {
            if let why = WheelTags(fileName: w.file)?.incompatibility(target: pip.target, platform: spec.platform) {
                throw .archive("wheel \(w.file) \(why)")
            }
        }
        let lock = SandboxLock(spec: spec.name, resolutionKey: spec.resolutionKey, wheels: wheels)
        try SandboxHome.writeAtomically(Data(lock.render().utf8), to: lockURL)
        progress.note("lock: wrote \(lockURL.lastPathComponent) (\(wheels.count) wheels)")
        return (lock, true)
    }

    /// Builds and registers the spec under `name` (default: the spec's name).
    public func build(specURL: URL, name: String? = nil, lockMode: LockMode = .update) throws(SandboxError)
        -> BuildReport
    {
        let spec = try SandboxSpec(contentsOf: specURL)
        let name = name ?? spec.name
        guard SandboxName.isValid(name) else { throw .spec("name '\(name)' " + SandboxName.rule) }
        let (lock, relocked) = try lock(specURL: specURL, mode: lockMode)
        let wheels = try fetch(lock.wheels, platform: spec.platform)

        let work = registry.home.scratchPath("build")
        defer { TreeScanner.remove(work) }
        let tree = work.appendingPathComponent("env")
        let installer = WheelInstaller(root: tree, platform: spec.platform, limits: registry.limits)
        let manifest = try install(
            wheels, with: installer,
            describe: { packages, files, size in
                SandboxManifest(
                    format: 1, name: spec.name, description: spec.description, abi: spec.abi, platform: spec.platform,
                    specSHA256: spec.sha256, preload: spec.preload, policy: spec.policy, unavailable: spec.unavailable,
                    packages: packages, sizeBytes: size, files: files)
            })
        return try packAndRegister(
            tree: tree, work: work, manifest: manifest, name: name, source: specURL.path,
            policy: spec.policy, relocked: relocked)
    }

    /// The locked wheels as local files, from the wheel cache or downloaded by pip, each hash-checked.
    func fetch(_ locked: [LockedWheel], platform: String) throws(SandboxError) -> [(URL, LockedWheel)] {
        let home = registry.home
        try home.prepare()
        func cached(_ w: LockedWheel) -> URL {
            home.wheels.appendingPathComponent(w.sha256).appendingPathComponent(w.file)
        }
        let missing = locked.filter { !FileManager.default.fileExists(atPath: cached($0).path) }
        if !missing.isEmpty {
            let download = home.scratchPath("build")
            defer { TreeScanner.remove(download) }
            do { try FileManager.default.createDirectory(at: download, withIntermediateDirectories: true) } catch {
                throw .io("cannot create \(download.path)")
            }
            try pip.download(missing, platform: platform, into: download, progress: progress)
            for w in missing {
                let file = download.appendingPathComponent(w.file)
                guard FileManager.default.fileExists(atPath: file.path) else {
                    throw SandboxError(
                        .build, "pip did not download \(w.file)",
                        hint: "the index may no longer offer this file; relock with --relock")
                }
                let sha = try TreeScanner.sha256(of: file)
                guard sha == w.sha256 else {
                    throw .archive("wheel \(w.file) has sha256 \(sha), but the lock says \(w.sha256)")
                }
                let dir = cached(w).deletingLastPathComponent()
                do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
                    throw .io("cannot create \(dir.path)")
                }
                try SandboxHome.moveIntoPlace(file, cached(w))
            }
        } else {
            progress.note("download: all \(locked.count) wheels cached")
        }
        return locked.map { (cached($0), $0) }
    }

    /// Installs wheels into `installer.root` and writes the manifest `describe` makes from the result.
    func install(
        _ wheels: [(URL, LockedWheel)], with installer: WheelInstaller,
        describe: ([ManifestPackage], [ManifestFile], Int64) -> SandboxManifest
    ) throws(SandboxError) -> SandboxManifest {
        do {
            for dir in ["site-packages", "bin", "data", "include"] {
                try FileManager.default.createDirectory(
                    at: installer.root.appendingPathComponent(dir), withIntermediateDirectories: true)
            }
        } catch { throw .io("cannot create \(installer.root.path): \(error.localizedDescription)", cause: error) }
        let total = wheels.reduce(Int64(0)) {
            $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.0.path)[.size] as? NSNumber)?.int64Value ?? 0)
        }
        progress.begin("unpack", total: total, bytes: true)
        var packages: [ManifestPackage] = []
        var done: Int64 = 0
        for (url, locked) in wheels {
            var wheelInstaller = installer
            let size =
                (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
            let base = done
            wheelInstaller.onBytes = { [progress] _ in progress.update(base, detail: locked.name) }
            packages.append(try wheelInstaller.install(url, sha256: locked.sha256))
            done += size
            progress.update(done, detail: locked.name)
        }
        packages.sort { $0.name.lowercased() < $1.name.lowercased() }
        let files = try SandboxManifest.scanFiles(installer.root)
        let manifest = describe(packages, files, files.reduce(0) { $0 + $1.size })
        try SandboxHome.writeAtomically(
            try manifest.encoded(), to: installer.root.appendingPathComponent(SandboxManifest.fileName))
        progress.end("\(packages.count) packages, \(ProgressReporter.size(manifest.sizeBytes))")
        return manifest
    }

    /// Packs the tree reproducibly, names the archive by its SHA-256 and registers it.
    func packAndRegister(
        tree: URL, work: URL, manifest: SandboxManifest, name: String, source: String,
        policy: SandboxPolicy, relocked: Bool
    ) throws(SandboxError) -> BuildReport {
        let packed = work.appendingPathComponent("env.tar.zst")
        progress.begin("pack", total: max(manifest.sizeBytes, 1), bytes: true)
        var writer = ArchiveWriter()
        writer.onBytes = { [progress] done, _ in progress.update(done) }
        try writer.pack(tree, to: packed)
        let sha = try TreeScanner.sha256(of: packed)
        let archiveSize =
            (try? FileManager.default.attributesOfItem(atPath: packed.path)[.size] as? NSNumber)?.int64Value ?? 0
        progress.end("\(ProgressReporter.size(archiveSize)), sha256 \(sha)")
        try TreeScanner.makeReadOnly(tree)
        let entry = RegistryEntry(
            name: name, archiveSHA256: sha, archiveFile: "\(sha).tar.zst", source: source, policy: policy)
        try registry.register(entry, tree: tree, archive: packed)
        return BuildReport(
            name: name, archiveSHA256: sha, archive: registry.home.archives.appendingPathComponent(entry.archiveFile),
            environment: registry.home.environment(sha), manifest: manifest, relocked: relocked)
    }
}
