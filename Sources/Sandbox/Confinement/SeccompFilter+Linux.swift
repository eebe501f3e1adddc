#if canImport(Glibc)
    import Glibc
    import CSeccomp

    /// Compiles a `SeccompPolicy` with libseccomp and loads it into the calling (single-threaded) process.
    struct SeccompFilter {
        let policy: SeccompPolicy

        private static let allow: UInt32 = 0x7fff_0000  // SCMP_ACT_ALLOW
        private static let killProcess: UInt32 = 0x8000_0000  // SCMP_ACT_KILL_PROCESS
        private static func fail(_ errno: Int32) -> UInt32 { 0x0005_0000 | (UInt32(errno) & 0xffff) }  // SCMP_ACT_ERRNO

        /// The namespace flags of `clone` (CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET).
        static let namespaceCloneFlags: [UInt64] = [
            0x0002_0000, 0x0200_0000, 0x0400_0000, 0x0800_0000,
            0x1000_0000, 0x2000_0000, 0x4000_0000,
        ]

        func load() throws(ConfinementError) {
            guard let context = seccomp_init(Self.allow) else { throw .setup(.seccomp, "seccomp_init") }
            defer { seccomp_release(context) }
            if policy.killForeignArchitectures {
                try check(
                    seccomp_attr_set(context, SCMP_FLTATR_ACT_BADARCH, Self.killProcess), "bad-arch action KILL_PROCESS"
                )
            }
            // Sockets: refused unless the family equals an allowed one on all 64 bits.
            let notAllowed = [scmp_arg_cmp(arg: 0, op: SCMP_CMP_NE, datum_a: policy.allowedSocketFamily, datum_b: 0)]
            for name in ["socket", "socketpair"] {
                try add(Self.fail(EPERM), name, notAllowed)
            }
            for name in policy.unimplementedSyscalls { try add(Self.fail(ENOSYS), name, []) }
            for name in policy.deniedSyscalls { try add(Self.fail(EPERM), name, []) }
            if policy.denyExec {
                try add(Self.fail(EPERM), "execve", [])
                try add(Self.fail(EPERM), "execveat", [])
            }
            if policy.denyNamespaceClone {
                for flag in Self.namespaceCloneFlags {
                    try add(
                        Self.fail(EPERM), "clone",
                        [scmp_arg_cmp(arg: 0, op: SCMP_CMP_MASKED_EQ, datum_a: flag, datum_b: flag)])
                }
            }
            if policy.restrictPersonality {
                try add(
                    Self.fail(EPERM), "personality", [scmp_arg_cmp(arg: 0, op: SCMP_CMP_NE, datum_a: 0, datum_b: 0)])
            }
            try check(seccomp_load(context), "seccomp_load")

            func add(_ action: UInt32, _ name: String, _ comparisons: [scmp_arg_cmp]) throws(ConfinementError) {
                let number = seccomp_syscall_resolve_name(name)
                guard number >= 0 else { return }  // not a call of this architecture or libseccomp version
                let rc = comparisons.withUnsafeBufferPointer {
                    seccomp_rule_add_array(context, action, number, UInt32($0.count), $0.baseAddress)
                }
                try check(rc, "rule for \(name)")
            }
        }

        private func check(_ rc: Int32, _ what: String) throws(ConfinementError) {
            if rc < 0 { throw .setup(.seccomp, what, errno: -rc) }
        }
    }
#endif
