#if canImport(Glibc)
    import Glibc
    import SystemCalls

    extension KernelProbe {
        /// Measures this kernel and process (forks short-lived children to try each namespace).
        public static func current() -> KernelProbe {
            var name = utsname()
            uname(&name)
            let release = withUnsafeBytes(of: name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let actions = Kernel.readFile("/proc/sys/kernel/seccomp/actions_avail") ?? ""
            let seccomp = (try? Kernel.prctl(21 /* PR_GET_SECCOMP */)) != nil && actions.contains("kill_process")
            var namespaces: [String: Bool] = [:]
            for (key, flag) in [
                ("mount", 0x0002_0000), ("uts", 0x0400_0000), ("ipc", 0x0800_0000), ("user", 0x1000_0000),
                ("pid", 0x2000_0000), ("net", 0x4000_0000),
            ] {
                namespaces[key] = canUnshare(flag)
            }
            let cgroup: CgroupVersion?, cgroupDetail: String
            switch CgroupController.detect() {
            case .success(let controller):
                cgroup = controller.version
                cgroupDetail = controller.parents.sorted { $0.key < $1.key }.map { "\($0.key) under \($0.value)" }
                    .joined(separator: ", ")
            case .failure(let error):
                cgroup = nil; cgroupDetail = error.message
            }
            var ioUring = false
            do { try Kernel.call(Kernel.Number.ioUringSetup, 0, 0) } catch { ioUring = error.errno != ENOSYS }
            return KernelProbe(
                kernelRelease: release, isRoot: geteuid() == 0, seccomp: seccomp,
                landlockABI: LandlockRuleset.abiVersion(), namespaces: namespaces, cgroupVersion: cgroup,
                cgroupDetail: cgroupDetail, ioUringPresent: ioUring,
                memfdNoExec: Kernel.fileType("/proc/sys/vm/memfd_noexec") != nil)
        }

        /// Whether a child can `unshare(flag)`: tried in a forked child, which only makes the call and exits.
        private static func canUnshare(_ flag: Int) -> Bool {
            guard let child = try? Processes.fork() else { return false }
            if child == 0 {
                if (try? Kernel.call(Kernel.Number.unshare, flag)) != nil { Processes.exitImmediately(0) }
                Processes.exitImmediately(1)
            }
            return (try? Processes.waitForExit(child)) == 0
        }
    }
#endif
