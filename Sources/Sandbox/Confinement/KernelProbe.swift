/// Which confinement layers this kernel and this process can use, as one value: what
/// `sandpiper sandbox doctor` prints and what the supervisor checks before it runs `python()`.
public struct KernelProbe: Sendable, Codable, Hashable {
    /// One layer: whether it can be used, and why not.
    public struct Layer: Sendable, Codable, Hashable {
        /// Short name (`seccomp`, `landlock`, `cgroup`, ...).
        public var name: String
        /// Whether the layer can be applied here.
        public var active: Bool
        /// What was found (a version, a path) or why it is missing.
        public var detail: String

        /// Creates a layer row.
        public init(name: String, active: Bool, detail: String) {
            self.name = name; self.active = active; self.detail = detail
        }
    }

    /// The kernel release (`uname -r`).
    public var kernelRelease: String
    /// Whether this process is root (namespaces and cgroups need it without user namespaces).
    public var isRoot: Bool
    /// seccomp filters with `SCMP_ACT_KILL_PROCESS`.
    public var seccomp: Bool
    /// The Landlock ABI version, nil when Landlock is missing or disabled.
    public var landlockABI: Int?
    /// Namespaces this process could create (mount, net, pid, ipc, uts, user).
    public var namespaces: [String: Bool]
    /// The cgroup hierarchy query cgroups would use, nil when none is usable.
    public var cgroupVersion: CgroupVersion?
    /// Why cgroups are not usable, or where they are created.
    public var cgroupDetail: String
    /// Whether the kernel has io_uring (the filter answers ENOSYS to it either way).
    public var ioUringPresent: Bool
    /// Whether `vm.memfd_noexec` exists (kernel 6.3+).
    public var memfdNoExec: Bool

    /// Creates a probe result from its parts (`KernelProbe.current()` measures one).
    public init(
        kernelRelease: String, isRoot: Bool, seccomp: Bool, landlockABI: Int?, namespaces: [String: Bool],
        cgroupVersion: CgroupVersion?, cgroupDetail: String, ioUringPresent: Bool, memfdNoExec: Bool
    ) {
        self.kernelRelease = kernelRelease; self.isRoot = isRoot; self.seccomp = seccomp
        self.landlockABI = landlockABI; self.namespaces = namespaces; self.cgroupVersion = cgroupVersion
        self.cgroupDetail = cgroupDetail; self.ioUringPresent = ioUringPresent; self.memfdNoExec = memfdNoExec
    }

    /// The layers in the order the child applies them, for display.
    public var layers: [Layer] {
        let nsNames = ["mount", "net", "pid", "ipc", "uts"]
        let missingNS = nsNames.filter { namespaces[$0] != true }
        return [
            Layer(
                name: "cgroup", active: cgroupVersion != nil,
                detail: cgroupVersion.map { "\($0.rawValue): \(cgroupDetail)" }
                    ?? "\(cgroupDetail); the RSS watchdog is the fallback"),
            Layer(
                name: "namespaces", active: missingNS.isEmpty,
                detail: missingNS.isEmpty
                    ? nsNames.joined(separator: ", ") + (namespaces["user"] == true ? " (user too)" : "")
                    : "cannot create: " + missingNS.joined(separator: ", ") + (isRoot ? "" : " (not root)")),
            Layer(
                name: "memfd_noexec", active: memfdNoExec,
                detail: memfdNoExec ? "vm.memfd_noexec=2 per pid namespace" : "kernel older than 6.3"),
            Layer(
                name: "identity", active: isRoot,
                detail: isRoot ? "drop to nobody, no capabilities" : "not root: runs as the current user"),
            Layer(
                name: "landlock", active: landlockABI != nil,
                detail: landlockABI.map {
                    "ABI \($0)"
                        + ($0 >= 6
                            ? ": files, TCP, abstract sockets and signals scoped"
                            : $0 >= 4 ? ": files and TCP (no scoping before ABI 6)" : ": files only")
                }
                    ?? "missing or disabled (lsm=landlock)"),
            Layer(
                name: "seccomp", active: seccomp,
                detail: seccomp
                    ? "filter with kill-process on foreign architectures"
                        + (ioUringPresent ? "; io_uring present, answered ENOSYS" : "")
                    : "missing (CONFIG_SECCOMP_FILTER)"),
        ]
    }

    /// Whether every layer `python()` needs is usable.
    public var allActive: Bool { layers.allSatisfy(\.active) }
}
