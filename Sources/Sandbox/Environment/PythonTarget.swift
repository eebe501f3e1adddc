/// The interpreter an environment is built for: the CPython the worker embeds (Debian's `libpython3-dev`).
///
/// Environments hold packages only; the standard library always comes from this interpreter.
public struct PythonTarget: Sendable, Hashable {
    /// The wheel ABI tag, e.g. `cp311`.
    public var abi: String
    /// `major.minor`, e.g. `3.11`.
    public var version: String
    /// The interpreter binary used to import-check environments (`verify`).
    public var interpreter: String
    /// The standard library directories the worker puts on `sys.path` before `<env>/site-packages`.
    public var stdlibPaths: [String]
    /// The machine architecture wheels must be built for.
    public var architecture: String

    /// The interpreter the worker embeds on this machine: Debian's CPython 3.11.
    public static let embedded = PythonTarget(
        abi: "cp311", version: "3.11", interpreter: "/usr/bin/python3.11",
        stdlibPaths: ["/usr/lib/python3.11", "/usr/lib/python3.11/lib-dynload"], architecture: "x86_64")

    /// The `major`/`minor` numbers of `version`.
    var versionNumbers: (major: Int, minor: Int) {
        let parts = version.split(separator: ".").compactMap { Int($0) }
        return (parts.first ?? 3, parts.count > 1 ? parts[1] : 0)
    }
}
