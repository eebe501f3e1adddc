#if canImport(Glibc)
    import Glibc
    import SystemCalls

    extension CgroupController {
        /// Finds where this process may create query cgroups: v2 when the unified hierarchy delegates
        /// `memory` and `pids` to this process's cgroup, else v1 when those controllers are mounted.
        /// Fails with `E_SANDBOX_UNAVAILABLE` when neither works (use `RSSWatchdog` then).
        public static func detect() -> Result<CgroupController, ConfinementError> {
            let mounts = CgroupMounts.read()
            let membership = CgroupMounts.membership()
            if let unified = mounts.unified, let path = membership[""] {
                let directory = unified + (path == "/" ? "" : path)
                let available = (Kernel.readFile(directory + "/cgroup.controllers") ?? "").split(
                    whereSeparator: \.isWhitespace)
                if requiredControllers.allSatisfy({ available.contains(Substring($0)) }) {
                    let controller = CgroupController(version: .v2, parents: ["unified": directory])
                    if controller.writable() { return .success(controller) }
                }
            }
            var parents: [String: String] = [:]
            for name in requiredControllers + ["cpu"] {
                guard let mountPoint = mounts.v1[name], let path = membership[name] else { continue }
                parents[name] = mountPoint + (path == "/" ? "" : path)
            }
            guard requiredControllers.allSatisfy({ parents[$0] != nil }) else {
                return .failure(
                    .unavailable(
                        .joinCgroup, "cgroup memory and pids controllers (neither v2 delegated nor v1 mounted)"))
            }
            let controller = CgroupController(version: .v1, parents: parents)
            guard controller.writable() else {
                return .failure(
                    .unavailable(
                        .joinCgroup,
                        "a writable cgroup hierarchy (cannot create a cgroup under \(parents["memory"] ?? "?"))"))
            }
            return .success(controller)
        }

        /// Whether a cgroup can be created (and removed) under every parent.
        func writable() -> Bool {
            let name = "sandpiper-probe-\(getpid())"
            for parent in Set(parents.values) {
                guard mkdir(parent + "/" + name, 0o755) == 0 else { return false }
                rmdir(parent + "/" + name)
            }
            return true
        }

        /// Creates a cgroup named `name` (unique per query) with `limits`; on failure nothing is left.
        public func create(name: String, limits: CgroupLimits) throws(ConfinementError) -> QueryCgroup {
            var directories: [String: String] = [:]
            for (controller, parent) in parents { directories[controller] = parent + "/" + name }
            let cgroup = QueryCgroup(version: version, directories: directories, limits: limits)
            for directory in Set(directories.values) where mkdir(directory, 0o755) != 0 {
                let failure = errno
                try? cgroup.remove()
                throw .setup(.joinCgroup, "mkdir \(directory)", errno: failure)
            }
            do { try cgroup.writeLimits() } catch { try? cgroup.remove(); throw error }
            return cgroup
        }
    }

    extension QueryCgroup {
        func writeLimits() throws(ConfinementError) {
            let memory = String(limits.memoryBytes), total = String(limits.memoryBytes + limits.swapBytes)
            switch version {
            case .v1:
                if let dir = directories["memory"] {
                    try write(dir + "/memory.limit_in_bytes", memory)
                    try write(dir + "/memory.memsw.limit_in_bytes", total, optional: true)
                }
                if let dir = directories["pids"], let max = limits.maxProcesses {
                    try write(dir + "/pids.max", String(max))
                }
                if let dir = directories["cpu"], let percent = limits.cpuPercent {
                    try write(dir + "/cpu.cfs_period_us", "100000")
                    try write(dir + "/cpu.cfs_quota_us", String(percent * 1000))
                }
            case .v2:
                guard let dir = directories["unified"] else { return }
                try write(dir + "/memory.max", memory)
                try write(dir + "/memory.swap.max", String(limits.swapBytes), optional: true)
                try write(dir + "/memory.oom.group", "1", optional: true)
                if let max = limits.maxProcesses { try write(dir + "/pids.max", String(max)) }
                if let percent = limits.cpuPercent {
                    try write(dir + "/cpu.max", "\(percent * 1000) 100000", optional: true)
                }
            }
        }

        private func write(_ path: String, _ value: String, optional: Bool = false) throws(ConfinementError) {
            do { try Kernel.writeFile(path, value) } catch {
                if optional, error.errno == ENOENT { return }
                throw .setup(.joinCgroup, "writing \(value) to \(path)", errno: error.errno)
            }
        }

        /// Reads the verdict from the cgroup's own counters.
        public func verdict() -> CgroupVerdict {
            switch version {
            case .v1:
                let dir = directories["memory"] ?? ""
                let oom = Self.keyed(Kernel.readFile(dir + "/memory.oom_control"))["oom_kill"] ?? 0
                let peak =
                    Self.number(Kernel.readFile(dir + "/memory.memsw.max_usage_in_bytes"))
                    ?? Self.number(Kernel.readFile(dir + "/memory.max_usage_in_bytes"))
                let hits = Self.number(Kernel.readFile(dir + "/memory.failcnt")).map(Int.init) ?? 0
                return CgroupVerdict(
                    oomKilled: oom > 0, oomKillCount: Int(oom), peakBytes: peak, limitHits: hits,
                    limitBytes: limits.memoryBytes)
            case .v2:
                let dir = directories["unified"] ?? ""
                let events = Self.keyed(Kernel.readFile(dir + "/memory.events"))
                let oom = events["oom_kill"] ?? 0
                return CgroupVerdict(
                    oomKilled: oom > 0, oomKillCount: Int(oom),
                    peakBytes: Self.number(Kernel.readFile(dir + "/memory.peak")),
                    limitHits: Int(events["max"] ?? 0), limitBytes: limits.memoryBytes)
            }
        }

        /// The processes in the cgroup (the union over its controllers' directories).
        public func processes() -> [pid_t] {
            var pids = Set<pid_t>()
            for dir in Set(directories.values) {
                for line in (Kernel.readFile(dir + "/cgroup.procs") ?? "").split(separator: "\n") {
                    if let pid = pid_t(line) { pids.insert(pid) }
                }
            }
            return pids.sorted()
        }

        /// SIGKILLs everything in the cgroup until it is empty (at most about two seconds); returns
        /// whether it is empty. Processes forked meanwhile are caught by the next round.
        @discardableResult
        public func killAll() -> Bool {
            if version == .v2, let dir = directories["unified"] { try? Kernel.writeFile(dir + "/cgroup.kill", "1") }
            for _ in 0..<200 {
                let pids = processes()
                if pids.isEmpty { return true }
                for pid in pids { try? Processes.signal(pid, SIGKILL) }
                Processes.sleep(milliseconds: 10)
            }
            return processes().isEmpty
        }

        /// Kills what is left and removes every directory of the cgroup.
        public func remove() throws(ConfinementError) {
            killAll()
            for dir in Set(directories.values) {
                var attempts = 0
                while rmdir(dir) != 0 {
                    let failure = errno
                    if failure == ENOENT { break }
                    attempts += 1
                    guard failure == EBUSY, attempts < 200 else {
                        throw .setup(.joinCgroup, "rmdir \(dir)", errno: failure)
                    }
                    Processes.sleep(milliseconds: 10)
                }
            }
        }

        static func number(_ text: String?) -> UInt64? {
            text.flatMap { UInt64($0.split(separator: "\n").first ?? "") }
        }

        static func keyed(_ text: String?) -> [String: UInt64] {
            var result: [String: UInt64] = [:]
            for line in (text ?? "").split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count == 2, let value = UInt64(parts[1]) { result[String(parts[0])] = value }
            }
            return result
        }
    }

    /// Where the cgroup hierarchies are mounted and where this process sits in them.
    enum CgroupMounts {
        /// v1 mount point per controller, and the cgroup2 mount point.
        static func read() -> (v1: [String: String], unified: String?) {
            var v1: [String: String] = [:]
            var unified: String?
            for line in (Kernel.readFile("/proc/self/mountinfo") ?? "").split(separator: "\n") {
                let halves = line.split(separator: " - ", maxSplits: 1)
                guard halves.count == 2 else { continue }
                let mountPoint = String(halves[0].split(separator: " ").dropFirst(4).first ?? "")
                let tail = halves[1].split(separator: " ")
                guard let type = tail.first else { continue }
                if type == "cgroup2", unified == nil { unified = mountPoint }
                if type == "cgroup", tail.count >= 3 {
                    for option in tail[2].split(separator: ",") where v1[String(option)] == nil {
                        v1[String(option)] = mountPoint
                    }
                }
            }
            return (v1, unified)
        }

        /// This process's cgroup path per v1 controller, and under "" its v2 path.
        static func membership() -> [String: String] {
            var result: [String: String] = [:]
            for line in (Kernel.readFile("/proc/self/cgroup") ?? "").split(separator: "\n") {
                let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
                guard parts.count == 3 else { continue }
                if parts[1].isEmpty { result[""] = String(parts[2]) }
                for controller in parts[1].split(separator: ",") { result[String(controller)] = String(parts[2]) }
            }
            return result
        }
    }
#endif
