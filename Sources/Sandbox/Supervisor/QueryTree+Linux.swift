#if canImport(Glibc)
    import Glibc
    import SystemCalls

    /// The processes and resources of one query, as a `QueryTeardown` acts on them: the root the zygote
    /// forked (the pid namespace's waiter), its cgroup or RSS watchdog (`guardian`), and what the caller
    /// gives back after them (regions, socket, pool slot; none for a bare guard).
    ///
    /// The root is watched through a pidfd from the start of the teardown to its end, so it is woken by the
    /// root's exit rather than by a fixed sleep, and a pid the system reused for another process is never
    /// signalled.
    final class QueryTree: QueryTeardownTarget {
        let root: pid_t
        let guardian: QueryGuard
        private let exit: ProcessWatch
        private let reclaim: ((Bool) -> Void)?
        private let close: (() -> Void)?
        private let release: (() -> Void)?

        init(
            root: pid_t, guardian: QueryGuard, reclaimRegions: ((Bool) -> Void)? = nil,
            closeChannel: (() -> Void)? = nil,
            releaseSlot: (() -> Void)? = nil
        ) {
            self.root = root; self.guardian = guardian; self.exit = ProcessWatch(root)
            self.reclaim = reclaimRegions; self.close = closeChannel; self.release = releaseSlot
        }

        deinit { exit.close() }

        private var cgroup: QueryCgroup? { guardian.cgroup }

        func killDescendants() {
            for _ in 0..<400 {
                // Without a cgroup the tree is found from the root's pid: once the root is gone that pid may
                // name another process (it is reused), whose children are none of ours.
                let others =
                    (cgroup?.processes()
                    ?? (exit.hasExited == true ? [] : Array(RSSWatchdog.tree(of: root).dropFirst())))
                    .filter { $0 != root }
                if others.isEmpty { break }
                for pid in others { try? Processes.signal(pid, SIGKILL) }
                exit.wait(milliseconds: 5)
            }
        }

        func awaitRoot(milliseconds: Int) {
            guard root > 0 else { return }
            for _ in 0..<max(milliseconds / 2, 0) where !rootGone { exit.wait(milliseconds: 2) }
        }

        func killRoot() {
            guard root > 0 else { return }
            try? Processes.signal(-root, SIGKILL)
            exit.send(SIGKILL)
        }

        func killCgroup() { cgroup?.killAll() }

        /// A process killed in the middle of a system call finishes it before it exits: this waits until the
        /// root (after which, with a pid namespace, nothing of the namespace is left) and every member of the
        /// cgroup are gone. An exited process has closed its fds, even while it waits as a zombie.
        func confirmGone(milliseconds: Int) -> Bool {
            for _ in 0..<max(milliseconds / 5, 1) {
                let others = cgroup?.processes() ?? []
                let rootGone = root <= 0 || self.rootGone
                if rootGone && others.isEmpty { return true }
                for pid in others { try? Processes.signal(pid, SIGKILL) }
                if !rootGone { exit.send(SIGKILL) }
                exit.wait(milliseconds: 5)
            }
            return false
        }

        /// Whether the root has exited (its pidfd says so, or it is no more, or a zombie).
        private var rootGone: Bool {
            exit.hasExited ?? (!Processes.exists(root) || RSSWatchdog.isZombie(root))
        }

        func removeCgroup() { try? cgroup?.remove() }

        func awaitWatchdog() { guardian.awaitWatchdog() }

        func reclaimRegions(allGone: Bool) { reclaim?(allGone) }

        func closeChannel() { close?() }

        func releaseSlot() { release?() }
    }
#endif
