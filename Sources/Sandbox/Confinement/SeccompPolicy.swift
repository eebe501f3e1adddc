/// The seccomp filter installed last, while the process is single-threaded.
///
/// Default action: allow. Everything listed returns an errno so the script sees a Python exception;
/// only a foreign architecture (an `int 0x80` i386 entry, an x32 call) kills the whole process, since
/// a filter written for x86-64 numbers cannot judge it.
public struct SeccompPolicy: Sendable, Codable, Hashable {
    /// The one socket family `socket`/`socketpair` may create (1 = AF_UNIX), compared on all 64 bits
    /// of the argument: `socket(0x100000002, ...)` is AF_INET to the kernel but not equal to AF_UNIX here.
    /// (One family only: libseccomp cannot AND two comparisons of the same argument in one rule.)
    public var allowedSocketFamily: UInt64
    /// Syscalls refused with EPERM (names as libseccomp knows them; unknown names are skipped).
    public var deniedSyscalls: [String]
    /// Syscalls answered with ENOSYS: io_uring (whose operations bypass the filter) and `clone3`
    /// (its flags live in memory the filter cannot read; glibc falls back to `clone`).
    public var unimplementedSyscalls: [String]
    /// Refuse `clone` with any namespace flag.
    public var denyNamespaceClone: Bool
    /// Refuse `personality` with anything but the default `PER_LINUX` (0). The query form
    /// (`0xffffffff`) is refused too, for the same libseccomp reason; glibc and CPython never call it.
    public var restrictPersonality: Bool
    /// Refuse `execve`/`execveat` (the embedded worker never starts a program).
    public var denyExec: Bool
    /// Kill the process on a non-native architecture (`SCMP_ACT_KILL_PROCESS` as the bad-arch action).
    public var killForeignArchitectures: Bool

    /// Creates a policy; `standard(allowExec:)` is the one `python()` uses.
    public init(
        allowedSocketFamily: UInt64 = 1, deniedSyscalls: [String] = SeccompPolicy.dangerous,
        unimplementedSyscalls: [String] = ["io_uring_setup", "io_uring_enter", "io_uring_register", "clone3"],
        denyNamespaceClone: Bool = true, restrictPersonality: Bool = true, denyExec: Bool = false,
        killForeignArchitectures: Bool = true
    ) {
        self.allowedSocketFamily = allowedSocketFamily; self.deniedSyscalls = deniedSyscalls
        self.unimplementedSyscalls = unimplementedSyscalls; self.denyNamespaceClone = denyNamespaceClone
        self.restrictPersonality = restrictPersonality; self.denyExec = denyExec
        self.killForeignArchitectures = killForeignArchitectures
    }

    /// Only AF_UNIX sockets, the dangerous calls refused, execve allowed only if asked.
    public static func standard(allowExec: Bool) -> SeccompPolicy { SeccompPolicy(denyExec: !allowExec) }

    /// Calls that reach other processes' memory, the kernel's attack surface, or the mount and
    /// namespace machinery that could undo the view.
    public static let dangerous: [String] = [
        "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_getfd", "kcmp",
        "bpf", "perf_event_open", "userfaultfd", "add_key", "request_key", "keyctl",
        "mount", "umount2", "pivot_root", "chroot", "fsopen", "fsconfig", "fsmount", "fspick", "move_mount",
        "open_tree", "mount_setattr", "unshare", "setns",
        "init_module", "finit_module", "delete_module", "kexec_load", "kexec_file_load", "reboot",
        "swapon", "swapoff", "acct", "syslog", "iopl", "ioperm", "open_by_handle_at", "name_to_handle_at",
        "quotactl", "lookup_dcookie", "uselib", "vhangup", "settimeofday", "clock_settime", "clock_adjtime",
        "adjtimex", "sethostname", "setdomainname", "fanotify_init", "move_pages", "migrate_pages",
    ]
}
