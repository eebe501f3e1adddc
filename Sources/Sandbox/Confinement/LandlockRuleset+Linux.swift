#if canImport(Glibc)
    import Glibc
    import SystemCalls

    /// Creates a Landlock ruleset from a `LandlockPolicy` and restricts the calling process with it.
    struct LandlockRuleset {
        let policy: LandlockPolicy

        /// The kernel's Landlock ABI version, or nil when Landlock is missing or disabled.
        static func abiVersion() -> Int? {
            // LANDLOCK_CREATE_RULESET_VERSION = 1 << 0
            guard let version = try? Kernel.call(Kernel.Number.landlockCreateRuleset, 0, 0, 1), version > 0 else {
                return nil
            }
            return version
        }

        func enforce() throws(ConfinementError) {
            guard let abi = Self.abiVersion() else {
                if policy.required {
                    throw .unavailable(.landlock, "Landlock (CONFIG_SECURITY_LANDLOCK, lsm=landlock)")
                }
                return
            }
            let handledFS = LandlockPolicy.FileAccess.handled(byABI: abi)
            // struct landlock_ruleset_attr { u64 handled_access_fs, handled_access_net, scoped; }
            var attr: (UInt64, UInt64, UInt64) = (handledFS.rawValue, 0, 0)
            if abi >= 4, policy.denyTCP { attr.1 = 0b11 }  // BIND_TCP | CONNECT_TCP, no rule: no TCP
            if abi >= 6 {
                if policy.scopeAbstractUnixSockets { attr.2 |= 1 }
                if policy.scopeSignals { attr.2 |= 2 }
            }
            let size = abi >= 6 ? 24 : abi >= 4 ? 16 : 8
            let created = withUnsafePointer(to: &attr) { p in
                Result { () throws(SystemCallError) in
                    try Kernel.call(Kernel.Number.landlockCreateRuleset, Int(bitPattern: p), size, 0)
                }
            }
            let ruleset: Int32
            switch created {
            case .success(let fd): ruleset = Int32(fd)
            case .failure(let e): throw .setup(.landlock, "landlock_create_ruleset(ABI \(abi))", errno: e.errno)
            }
            defer { close(ruleset) }
            for rule in policy.rules { try add(rule, to: ruleset, handled: handledFS) }
            do { try Kernel.call(Kernel.Number.landlockRestrictSelf, Int(ruleset), 0) } catch {
                throw .setup(.landlock, "landlock_restrict_self", errno: error.errno)
            }
        }

        private func add(
            _ rule: LandlockPolicy.PathRule, to ruleset: Int32,
            handled: LandlockPolicy.FileAccess
        ) throws(ConfinementError) {
            let fd = open(rule.path, Kernel.openPath | O_CLOEXEC)
            guard fd >= 0 else {
                if rule.optional, errno == ENOENT { return }
                throw .setup(.landlock, "open(\(rule.path)) for a rule", errno: errno)
            }
            defer { close(fd) }
            var access = rule.access.intersection(handled)
            if Kernel.fileType(rule.path).map({ $0 != S_IFDIR }) ?? false, Kernel.fileType(rule.path) != S_IFLNK {
                access = access.intersection(.fileRights)
            }
            guard !access.isEmpty else { return }
            // struct landlock_path_beneath_attr { u64 allowed_access; s32 parent_fd; } __attribute__((packed))
            var bytes = [UInt8](repeating: 0, count: 12)
            withUnsafeBytes(of: access.rawValue.littleEndian) { bytes.replaceSubrange(0..<8, with: $0) }
            withUnsafeBytes(of: fd.littleEndian) { bytes.replaceSubrange(8..<12, with: $0) }
            let result = bytes.withUnsafeBytes { p in
                Result { () throws(SystemCallError) in
                    try Kernel.call(
                        Kernel.Number.landlockAddRule, Int(ruleset), 1 /* LANDLOCK_RULE_PATH_BENEATH */,
                        Int(bitPattern: p.baseAddress), 0)
                }
            }
            if case .failure(let e) = result {
                throw .setup(.landlock, "landlock_add_rule(\(rule.path))", errno: e.errno)
            }
        }
    }
#endif
