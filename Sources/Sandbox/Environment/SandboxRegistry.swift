import Foundation

/// A registered sandbox, resolved for running: where its packages are and which limits apply.
public struct ResolvedSandbox: Sendable, Hashable {
    /// The registered name.
    public var name: String
    /// The unpacked environment tree (`envs/<sha256>/`), read-only.
    public var environmentPath: URL
    /// `<environmentPath>/site-packages`, the only directory added to the interpreter's `sys.path`.
    public var sitePackages: URL
    /// The limits its workers run under.
    public var policy: SandboxPolicy
    /// What the environment holds (including `preload`, the modules the warm worker imports).
    public var manifest: SandboxManifest
    /// SHA-256 of the archive: the environment's identity.
    public var archiveSHA256: String
}

/// The state of a registered sandbox as `list` and `show` report it.
public enum SandboxState: String, Sendable, Codable {
    /// Unpacked and ready to run.
    case ready
    /// The unpacked tree is gone but the archive is there; the next use unpacks it again.
    case packed
    /// Neither the tree nor the archive is there; remove it and build or add it again.
    case missing
}

/// The registered sandboxes in a state directory: finding, registering, removing and collecting them.
public struct SandboxRegistry: Sendable {
    /// The state directory.
    public var home: SandboxHome
    /// Unpack limits for archives.
    public var limits: ExtractionLimits

    /// The sandbox `python()` uses when no name is given and no `default` has been set.
    public static let builtinDefault = "python3.11.7"

    /// A registry in `home` (default: `$SANDPIPER_HOME`).
    public init(home: SandboxHome = .fromEnvironment(), limits: ExtractionLimits = .standard) {
        self.home = home; self.limits = limits
    }

    /// Finds a sandbox by name (nil: the default one), unpacking its archive again if the tree was removed.
    public func resolve(_ name: String?) throws(SandboxError) -> ResolvedSandbox {
        let registry = try RegistryFile.read(home)
        let wanted = name ?? registry.defaultName ?? Self.builtinDefault
        guard let entry = registry.sandboxes[wanted] else { throw .notFound(wanted) }
        let env = try ensureUnpacked(entry)
        let manifest = try SandboxManifest.read(from: env)
        return ResolvedSandbox(
            name: wanted, environmentPath: env, sitePackages: env.appendingPathComponent("site-packages"),
            policy: entry.policy, manifest: manifest, archiveSHA256: entry.archiveSHA256)
    }

    /// The name `resolve(nil)` uses.
    public func defaultName() throws(SandboxError) -> String {
        try chosenDefaultName() ?? Self.builtinDefault
    }

    /// The default chosen with `setDefault`, or nil when none is (then `builtinDefault` applies).
    public func chosenDefaultName() throws(SandboxError) -> String? {
        try RegistryFile.read(home).defaultName
    }

    /// Every registered entry, sorted by name. Taken under the lock, so leftovers of killed commands are
    /// cleaned first.
    public func entries() throws(SandboxError) -> [RegistryEntry] {
        try RegistryFile.withLock(home) { (r: inout RegistryFile) throws(SandboxError) in
            r.sandboxes.values.sorted { $0.name < $1.name }
        }
    }

    /// One registered entry.
    public func entry(_ name: String) throws(SandboxError) -> RegistryEntry {
        guard let e = try RegistryFile.read(home).sandboxes[name] else { throw .notFound(name) }
        return e
    }

    /// Whether a sandbox's tree and archive are present.
    public func state(of entry: RegistryEntry) -> SandboxState {
        let fm = FileManager.default
        if fm.fileExists(
            atPath: home.environment(entry.archiveSHA256).appendingPathComponent(SandboxManifest.fileName).path)
        {
            return .ready
        }
        if fm.fileExists(atPath: home.archives.appendingPathComponent(entry.archiveFile).path) { return .packed }
        return .missing
    }

    /// Makes `name` the default sandbox.
    public func setDefault(_ name: String) throws(SandboxError) {
        try RegistryFile.withLock(home) { (r: inout RegistryFile) throws(SandboxError) in
            guard r.sandboxes[name] != nil else { throw .notFound(name) }
            r.defaultName = name
        }
    }

