#if canImport(Glibc)
    import Glibc
    import SystemCalls

    extension RSSWatchdog {
        /// Samples until the root process is gone (or a zombie) or the ceiling is passed; in the latter
        /// case SIGKILLs the tree (descendants first) before returning.
        public func watch() -> Verdict {
            var peak: UInt64 = 0
            while true {
                let tree = Self.tree(of: rootPID)
                guard tree.contains(rootPID), !Self.isZombie(rootPID) else {
                    return Verdict(exceeded: false, peakBytes: peak, limitBytes: limitBytes)
                }
                let total = tree.reduce(UInt64(0)) { $0 + Self.residentBytes(of: $1) }
                peak = max(peak, total)
                if total > limitBytes {
                    for pid in tree.reversed() { try? Processes.signal(pid, SIGKILL) }
                    return Verdict(exceeded: true, peakBytes: peak, limitBytes: limitBytes)
                }
                Processes.sleep(milliseconds: intervalMilliseconds)
            }
        }

        /// The resident bytes of one process (`VmRSS`), 0 when it is gone.
        public static func residentBytes(of pid: Int32) -> UInt64 {
            guard let status = Kernel.readFile("/proc/\(pid)/status") else { return 0 }
            for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if fields.count >= 2, let kib = UInt64(fields[1]) { return kib * 1024 }
            }
            return 0
        }

        /// `root` and its descendants, parents before children (from the ppid field of `/proc/*/stat`).
        public static func tree(of root: Int32) -> [Int32] {
            var children: [Int32: [Int32]] = [:]
            var exists = false
            let directory = opendir("/proc")
            defer { if let directory { closedir(directory) } }
            while let directory, let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard let pid = Int32(name), let stat = Kernel.readFile("/proc/\(pid)/stat") else { continue }
                if pid == root { exists = true }
                // The command name may contain spaces and parentheses: fields follow the last ')'.
                guard let close = stat.lastIndex(of: ")") else { continue }
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                if fields.count > 1, let parent = Int32(fields[1]) { children[parent, default: []].append(pid) }
            }
            guard exists else { return [] }
            var order: [Int32] = [root]
            var index = 0
            while index < order.count {
                order += children[order[index]] ?? []
                index += 1
            }
            return order
        }

        static func isZombie(_ pid: Int32) -> Bool {
            guard let stat = Kernel.readFile("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else {
                return true
            }
            return stat[stat.index(after: close)...].split(separator: " ").first == "Z"
        }
    }
#endif
