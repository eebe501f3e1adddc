import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The memory ceiling and the process tree of one query child, seen from the supervisor: its cgroup
/// (the kernel enforces the ceiling and counts the peak and OOM kills), or where no cgroup can be
/// created, an RSS watchdog thread. Either way it kills the whole tree and says whether the ceiling
/// was passed — the verdict comes from these counters, never from an exit code.
final class QueryGuard: Sendable {
    let cgroup: QueryCgroup?
    let limitBytes: UInt64
    private let watchdogVerdict = Mutex<RSSWatchdog.Verdict?>(nil)
    private let watchdogDone = DispatchSemaphore(value: 0)
    private let watching = Atomic<Bool>(false)
    private let removed = Atomic<Bool>(false)
    /// What the first `dispose` found: whether every process of the query was confirmed gone.
    private let disposedGone = Atomic<Bool>(false)

    init(cgroup: QueryCgroup?, limitBytes: UInt64) {
        self.cgroup = cgroup; self.limitBytes = limitBytes
    }

    /// Without a cgroup: watches `root`'s tree on a thread of its own until it is gone.
    func startWatchdog(root: pid_t) {
        guard cgroup == nil else { return }
        watching.store(true, ordering: .sequentiallyConsistent)
        let watchdog = RSSWatchdog(rootPID: root, limitBytes: limitBytes, intervalMilliseconds: 10)
        Thread.detachNewThread { [self] in
            let verdict = watchdog.watch()
            watchdogVerdict.withLock { $0 = verdict }
            watchdogDone.signal()
        }
    }

    /// Whether the ceiling was passed, and the peak seen (bytes).
    func memory() -> (exceeded: Bool, peakBytes: UInt64?) {
        if let cgroup {
            let v = cgroup.verdict()
            return (v.oomKilled, v.peakBytes)
        }
        awaitWatchdog()
        guard let v = watchdogVerdict.withLock({ $0 }) else { return (false, nil) }
        return (v.exceeded, v.peakBytes)
    }

    /// SIGKILLs every process of the query: the cgroup's members, else the child (whose pid-namespace
    /// init dies with it, taking the namespace along) and its process group. Returns whether every one
    /// is confirmed gone (within about 5 s): only then can none of them write into, or resize, the
    /// query's regions any more, so only then may the engine read a result through its mapping.
    ///
    /// Everything but `root` dies first: `root` is the pid namespace's waiter, which then reaps the
    /// namespace's init and exits by itself, and the zygote reaps it. Killing the waiter first would
    /// hand the dying init to the host's init as a zombie that lingers until that init reaps it.
    @discardableResult
    func killTree(root: pid_t) -> Bool {
        // Woken by the root's exit (a pidfd) rather than by a fixed sleep: the root ends as soon as the
        // namespace's init is gone, so most trees are waited for in one round.
        let exit = ExitWatch(root)
        defer { exit.close() }
        for _ in 0..<400 {
            // Without a cgroup the tree is found from the root's pid: once the root is gone that pid may
            // name another process (it is reused), whose children are none of ours.
            let others = (cgroup?.processes() ?? (exit.hasExited == true ? [] : Array(RSSWatchdog.tree(of: root).dropFirst()))).filter { $0 != root }
            if others.isEmpty { break }
            for pid in others { kill(pid, SIGKILL) }
            exit.wait(milliseconds: 5)
        }
        if root > 0 {
            for _ in 0..<100 where !Self.isGone(root, exit) { exit.wait(milliseconds: 2) }
            kill(-root, SIGKILL)
            exit.send(SIGKILL)
        }
        if let cgroup { cgroup.killAll() }
        // A process killed in the middle of a system call finishes it before it exits: wait until the
        // root (after which, with a pid namespace, nothing of the namespace is left) and every member of
        // the cgroup are gone. An exited process has closed its fds, even while it waits as a zombie.
        for _ in 0..<1000 {
            let others = cgroup?.processes() ?? []
            let rootGone = root <= 0 || Self.isGone(root, exit)
            if rootGone && others.isEmpty { return true }
            for pid in others { kill(pid, SIGKILL) }
            if !rootGone { exit.send(SIGKILL) }
            exit.wait(milliseconds: 5)
        }
        return false
    }

