/// Everything a forked worker child does to itself before user code runs, as one value.
///
/// The supervisor builds a plan per query (it knows the environment, the cgroup and the limits), ships it
/// to the zygote, and the child hands it to `Confinement.apply(_:)`. The plan is data so that the same
/// value can be encoded as JSON for `sandpiper-probe`, compared in tests, and printed by `sandbox doctor`.
public struct ConfinementPlan: Sendable, Codable, Hashable {
    /// File descriptors that survive step 1 (`close_range` closes every other one).
    public var keepFileDescriptors: [Int32]
    /// `cgroup.procs` files (one per controller hierarchy) the child writes itself into; empty = none.
    public var cgroupProcsFiles: [String]
    /// Backstop resource limits, applied while still privileged so they cannot be raised again.
    public var limits: ResourceLimits
    /// Namespaces to enter; `nil` keeps the host's (only for diagnostics: `python()` requires them).
    public var namespaces: Namespaces?
    /// The filesystem the script sees; `nil` keeps the host's (requires `namespaces.mount`).
    public var filesystem: FilesystemView?
    /// The identity to drop to; `nil` keeps the current one (tests of a single layer only).
    public var identity: Identity?
    /// Set `PR_SET_NO_NEW_PRIVS` (required by Landlock and seccomp for an unprivileged process).
    public var noNewPrivileges: Bool
    /// Landlock: filesystem rights by path, TCP and scoping; `nil` skips the layer.
    public var landlock: LandlockPolicy?
    /// The seccomp filter; `nil` skips the layer.
    public var seccomp: SeccompPolicy?

    /// Creates a plan from its parts; see `standard(...)` for the one `python()` uses.
    public init(
        keepFileDescriptors: [Int32] = [0, 1, 2], cgroupProcsFiles: [String] = [],
        limits: ResourceLimits = ResourceLimits(), namespaces: Namespaces? = nil,
        filesystem: FilesystemView? = nil, identity: Identity? = nil, noNewPrivileges: Bool = true,
        landlock: LandlockPolicy? = nil, seccomp: SeccompPolicy? = nil
    ) {
        self.keepFileDescriptors = keepFileDescriptors
        self.cgroupProcsFiles = cgroupProcsFiles
        self.limits = limits
        self.namespaces = namespaces
        self.filesystem = filesystem
        self.identity = identity
        self.noNewPrivileges = noNewPrivileges
        self.landlock = landlock
        self.seccomp = seccomp
    }
}

extension ConfinementPlan {
    /// rlimits kept as backstops behind the cgroup (never an address-space limit: it breaks numpy/OpenBLAS).
    public struct ResourceLimits: Sendable, Codable, Hashable {
        /// `RLIMIT_CORE`; 0 so a crash never writes the query's data to disk.
        public var coreBytes: UInt64
        /// `RLIMIT_FSIZE`: the largest file the script may write (scratch is a capped tmpfs anyway).
        public var fileSizeBytes: UInt64?
        /// `RLIMIT_CPU` in seconds: a backstop behind the supervisor's wall-clock timeout.
        public var cpuSeconds: UInt64?
        /// `RLIMIT_NOFILE`.
        public var openFiles: UInt64?

        /// Creates limits; `nil` leaves that limit as inherited.
        public init(
            coreBytes: UInt64 = 0, fileSizeBytes: UInt64? = 256 << 20, cpuSeconds: UInt64? = nil,
            openFiles: UInt64? = 1024
        ) {
            self.coreBytes = coreBytes; self.fileSizeBytes = fileSizeBytes
            self.cpuSeconds = cpuSeconds; self.openFiles = openFiles
        }
    }

    /// Which namespaces to unshare. A new pid namespace applies to children only, so `Confinement`
    /// forks once more: the process that called `apply` waits and mirrors the exit status, and the
    /// confined process is pid 1 of the new namespace (when it exits, the kernel kills all it started).
    public struct Namespaces: Sendable, Codable, Hashable {
        /// A private mount namespace (needed for the filesystem view).
        public var mount: Bool
        /// An empty network namespace: no interfaces but a down loopback, no route to the host.
        public var network: Bool
        /// A pid namespace (the script cannot see or signal host processes).
        public var pid: Bool
        /// System V IPC and POSIX message queues of its own.
        public var ipc: Bool
        /// Its own host name.
        public var uts: Bool
        /// The host name set inside a new UTS namespace.
        public var hostName: String

        /// All namespaces on by default.
        public init(
            mount: Bool = true, network: Bool = true, pid: Bool = true, ipc: Bool = true,
            uts: Bool = true, hostName: String = "sandpiper"
        ) {
            self.mount = mount; self.network = network; self.pid = pid; self.ipc = ipc; self.uts = uts
            self.hostName = hostName
        }
    }

    /// The uid/gid the script runs as; every capability is dropped with it.
    public struct Identity: Sendable, Codable, Hashable {
        /// The user id (65534 is `nobody` on Debian).
        public var uid: UInt32
        /// The group id (65534 is `nogroup`).
        public var gid: UInt32
        /// `nobody:nogroup`.
        public init(uid: UInt32 = 65534, gid: UInt32 = 65534) { self.uid = uid; self.gid = gid }
    }
}
