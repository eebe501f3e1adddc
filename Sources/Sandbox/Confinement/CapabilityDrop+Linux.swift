#if canImport(Glibc)
    import Glibc
    import SystemCalls

    /// Becomes an unprivileged user with no capability left anywhere: the bounding and ambient sets
    /// are emptied and securebits locked while still root, then groups, gid and uid are switched
    /// (which clears the permitted and effective sets), then `capset` clears the inheritable set.
    /// As root with any capability left, a child could raise its own limits back.
    struct CapabilityDrop {
        let identity: ConfinementPlan.Identity

        func apply() throws(ConfinementError) {
            let lastCap =
                Kernel.readFile("/proc/sys/kernel/cap_last_cap")
                .flatMap { Int($0.split(separator: "\n").first ?? "") } ?? 40
            for cap in 0...lastCap {
                do { try Kernel.prctl(24 /* PR_CAPBSET_DROP */, cap) } catch {
                    if error.errno != EINVAL {
                        throw .setup(.dropIdentity, "prctl(PR_CAPBSET_DROP, \(cap))", errno: error.errno)
                    }
                }
            }
            do { try Kernel.prctl(47 /* PR_CAP_AMBIENT */, 4 /* CLEAR_ALL */) } catch {
                throw .setup(.dropIdentity, "prctl(PR_CAP_AMBIENT_CLEAR_ALL)", errno: error.errno)
            }
            // NOROOT + locked, NO_SETUID_FIXUP locked off, KEEP_CAPS locked off, NO_CAP_AMBIENT_RAISE + locked.
            do { try Kernel.prctl(28 /* PR_SET_SECUREBITS */, 0x01 | 0x02 | 0x08 | 0x20 | 0x40 | 0x80) } catch {
                throw .setup(.dropIdentity, "prctl(PR_SET_SECUREBITS)", errno: error.errno)
            }
            do { try Kernel.call(Kernel.Number.setgroups, 0, 0) } catch {
                throw .setup(.dropIdentity, "setgroups(0)", errno: error.errno)
            }
            let gid = Int(identity.gid), uid = Int(identity.uid)
            do { try Kernel.call(Kernel.Number.setresgid, gid, gid, gid) } catch {
                throw .setup(.dropIdentity, "setresgid(\(gid))", errno: error.errno)
            }
            do { try Kernel.call(Kernel.Number.setresuid, uid, uid, uid) } catch {
                throw .setup(.dropIdentity, "setresuid(\(uid))", errno: error.errno)
            }
            // _LINUX_CAPABILITY_VERSION_3: a header and two 32-bit data triples, all zero.
            var header: (UInt32, Int32) = (0x2008_0522, 0)
            var data = [UInt32](repeating: 0, count: 6)
            let result = withUnsafeMutablePointer(to: &header) { h in
                data.withUnsafeMutableBytes { d in
                    Result { () throws(SystemCallError) in
                        try Kernel.call(Kernel.Number.capset, Int(bitPattern: h), Int(bitPattern: d.baseAddress))
                    }
                }
            }
            if case .failure(let e) = result { throw .setup(.dropIdentity, "capset(0)", errno: e.errno) }
            try verify()
        }

        /// Reads the sets back: a silent failure here would leave a root-equivalent script.
        private func verify() throws(ConfinementError) {
            guard getuid() == identity.uid, geteuid() == identity.uid, getgid() == identity.gid,
                getegid() == identity.gid
            else {
                throw .setup(.dropIdentity, "the uid/gid did not change to \(identity.uid):\(identity.gid)")
            }
            guard let status = Kernel.readFile("/proc/self/status") else { return }
            for line in status.split(separator: "\n") where line.hasPrefix("Cap") {
                let value = line.split(separator: ":").last?.trimmingBlanks() ?? ""
                if !value.allSatisfy({ $0 == "0" }) {
                    throw .setup(.dropIdentity, "a capability set is not empty after the drop (\(line))")
                }
            }
        }
    }
#endif
