/// A wheel file name split into its parts (PEP 427):
/// `{distribution}-{version}(-{build})?-{python}-{abi}-{platform}.whl`, tags compressed with `.`.
public struct WheelTags: Sendable, Hashable {
    /// The distribution name, escaped as in the file name (`python_dateutil`).
    public var distribution: String
    /// The version.
    public var version: String
    /// Python tags (`cp311`, `py3`, ...).
    public var python: [String]
    /// ABI tags (`cp311`, `abi3`, `none`).
    public var abi: [String]
    /// Platform tags (`manylinux_2_17_x86_64`, `any`, ...).
    public var platform: [String]

    /// Parses a wheel file name; nil when it is not one.
    public init?(fileName: String) {
        guard fileName.hasSuffix(".whl") else { return nil }
        let parts = fileName.dropLast(4).split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5 || parts.count == 6, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        distribution = parts[0]; version = parts[1]
        python = parts[parts.count - 3].split(separator: ".").map(String.init)
        abi = parts[parts.count - 2].split(separator: ".").map(String.init)
        platform = parts[parts.count - 1].split(separator: ".").map(String.init)
    }

    /// The glibc version a manylinux platform tag requires, nil for other tags.
    /// Legacy aliases: manylinux1 = 2.5, manylinux2010 = 2.12, manylinux2014 = 2.17.
    public static func manylinuxVersion(_ tag: String) -> (major: Int, minor: Int)? {
        if tag.hasPrefix("manylinux1_") { return (2, 5) }
        if tag.hasPrefix("manylinux2010_") { return (2, 12) }
        if tag.hasPrefix("manylinux2014_") { return (2, 17) }
        guard tag.hasPrefix("manylinux_") else { return nil }
        let fields = tag.dropFirst("manylinux_".count).split(separator: "_")
        guard fields.count >= 3, let major = Int(fields[0]), let minor = Int(fields[1]) else { return nil }
        return (major, minor)
    }

    /// Why this wheel cannot be installed for `target` with glibc up to `platform`'s, or nil when it can.
    public func incompatibility(target: PythonTarget, platform maxPlatform: String) -> String? {
        let (major, minor) = target.versionNumbers
        func pythonOK(_ tag: String, stableABI: Bool) -> Bool {
            if tag == target.abi || tag == "py\(major)" || tag == "py\(major)\(minor)" { return true }
            // A stable-ABI wheel built for an older 3.x runs on newer ones.
            if stableABI, tag.hasPrefix("cp\(major)"), let m = Int(tag.dropFirst(3)), m <= minor { return true }
            return false
        }
        let abiOK =
            abi.contains(target.abi) || abi.contains("none")
            || (abi.contains("abi3") && python.contains { pythonOK($0, stableABI: true) })
        guard python.contains(where: { pythonOK($0, stableABI: abi.contains("abi3")) }), abiOK else {
            return
                "is built for Python \(python.joined(separator: ".")) / ABI \(abi.joined(separator: ".")), not \(target.abi)"
        }
        let limit = Self.manylinuxVersion(maxPlatform) ?? (2, 17)
        let platformOK = self.platform.contains { tag in
            if tag == "any" { return true }
            guard tag.hasSuffix("_" + target.architecture), let v = Self.manylinuxVersion(tag) else { return false }
            return v.major == limit.major && v.minor <= limit.minor
        }
        guard platformOK else {
            return "is built for platform \(self.platform.joined(separator: ".")), not manylinux up to \(maxPlatform)"
        }
        return nil
    }

    /// The `--platform` values that make pip accept every manylinux wheel up to `maxPlatform`.
    static func pipPlatforms(upTo maxPlatform: String, architecture: String) -> [String] {
        let limit = manylinuxVersion(maxPlatform) ?? (2, 17)
        var out = ["manylinux1_\(architecture)", "manylinux2010_\(architecture)", "manylinux2014_\(architecture)"]
        if limit.minor >= 5 { out += (5...limit.minor).map { "manylinux_2_\($0)_\(architecture)" } }
        return out
    }
}
