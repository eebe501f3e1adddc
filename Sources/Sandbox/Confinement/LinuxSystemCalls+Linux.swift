#if canImport(Glibc)
import Glibc

/// The real confinement steps, made of Linux system calls. Stateless; see `SystemCalls` for each step.
public struct LinuxSystemCalls: SystemCalls {
    /// Called in the pid namespace's waiter with the confined child's wait status (see `Confinement.apply`).
    let waiterReport: ((Int32) -> Void)?

    /// The real kernel.
    public init() { waiterReport = nil }

    /// The real kernel, with a report of the confined child's end from the pid namespace's waiter.
    public init(waiterReport: @escaping (Int32) -> Void) { self.waiterReport = waiterReport }

    public func closeFileDescriptors(keeping: [Int32]) throws(ConfinementError) {
        var next: UInt32 = 0
        for fd in Set(keeping).sorted() where fd >= 0 {
            if UInt32(fd) > next { try closeRange(next, UInt32(fd) - 1) }
            next = UInt32(fd) + 1
        }
        try closeRange(next, UInt32.max)
    }

    private func closeRange(_ first: UInt32, _ last: UInt32) throws(ConfinementError) {
        if case .failure(let e) = Kernel.call(Kernel.Number.closeRange, Int(first), Int(last), 0) {
            throw .setup(.closeFileDescriptors, "close_range(\(first), \(last))", errno: e.value)
        }
    }

    public func startNewSession() throws(ConfinementError) {
        // A process-group leader (a program started with its own group, like the probe under
        // Foundation's Process) cannot start a session; it already is out of its parent's group,
        // and the pid-namespace child starts its own session anyway. A forked worker never is one.
        if setsid() < 0, getpgrp() != getpid() { throw .setup(.newSession, "setsid()", errno: errno) }
    }

    public func setParentDeathSignal() throws(ConfinementError) {
        if case .failure(let e) = Kernel.prctl(1 /* PR_SET_PDEATHSIG */, Int(SIGKILL)) {
            throw .setup(.parentDeathSignal, "prctl(PR_SET_PDEATHSIG, SIGKILL)", errno: e.value)
        }
    }

    public func joinCgroups(procsFiles: [String]) throws(ConfinementError) {
        for file in procsFiles {
            // "0" means the writing process, in both v1 and v2.
            if let e = Kernel.writeFile(file, "0\n") { throw .setup(.joinCgroup, "writing to \(file)", errno: e.value) }
        }
    }

    public func setResourceLimits(_ limits: ConfinementPlan.ResourceLimits) throws(ConfinementError) {
        let wanted: [(Int, String, UInt64?)] = [
            (4, "RLIMIT_CORE", limits.coreBytes), (1, "RLIMIT_FSIZE", limits.fileSizeBytes),
            (0, "RLIMIT_CPU", limits.cpuSeconds), (7, "RLIMIT_NOFILE", limits.openFiles),
        ]
        for (resource, name, value) in wanted {
            guard let value else { continue }
            var pair: (UInt64, UInt64) = (value, value)
            let result = withUnsafeMutablePointer(to: &pair) {
                Kernel.call(Kernel.Number.prlimit64, 0, resource, Int(bitPattern: $0), 0)
            }
            if case .failure(let e) = result { throw .setup(.resourceLimits, "\(name) = \(value)", errno: e.value) }
        }
    }

    public func unshareNamespaces(_ namespaces: ConfinementPlan.Namespaces) throws(ConfinementError) {
        var flags = 0
        if namespaces.mount { flags |= 0x0002_0000 }   // CLONE_NEWNS
        if namespaces.uts { flags |= 0x0400_0000 }
        if namespaces.ipc { flags |= 0x0800_0000 }
        if namespaces.pid { flags |= 0x2000_0000 }
        if namespaces.network { flags |= 0x4000_0000 }
        if case .failure(let e) = Kernel.call(Kernel.Number.unshare, flags) {
            throw .setup(.unshareNamespaces, "unshare(0x\(String(flags, radix: 16)))", errno: e.value)
        }
    }

    public func enterPIDNamespace() throws(ConfinementError) {
        let child = fork()
        if child < 0 { throw .setup(.enterPIDNamespace, "fork()", errno: errno) }
        if child > 0 { Self.waitAndMirror(child, report: waiterReport) }
        // Pid 1 of the namespace: die with the waiter, and leave its process group so that a
        // `kill(0, ...)` by the script reaches only the sandbox.
        try setParentDeathSignal()
        if setsid() < 0 { throw .setup(.enterPIDNamespace, "setsid() in the namespace", errno: errno) }
    }

    /// The waiter: mirrors the confined child's end (exit code, or death by the same signal).
    private static func waitAndMirror(_ child: pid_t, report: ((Int32) -> Void)?) -> Never {
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 {
            if errno != EINTR { _exit(125) }
        }
        report?(status)
        let signal = status & 0x7f
        if signal == 0 { _exit((status >> 8) & 0xff) }
        _ = Kernel.prctl(4 /* PR_SET_DUMPABLE */, 0)   // no core file of the waiter
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)
        Glibc.signal(signal, SIG_DFL)
        kill(getpid(), signal)
        _exit(128 + signal)
    }

    public func setHostName(_ name: String) throws(ConfinementError) {
        let bytes = Array(name.utf8)
        let result = bytes.withUnsafeBytes { Kernel.call(Kernel.Number.sethostname, Int(bitPattern: $0.baseAddress), $0.count) }
        if case .failure(let e) = result { throw .setup(.hostName, "sethostname(\(name))", errno: e.value) }
    }

    public func buildFilesystem(_ view: FilesystemView) throws(ConfinementError) {
        try FilesystemBuilder(view: view).build()
    }

    public func dropIdentity(_ identity: ConfinementPlan.Identity) throws(ConfinementError) {
        try CapabilityDrop(identity: identity).apply()
        // A credential change clears the parent-death signal: without this, pid 1 of the namespace
        // would outlive its waiter (and the zygote), and a killed worker would leave the script running.
        try setParentDeathSignal()
    }

    public func setNoNewPrivileges() throws(ConfinementError) {
        if case .failure(let e) = Kernel.prctl(38 /* PR_SET_NO_NEW_PRIVS */, 1) {
            throw .setup(.noNewPrivileges, "prctl(PR_SET_NO_NEW_PRIVS, 1)", errno: e.value)
        }
    }

    public func restrictWithLandlock(_ policy: LandlockPolicy) throws(ConfinementError) {
        try LandlockRuleset(policy: policy).enforce()
    }

    public func threadCount() -> Int { Kernel.threadCount() }

    public func installSeccomp(_ policy: SeccompPolicy) throws(ConfinementError) {
        try SeccompFilter(policy: policy).load()
    }
}
#endif
