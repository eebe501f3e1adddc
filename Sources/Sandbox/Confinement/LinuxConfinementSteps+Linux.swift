#if canImport(Glibc)
    import Glibc
    import SystemCalls

    /// The real confinement steps, made of Linux system calls. Stateless; see `ConfinementSteps` for each step.
    public struct LinuxConfinementSteps: ConfinementSteps {
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
            do { try Kernel.call(Kernel.Number.closeRange, Int(first), Int(last), 0) } catch {
                throw .setup(.closeFileDescriptors, "close_range(\(first), \(last))", errno: error.errno)
            }
        }

        public func startNewSession() throws(ConfinementError) {
            // A process-group leader (a program started with its own group, like the probe under
            // Foundation's Process) cannot start a session; it already is out of its parent's group,
            // and the pid-namespace child starts its own session anyway. A forked worker never is one.
            do { try Processes.startSession() } catch {
                if !Processes.leadsProcessGroup { throw .setup(.newSession, "setsid()", errno: error.errno) }
            }
        }

        public func setParentDeathSignal() throws(ConfinementError) {
            do { try Kernel.prctl(1 /* PR_SET_PDEATHSIG */, Int(SIGKILL)) } catch {
                throw .setup(.parentDeathSignal, "prctl(PR_SET_PDEATHSIG, SIGKILL)", errno: error.errno)
            }
        }

        public func joinCgroups(procsFiles: [String]) throws(ConfinementError) {
            for file in procsFiles {
                // "0" means the writing process, in both v1 and v2.
                do { try Kernel.writeFile(file, "0\n") } catch {
                    throw .setup(.joinCgroup, "writing to \(file)", errno: error.errno)
                }
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
                let result = withUnsafeMutablePointer(to: &pair) { p in
                    Result { () throws(SystemCallError) in
                        try Kernel.call(Kernel.Number.prlimit64, 0, resource, Int(bitPattern: p), 0)
                    }
                }
                if case .failure(let e) = result { throw .setup(.resourceLimits, "\(name) = \(value)", errno: e.errno) }
            }
        }

        public func unshareNamespaces(_ namespaces: ConfinementPlan.Namespaces) throws(ConfinementError) {
            var flags = 0
            if namespaces.mount { flags |= 0x0002_0000 }  // CLONE_NEWNS
            if namespaces.uts { flags |= 0x0400_0000 }
            if namespaces.ipc { flags |= 0x0800_0000 }
            if namespaces.pid { flags |= 0x2000_0000 }
            if namespaces.network { flags |= 0x4000_0000 }
            do { try Kernel.call(Kernel.Number.unshare, flags) } catch {
                throw .setup(.unshareNamespaces, "unshare(0x\(String(flags, radix: 16)))", errno: error.errno)
            }
        }

        public func enterPIDNamespace() throws(ConfinementError) {
            let child: Int32
            do { child = try Processes.fork() } catch { throw .setup(.enterPIDNamespace, "fork()", errno: error.errno) }
            if child > 0 { Self.waitAndMirror(child, report: waiterReport) }
            // Pid 1 of the namespace: die with the waiter, and leave its process group so that a
            // `kill(0, ...)` by the script reaches only the sandbox.
            try setParentDeathSignal()
            do { try Processes.startSession() } catch {
                throw .setup(.enterPIDNamespace, "setsid() in the namespace", errno: error.errno)
            }
        }

        /// The waiter: mirrors the confined child's end (exit code, or death by the same signal).
        private static func waitAndMirror(_ child: pid_t, report: ((Int32) -> Void)?) -> Never {
            let status: Int32
            do { status = try Processes.waitForExit(child) } catch { Processes.exitImmediately(125) }
            report?(status)
            let signal = status & 0x7f
            if signal == 0 { Processes.exitImmediately((status >> 8) & 0xff) }
            _ = try? Kernel.prctl(4 /* PR_SET_DUMPABLE */, 0)  // no core file of the waiter
            Processes.unblockAllSignals()
            Processes.setDisposition(signal, .standard)
            try? Processes.signal(Processes.current, signal)
            Processes.exitImmediately(128 + signal)
        }

        public func setHostName(_ name: String) throws(ConfinementError) {
            let bytes = Array(name.utf8)
            let result = bytes.withUnsafeBytes { p in
                Result { () throws(SystemCallError) in
                    try Kernel.call(Kernel.Number.sethostname, Int(bitPattern: p.baseAddress), p.count)
                }
            }
            if case .failure(let e) = result { throw .setup(.hostName, "sethostname(\(name))", errno: e.errno) }
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
            do { try Kernel.prctl(38 /* PR_SET_NO_NEW_PRIVS */, 1) } catch {
                throw .setup(.noNewPrivileges, "prctl(PR_SET_NO_NEW_PRIVS, 1)", errno: error.errno)
            }
        }

        public func restrictWithLandlock(_ policy: LandlockPolicy) throws(ConfinementError) {
            try LandlockRuleset(policy: policy).enforce()
        }

        public func threadCount() -> Int { Kernel.threadCount() }

        /// Installs the policy's program: the one the warm worker compiled before it forked this child
        /// (`Confinement.prepare`), or compiled here when it did not.
        public func installSeccomp(_ policy: SeccompPolicy) throws(ConfinementError) {
            try SeccompFilter.install(SeccompFilter.program(for: policy))
        }
    }
#endif