    /// Changes a sandbox's policy; the new policy is validated first.
    @discardableResult
    public func setPolicy(_ name: String, _ change: (inout SandboxPolicy) -> Void) throws(SandboxError) -> SandboxPolicy
    {
        try RegistryFile.withLock(home) { (r: inout RegistryFile) throws(SandboxError) -> SandboxPolicy in
            guard var entry = r.sandboxes[name] else { throw .notFound(name) }
            change(&entry.policy)
            try entry.policy.validate()
            r.sandboxes[name] = entry
            return entry.policy
        }
    }

    /// Unregisters a name; its tree and archive stay until `gc` (another name may share them). Returns
    /// true when it was the default (chosen, or the built-in one with none chosen); a chosen default is then
    /// unset. The CLI warns about that, since python() calls that name no sandbox stop finding it.
    @discardableResult
    public func remove(_ name: String) throws(SandboxError) -> Bool {
        try RegistryFile.withLock(home) { (r: inout RegistryFile) throws(SandboxError) -> Bool in
            guard r.sandboxes.removeValue(forKey: name) != nil else { throw .notFound(name) }
            let wasDefault = (r.defaultName ?? Self.builtinDefault) == name
            if r.defaultName == name { r.defaultName = nil }
            return wasDefault
        }
    }

    /// Removes unpacked trees, archives and cached wheels no registered sandbox uses; returns what it removed.
    public func collectGarbage() throws(SandboxError) -> [String] {
        try RegistryFile.withLock(home) { (r: inout RegistryFile) throws(SandboxError) -> [String] in
            let used = Set(r.sandboxes.values.map(\.archiveSHA256))
            let files = Set(r.sandboxes.values.map(\.archiveFile))
            var removed: [String] = []
            let fm = FileManager.default
            for name in (try? fm.contentsOfDirectory(atPath: home.envs.path)) ?? [] where !used.contains(name) {
                TreeScanner.remove(home.envs.appendingPathComponent(name)); removed.append("envs/\(name)")
            }
            for name in (try? fm.contentsOfDirectory(atPath: home.archives.path)) ?? []
            where !files.contains(name) && SandboxHome.ownerPID(name) == nil {
                TreeScanner.remove(home.archives.appendingPathComponent(name)); removed.append("archives/\(name)")
            }
            return removed.sorted()
        }
    }

    /// Registers `entry`, first moving a finished tree and archive from scratch into place (all under the lock,
    /// so the registry never names a tree that is not complete).
    func register(_ entry: RegistryEntry, tree: URL?, archive: URL?) throws(SandboxError) {
        try RegistryFile.withLock(home) { (r: inout RegistryFile) throws(SandboxError) in
            if let archive {
                try SandboxHome.moveIntoPlace(archive, home.archives.appendingPathComponent(entry.archiveFile))
            }
            if let tree { try SandboxHome.moveIntoPlace(tree, home.environment(entry.archiveSHA256)) }
            r.sandboxes[entry.name] = entry
        }
    }

    /// The entry's unpacked tree, unpacking the archive again when the tree was removed.
    func ensureUnpacked(_ entry: RegistryEntry) throws(SandboxError) -> URL {
        let env = home.environment(entry.archiveSHA256)
        if FileManager.default.fileExists(atPath: env.appendingPathComponent(SandboxManifest.fileName).path) {
            return env
        }
        let archive = home.archives.appendingPathComponent(entry.archiveFile)
        guard FileManager.default.fileExists(atPath: archive.path) else {
            throw SandboxError(
                .notFound, "sandbox '\(entry.name)' has neither its unpacked tree nor its archive \(entry.archiveFile)",
                hint: "run `sandpiper sandbox remove \(entry.name)` and build or add it again")
        }
        try home.prepare()
        let scratch = home.scratchPath("unpack")
        defer { TreeScanner.remove(scratch) }
        try ArchiveImporter(registry: self).unpackVerified(archive, into: scratch)
        try RegistryFile.withLock(home) { (_: inout RegistryFile) throws(SandboxError) in
            try SandboxHome.moveIntoPlace(scratch, env)
        }
        return env
    }
}
