#if canImport(Glibc)
    import Glibc
    import CSeccomp
    import Synchronization
    import SystemCalls

    /// Compiles a `SeccompPolicy` with libseccomp into a `SeccompProgram`, and installs a program into the
    /// calling (single-threaded) process.
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

        /// Programs compiled in this process, by policy. The warm worker fills it before it forks
        /// (`Confinement.prepare`), so its children find theirs here; they only read it, single-threaded.
        private static let compiled = Mutex<[SeccompPolicy: SeccompProgram]>([:])

        /// The program of `policy`: compiled once per process, then the same bytes every time.
        static func program(for policy: SeccompPolicy) throws(ConfinementError) -> SeccompProgram {
            if let known = compiled.withLock({ $0[policy] }) { return known }
            let program = try SeccompFilter(policy: policy).compile()
            compiled.withLock { $0[policy] = program }
            return program
        }

        /// Installs `program` with `prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER)`, after
        /// `PR_SET_NO_NEW_PRIVS` as `seccomp_load` does (the kernel refuses a filter from a process
        /// without it unless it holds CAP_SYS_ADMIN; setting it keeps the two paths equally strict).
        static func install(_ program: SeccompProgram) throws(ConfinementError) {
            guard !program.bytes.isEmpty, program.bytes.count % 8 == 0, program.instructionCount <= 4096 else {
                throw .setup(.seccomp, "a seccomp program of \(program.bytes.count) bytes is not a BPF program")
            }
            do { try Kernel.prctl(38 /* PR_SET_NO_NEW_PRIVS */, 1) } catch {
                throw .setup(.seccomp, "prctl(PR_SET_NO_NEW_PRIVS, 1)", errno: error.errno)
            }
            let result = program.bytes.withUnsafeBytes { filter in
                // struct sock_fprog { unsigned short len; struct sock_filter *filter; }: the pointer at offset 8.
                var header: (UInt64, UInt64) = (
                    UInt64(program.instructionCount), UInt64(UInt(bitPattern: filter.baseAddress))
                )
                return withUnsafeMutablePointer(to: &header) { p in
                    Result { () throws(SystemCallError) in
                        try Kernel.prctl(22 /* PR_SET_SECCOMP */, 2 /* SECCOMP_MODE_FILTER */, Int(bitPattern: p))
                    }
                }
            }
            if case .failure(let e) = result { throw .setup(.seccomp, "prctl(PR_SET_SECCOMP)", errno: e.errno) }
        }

        /// The BPF program libseccomp generates for the policy (`seccomp_export_bpf`: the same program
        /// `seccomp_load` would load), read back from a memfd.
        func compile() throws(ConfinementError) -> SeccompProgram {
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
            return try export(context)

            func add(_ action: UInt32, _ name: String, _ comparisons: [scmp_arg_cmp]) throws(ConfinementError) {
                let number = seccomp_syscall_resolve_name(name)
                guard number >= 0 else { return }  // not a call of this architecture or libseccomp version
                let rc = comparisons.withUnsafeBufferPointer {
                    seccomp_rule_add_array(context, action, number, UInt32($0.count), $0.baseAddress)
                }
                try check(rc, "rule for \(name)")
            }
        }

        private func export(_ context: scmp_filter_ctx) throws(ConfinementError) -> SeccompProgram {
            let fd: Int32
            do { fd = try SharedMemory.createFile("sandpiper-seccomp") } catch {
                throw .setup(.seccomp, "memfd for the filter", errno: error.errno)
            }
            defer { Descriptors.close(fd) }
            try check(seccomp_export_bpf(context, fd), "seccomp_export_bpf")
            let size: Int
            do { size = try SharedMemory.sizes(fd).size } catch {
                throw .setup(.seccomp, "the size of the exported filter", errno: error.errno)
            }
            guard size > 0, size % 8 == 0 else {
                throw .setup(.seccomp, "seccomp_export_bpf wrote \(size) bytes, not a BPF program")
            }
            var bytes = [UInt8](repeating: 0, count: size)
            let read = bytes.withUnsafeMutableBytes { p in
                Result { () throws(SystemCallError) in try Descriptors.read(fd, size, into: p.baseAddress!) }
            }
            switch read {
            case .success(let n) where n == size: return SeccompProgram(bytes: bytes)
            case .success(let n): throw .setup(.seccomp, "read \(n) of the filter's \(size) bytes")
            case .failure(let e): throw .setup(.seccomp, "reading the exported filter", errno: e.errno)
            }
        }

        private func check(_ rc: Int32, _ what: String) throws(ConfinementError) {
            if rc < 0 { throw .setup(.seccomp, what, errno: -rc) }
        }
    }
#endif
