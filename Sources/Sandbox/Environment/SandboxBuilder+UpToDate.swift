import Foundation

extension SandboxBuilder {
    /// The registered sandbox that building `specURL` as `name` would reproduce, or nil when a build is needed.
    ///
    /// Up to date means: registered and ready, built from a spec with the same SHA-256, and holding exactly
    /// the wheels the spec's lock pins (same files, same hashes). `build --if-needed` uses this so that the
    /// quick start can be run again without repacking hundreds of megabytes.
    public func upToDate(specURL: URL, name: String? = nil) -> ResolvedSandbox? {
        guard let spec = try? SandboxSpec(contentsOf: specURL),
            let lock = try? SandboxLock(contentsOf: SandboxLock.url(forSpec: specURL)),
            lock.resolutionKey == spec.resolutionKey,
            let resolved = try? registry.resolve(name ?? spec.name),
            resolved.manifest.specSHA256 == spec.sha256
        else { return nil }
        let built = Set(resolved.manifest.packages.map { "\($0.wheel) \($0.sha256)" })
        let pinned = Set(lock.wheels.map { "\($0.file) \($0.sha256)" })
        return built == pinned ? resolved : nil
    }
}