    /// Whether `pid` has exited (its pidfd says so, or it is no more, or a zombie).
    private static func isGone(_ pid: pid_t, _ exit: ExitWatch) -> Bool {
        exit.hasExited ?? (kill(pid, 0) != 0 || RSSWatchdog.isZombie(pid))
    }

    /// Kills what is left and removes the cgroup (or waits for the watchdog thread to end). Idempotent;
    /// returns whether every process of the query was confirmed gone (see `killTree`).
    @discardableResult
    func dispose(root: pid_t) -> Bool {
        guard !removed.exchange(true, ordering: .sequentiallyConsistent) else { return disposedGone.load(ordering: .sequentiallyConsistent) }
        let gone = killTree(root: root)
        disposedGone.store(gone, ordering: .sequentiallyConsistent)
        if let cgroup { try? cgroup.remove() }
        awaitWatchdog()
        return gone
    }

    /// Once the tree is gone (killed or ended), waits for the watchdog thread to store its verdict.
    private func awaitWatchdog() {
        guard watching.exchange(false, ordering: .sequentiallyConsistent) else { return }
        _ = watchdogDone.wait(timeout: .now() + 2)
    }

    /// Removes query cgroups a supervisor that no longer runs left behind (it was SIGKILLed).
    static func sweepStale(_ controller: CgroupController) {
        for parent in Set(controller.parents.values) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
            for name in names where name.hasPrefix(namePrefix) {
                let owner = name.dropFirst(namePrefix.count).split(separator: "-").first.flatMap { pid_t($0) }
                guard let owner, owner != getpid(), kill(owner, 0) != 0, errno == ESRCH else { continue }
                var directories: [String: String] = [:]
                for (controllerName, p) in controller.parents { directories[controllerName] = p + "/" + name }
                try? QueryCgroup(version: controller.version, directories: directories,
                                 limits: CgroupLimits(memoryBytes: 0)).remove()
            }
        }
    }

    /// Query cgroups are named `sandpiper-q-<supervisor pid>-<query number>`.
    static let namePrefix = "sandpiper-q-"
}

/// Waits for one process to exit through a pidfd (`pidfd_open`); where there is none (no such
/// process, an old kernel) `wait` just sleeps.
struct ExitWatch {
    private let fd: Int32
    private let pid: pid_t
    /// The process was already gone when the watch was made (`pidfd_open` said ESRCH).
    private let goneAtStart: Bool

    init(_ pid: pid_t) {
        self.pid = pid
        var gone = false
        if pid > 0 {
            switch Kernel.call(434 /* pidfd_open */, Int(pid), 0) {
            case .success(let fd): self.fd = Int32(fd)
            case .failure(let e): fd = -1; gone = e.value == ESRCH
            }
        } else {
            fd = -1
        }
        goneAtStart = gone
    }

    /// Returns when the process exits or after `milliseconds`; once it has exited, just sleeps (what
    /// the caller waits for then is something else: other processes of the tree).
    func wait(milliseconds: Int32) {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard fd >= 0, poll(&entry, 1, 0) == 0 else { usleep(useconds_t(milliseconds) * 1000); return }
        // Readable means exited; its parent reaps it a moment later, so a caller polling for the
        // zombie to go does not spin.
        if poll(&entry, 1, milliseconds) > 0 { usleep(200) }
    }

    /// Whether the process has exited, from its pidfd (or because it was gone before the watch began);
    /// nil when there is no pidfd to ask (a kernel without `pidfd_open`).
    var hasExited: Bool? {
        if goneAtStart { return true }
        guard fd >= 0 else { return nil }
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0
    }

    /// Sends `signal` to the watched process through its pidfd, so a pid the system reused for another
    /// process (pid_max may be 32768) is never signalled; by pid only where there is no pidfd to use.
    func send(_ signal: Int32) {
        if goneAtStart { return }
        if fd >= 0 { _ = Kernel.call(424 /* pidfd_send_signal */, Int(fd), Int(signal), 0, 0); return }
        kill(pid, signal)
    }

    func close() { if fd >= 0 { _ = Glibc.close(fd) } }
}
