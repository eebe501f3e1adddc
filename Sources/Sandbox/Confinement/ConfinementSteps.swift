/// The seam between the order of confinement steps (`Confinement.apply`) and the steps themselves
/// (`LinuxConfinementSteps`, in `*+Linux.swift`, made of calls of the `SystemCalls` target). A test
/// passes a recording fake to check the order; everything else uses the real thing.
///
/// Each method is one step; it throws `ConfinementError` naming itself when the kernel refuses.
public protocol ConfinementSteps {
    /// Closes every descriptor except `keeping` (`close_range`).
    func closeFileDescriptors(keeping: [Int32]) throws(ConfinementError)
    /// `setsid`: leaves the zygote's session and process group.
    func startNewSession() throws(ConfinementError)
    /// `PR_SET_PDEATHSIG(SIGKILL)`: the child dies with the process that forked it.
    func setParentDeathSignal() throws(ConfinementError)
    /// Writes this process into each `cgroup.procs` file.
    func joinCgroups(procsFiles: [String]) throws(ConfinementError)
    /// `setrlimit` for each backstop limit.
    func setResourceLimits(_ limits: ConfinementPlan.ResourceLimits) throws(ConfinementError)
    /// `unshare` with the namespaces' flags.
    func unshareNamespaces(_ namespaces: ConfinementPlan.Namespaces) throws(ConfinementError)
    /// Forks so the caller continues as pid 1 of the new pid namespace; the original process only
    /// waits and exits with the child's status (it never returns from this call).
    func enterPIDNamespace() throws(ConfinementError)
    /// `sethostname` inside the new UTS namespace.
    func setHostName(_ name: String) throws(ConfinementError)
    /// Assembles the view on a tmpfs, `pivot_root`s into it and detaches the old root.
    func buildFilesystem(_ view: FilesystemView) throws(ConfinementError)
    /// Drops supplementary groups, gid, uid and every capability (bounding and ambient sets included).
    func dropIdentity(_ identity: ConfinementPlan.Identity) throws(ConfinementError)
    /// `PR_SET_NO_NEW_PRIVS`.
    func setNoNewPrivileges() throws(ConfinementError)
    /// Creates and enforces a Landlock ruleset.
    func restrictWithLandlock(_ policy: LandlockPolicy) throws(ConfinementError)
    /// The number of threads of this process (seccomp must be installed while it is 1).
    func threadCount() -> Int
    /// Loads the seccomp filter.
    func installSeccomp(_ policy: SeccompPolicy) throws(ConfinementError)
}

/// Applies a `ConfinementPlan` to the calling process.
public enum Confinement {
    /// Applies `plan` to this process, step by step, in the order of DESIGN.md:
    /// descriptors, session and parent-death signal, cgroup, rlimits, namespaces (forking into the new
    /// pid namespace), filesystem view (and the descriptors again, once the new root is in place),
    /// identity, no-new-privs, Landlock, and seccomp last.
    ///
    /// Call it in the freshly forked, single-threaded worker child before any user code. With a pid
    /// namespace, the calling process becomes a waiter that never returns (it exits with the confined
    /// child's status, or dies of the same signal); the call returns in the confined child, which is
    /// pid 1 of the namespace. On error nothing later is applied: the caller must exit, never run code.
    public static func apply(_ plan: ConfinementPlan) throws(ConfinementError) {
        try apply(plan, using: LinuxConfinementSteps())
    }

    /// `apply(_:)`, where the waiter of the pid namespace calls `waiterReport` with the confined
    /// child's raw wait status before it mirrors it. The worker uses it to tell the supervisor how a
    /// query ended when the child could not (killed by the OOM killer, by seccomp, by a signal):
    /// the zygote reaps its children automatically, so no one else ever sees that status.
    public static func apply(_ plan: ConfinementPlan, waiterReport: @escaping (Int32) -> Void) throws(ConfinementError)
    {
        try apply(plan, using: LinuxConfinementSteps(waiterReport: waiterReport))
    }

    /// `apply(_:)` through an explicit seam (tests pass a recording fake).
    public static func apply(_ plan: ConfinementPlan, using system: some ConfinementSteps) throws(ConfinementError) {
        try system.closeFileDescriptors(keeping: plan.keepFileDescriptors)
        try system.startNewSession()
        try system.setParentDeathSignal()
        if !plan.cgroupProcsFiles.isEmpty { try system.joinCgroups(procsFiles: plan.cgroupProcsFiles) }
        try system.setResourceLimits(plan.limits)
        if let namespaces = plan.namespaces {
            try system.unshareNamespaces(namespaces)
            if namespaces.pid { try system.enterPIDNamespace() }
            if namespaces.uts { try system.setHostName(namespaces.hostName) }
        }
        if let view = plan.filesystem {
            guard plan.namespaces?.mount == true else {
                throw ConfinementError.setup(.filesystem, "a filesystem view needs a private mount namespace")
            }
            try system.buildFilesystem(view)
            // Building the view opens descriptors of host folders to bind them; none may reach the script,
            // whatever the builder left open (Landlock, which would stop them, is optional on older kernels).
            try system.closeFileDescriptors(keeping: plan.keepFileDescriptors)
        }
        if let identity = plan.identity { try system.dropIdentity(identity) }
        if plan.noNewPrivileges { try system.setNoNewPrivileges() }
        if let landlock = plan.landlock {
            guard plan.noNewPrivileges || plan.identity == nil else {
                throw ConfinementError.setup(.landlock, "an unprivileged process needs no_new_privs before Landlock")
            }
            try system.restrictWithLandlock(landlock)
        }
        if let seccomp = plan.seccomp {
            let threads = system.threadCount()
            guard threads == 1 else {
                throw ConfinementError.setup(
                    .seccomp, "the process has \(threads) threads; the filter must be installed while it has one")
            }
            try system.installSeccomp(seccomp)
        }
    }
}
