/// The filesystem a confined script sees: a fresh tmpfs root holding read-only binds of what Python
/// needs, a fresh `/proc`, a few device nodes and capped `noexec` scratch space — and nothing else
/// (no `/sys`, `/run`, home, engine data or host sockets).
///
/// Built in a private mount namespace and entered with `pivot_root`; the old root is detached.
public struct FilesystemView: Sendable, Codable, Hashable {
    /// A host path made visible read-only (and `nosuid,nodev`) at `target` inside the view.
    ///
    /// A symbolic link source (`/lib -> usr/lib`, `/etc/localtime`) is recreated as the same link,
    /// so it resolves inside the view instead of exposing its host target.
    public struct Bind: Sendable, Codable, Hashable {
        /// The host path.
        public var source: String
        /// Where it appears in the view (absolute).
        public var target: String
        /// Skip silently when the source does not exist (for example `/lib32` on some hosts).
        public var optional: Bool
        /// Binds `source` at `target` (the same path by default).
        public init(_ source: String, at target: String? = nil, optional: Bool = false) {
            self.source = source; self.target = target ?? source; self.optional = optional
        }
    }

    /// A capped tmpfs, always `nosuid,nodev,noexec`.
    public struct Scratch: Sendable, Codable, Hashable {
        /// Where it is mounted in the view.
        public var path: String
        /// `size=` of the tmpfs: writes beyond it fail with ENOSPC.
        public var sizeBytes: UInt64
        /// A scratch tmpfs of `sizeBytes` at `path`.
        public init(path: String, sizeBytes: UInt64) { self.path = path; self.sizeBytes = sizeBytes }
    }

    /// Read-only binds, in order (parents before children).
    public var binds: [Bind]
    /// Small files written into the view's root before it is made read-only (`/etc/passwd`, ...).
    public var generatedFiles: [String: String]
    /// Device nodes of the host's `/dev` bound into the view's `/dev` (`null`, `zero`, `urandom`, ...).
    public var devices: [String]
    /// Writable scratch space: `/tmp` and `/dev/shm` (POSIX semaphores of `multiprocessing`).
    public var scratch: [Scratch]
    /// Mount a fresh `/proc` for the new pid namespace (its `/proc/sys` read-only).
    public var mountProc: Bool
    /// Set `vm.memfd_noexec=2` for the pid namespace: no executable memfd can be created in it.
    public var memfdNoExec: Bool
    /// The directory the script starts in.
    public var workingDirectory: String

    /// Creates a view from its parts; `ConfinementPlan.standard` fills the usual one.
    public init(
        binds: [Bind], generatedFiles: [String: String] = [:],
        devices: [String] = ["null", "zero", "full", "random", "urandom"],
        scratch: [Scratch] = [
            Scratch(path: "/tmp", sizeBytes: 64 << 20),
            Scratch(path: "/dev/shm", sizeBytes: 16 << 20),
        ],
        mountProc: Bool = true, memfdNoExec: Bool = true, workingDirectory: String = "/tmp"
    ) {
        self.binds = binds; self.generatedFiles = generatedFiles; self.devices = devices
        self.scratch = scratch; self.mountProc = mountProc; self.memfdNoExec = memfdNoExec
        self.workingDirectory = workingDirectory
    }

    /// The system part every Python needs: `/usr` (with the `/lib*`, `/bin` links of a merged-/usr
    /// Debian) and the few `/etc` files the loader and the standard library read.
    public static let systemBinds: [Bind] = [
        Bind("/usr"),
        Bind("/bin", optional: true), Bind("/sbin", optional: true),
        Bind("/lib", optional: true), Bind("/lib32", optional: true), Bind("/lib64", optional: true),
        Bind("/libx32", optional: true),
        Bind("/etc/ld.so.cache", optional: true), Bind("/etc/localtime", optional: true),
        Bind("/etc/timezone", optional: true), Bind("/etc/mime.types", optional: true),
        Bind("/etc/ssl/certs", optional: true),
    ]

    /// `/etc/passwd` and `/etc/group` naming only root and the sandbox identity, so `getpass.getuser()`
    /// and `pwd` work without exposing the host's accounts.
    public static func accountFiles(for identity: ConfinementPlan.Identity) -> [String: String] {
        [
            "/etc/passwd": "root:x:0:0:root:/nonexistent:/usr/sbin/nologin\n"
                + "sandbox:x:\(identity.uid):\(identity.gid):sandbox:/tmp:/usr/sbin/nologin\n",
            "/etc/group": "root:x:0:\nsandbox:x:\(identity.gid):\n",
            "/etc/hostname": "sandpiper\n",
            "/etc/nsswitch.conf": "passwd: files\ngroup: files\nhosts: files\n",
            "/etc/hosts": "127.0.0.1 localhost\n",
        ]
    }
}
