/// What Landlock allows once the process restricts itself: filesystem rights beneath listed paths
/// (everything else in the view is denied), no TCP bind/connect, and scoping of abstract unix sockets
/// and signals to the sandbox's own domain (ABI 6+).
///
/// Rights a kernel does not know are dropped from the handled set (best effort), but the layer as a
/// whole is required: with no Landlock at all `apply` fails unless `required` is false.
public struct LandlockPolicy: Sendable, Codable, Hashable {
    /// Filesystem access rights (`LANDLOCK_ACCESS_FS_*`, bit-compatible with the kernel's).
    public struct FileAccess: OptionSet, Sendable, Codable, Hashable {
        public let rawValue: UInt64
        public init(rawValue: UInt64) { self.rawValue = rawValue }

        /// `execve` of a file (shared libraries mapped by the loader are not affected).
        public static let execute = FileAccess(rawValue: 1 << 0)
        public static let writeFile = FileAccess(rawValue: 1 << 1)
        public static let readFile = FileAccess(rawValue: 1 << 2)
        public static let readDir = FileAccess(rawValue: 1 << 3)
        public static let removeDir = FileAccess(rawValue: 1 << 4)
        public static let removeFile = FileAccess(rawValue: 1 << 5)
        public static let makeChar = FileAccess(rawValue: 1 << 6)
        public static let makeDir = FileAccess(rawValue: 1 << 7)
        public static let makeReg = FileAccess(rawValue: 1 << 8)
        public static let makeSock = FileAccess(rawValue: 1 << 9)
        public static let makeFifo = FileAccess(rawValue: 1 << 10)
        public static let makeBlock = FileAccess(rawValue: 1 << 11)
        public static let makeSym = FileAccess(rawValue: 1 << 12)
        /// ABI 2: link or rename across directories.
        public static let refer = FileAccess(rawValue: 1 << 13)
        /// ABI 3.
        public static let truncate = FileAccess(rawValue: 1 << 14)
        /// ABI 5: ioctl on device files.
        public static let ioctlDev = FileAccess(rawValue: 1 << 15)

        /// Read files and list directories.
        public static let readOnly: FileAccess = [.readFile, .readDir]
        /// Everything but execute and device creation: scratch space.
        public static let readWrite: FileAccess = [
            .writeFile, .readFile, .readDir, .removeDir, .removeFile,
            .makeDir, .makeReg, .makeSock, .makeFifo, .makeSym,
            .refer, .truncate,
        ]
        /// The rights that make sense on a single file (the kernel rejects others with EINVAL).
        public static let fileRights: FileAccess = [.execute, .writeFile, .readFile, .truncate, .ioctlDev]

        /// The rights a kernel of Landlock ABI `abi` handles.
        public static func handled(byABI abi: Int) -> FileAccess {
            switch abi {
            case ..<1: return []
            case 1: return FileAccess(rawValue: (1 << 13) - 1)
            case 2: return FileAccess(rawValue: (1 << 14) - 1)
            case 3, 4: return FileAccess(rawValue: (1 << 15) - 1)
            default: return FileAccess(rawValue: (1 << 16) - 1)
            }
        }
    }

    /// Access `access` beneath `path` (a directory) or to `path` itself (a file). Paths are as seen
    /// inside the filesystem view, because Landlock is applied after `pivot_root`.
    public struct PathRule: Sendable, Codable, Hashable {
        public var path: String
        public var access: FileAccess
        /// Skip when the path does not exist in the view.
        public var optional: Bool
        /// `access` beneath `path`.
        public init(_ path: String, _ access: FileAccess, optional: Bool = false) {
            self.path = path; self.access = access; self.optional = optional
        }
    }

    /// Filesystem rules; anything not beneath one of them is denied every handled right.
    public var rules: [PathRule]
    /// Handle `LANDLOCK_ACCESS_NET_{BIND,CONNECT}_TCP` with no rule: no TCP at all (ABI 4+).
    public var denyTCP: Bool
    /// `LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET`: no connecting to abstract sockets outside (ABI 6+).
    public var scopeAbstractUnixSockets: Bool
    /// `LANDLOCK_SCOPE_SIGNAL`: no signalling processes outside the sandbox (ABI 6+).
    public var scopeSignals: Bool
    /// Fail with `E_SANDBOX_UNAVAILABLE` when the kernel has no Landlock; otherwise skip the layer.
    public var required: Bool

    /// Creates a policy; `standard(...)` builds the one `python()` uses.
    public init(
        rules: [PathRule], denyTCP: Bool = true, scopeAbstractUnixSockets: Bool = true,
        scopeSignals: Bool = true, required: Bool = true
    ) {
        self.rules = rules; self.denyTCP = denyTCP
        self.scopeAbstractUnixSockets = scopeAbstractUnixSockets; self.scopeSignals = scopeSignals
        self.required = required
    }

    /// Read-only system and environment, read-write scratch, `/dev` nodes usable, `/proc` readable, and
    /// execute only for `executables` (empty for the embedded-CPython worker, which never execs).
    public static func standard(readOnly: [String], scratch: [String], executables: [String]) -> LandlockPolicy {
        // Listing directories of the (minimal) view reveals nothing; reading files needs a rule below.
        var rules = [PathRule("/", .readDir)]
        rules += readOnly.map { PathRule($0, .readOnly, optional: true) }
        rules.append(PathRule("/proc", [.readOnly, .writeFile]))
        rules.append(PathRule("/dev", [.readOnly, .writeFile, .ioctlDev]))
        rules += scratch.map { PathRule($0, .readWrite) }
        rules += executables.map { PathRule($0, [.execute, .readFile], optional: true) }
        return LandlockPolicy(rules: rules)
    }
}
