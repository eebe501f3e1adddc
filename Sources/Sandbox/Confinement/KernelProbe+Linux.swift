#if canImport(Glibc)
import Glibc

extension KernelProbe {
    /// Measures this kernel and process (forks short-lived children to try each namespace).
    public static func current() -> KernelProbe {
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let actions = Kernel.readFile("/proc/sys/kernel/seccomp/actions_avail") ?? ""
        let seccomp = Kernel.prctl(21 /* PR_GET_SECCOMP */).map { _ in true }.get(or: false)
            && actions.contains("kill_process")
        var namespaces: [String: Bool] = [:]
        for (key, flag) in [("mount", 0x0002_0000), ("uts", 0x0400_0000), ("ipc", 0x0800_0000), ("user", 0x1000_0000),
                            ("pid", 0x2000_0000), ("net", 0x4000_0000)] {
            namespaces[key] = canUnshare(flag)
        }
        let cgroup: CgroupVersion?, cgroupDetail: String
        switch CgroupController.detect() {
        case .success(let controller):
            cgroup = controller.version
            cgroupDetail = controller.parents.sorted { $0.key < $1.key }.map { "\($0.key) under \($0.value)" }.joined(separator: ", ")
        case .failure(let error):
            cgroup = nil; cgroupDetail = error.message
        }
        var ioUring = false
        if case .failure(let e) = Kernel.call(Kernel.Number.ioUringSetup, 0, 0) { ioUring = e.value != ENOSYS }
        return KernelProbe(kernelRelease: release, isRoot: geteuid() == 0, seccomp: seccomp,
                           landlockABI: LandlockRuleset.abiVersion(), namespaces: namespaces, cgroupVersion: cgroup,
                           cgroupDetail: cgroupDetail, ioUringPresent: ioUring,
                           memfdNoExec: Kernel.fileType("/proc/sys/vm/memfd_noexec") != nil)
    }

    /// Whether a child can `unshare(flag)`: tried in a forked child, which only makes the call and exits.
    private static func canUnshare(_ flag: Int) -> Bool {
        let child = fork()
        if child == 0 {
            if case .success = Kernel.call(Kernel.Number.unshare, flag) { _exit(0) }
            _exit(1)
        }
        guard child > 0 else { return false }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
        return status == 0
    }
}

extension Result {
    fileprivate func get(or fallback: Success) -> Success {
        if case .success(let value) = self { return value }
        return fallback
    }
}
#endif
