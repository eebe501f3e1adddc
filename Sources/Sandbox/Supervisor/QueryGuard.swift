import Foundation
import Synchronization
import SystemCalls

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
    /// init dies with it, taking the namespace along) and its process group (`QueryTeardown.killTree`).
    /// Returns whether every one is confirmed gone (within about 5 s): only then can none of them write
    /// into, or resize, the query's regions any more, so only then may the engine read a result through
    /// its mapping.
    @discardableResult
    func killTree(root: pid_t) -> Bool {
        QueryTeardown.killTree.run(on: QueryTree(root: root, guardian: self))
    }

    /// Kills what is left and removes the cgroup (or waits for the watchdog thread to end):
    /// `QueryTeardown.processes`. Idempotent; returns whether every process of the query was confirmed
    /// gone (see `killTree`).
    @discardableResult
    func dispose(root: pid_t) -> Bool {
        guard !removed.exchange(true, ordering: .sequentiallyConsistent) else {
            return disposedGone.load(ordering: .sequentiallyConsistent)
        }
        let gone = QueryTeardown.processes.run(on: QueryTree(root: root, guardian: self))
        disposedGone.store(gone, ordering: .sequentiallyConsistent)
        return gone
    }

    /// Once the tree is gone (killed or ended), waits for the watchdog thread to store its verdict.
    func awaitWatchdog() {
        guard watching.exchange(false, ordering: .sequentiallyConsistent) else { return }
        _ = watchdogDone.wait(timeout: .now() + 2)
    }

    /// Removes query cgroups a supervisor that no longer runs left behind (it was SIGKILLed).
    static func sweepStale(_ controller: CgroupController) {
        for parent in Set(controller.parents.values) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
            for name in names where name.hasPrefix(namePrefix) {
                let owner = name.dropFirst(namePrefix.count).split(separator: "-").first.flatMap { pid_t($0) }
                guard let owner, owner != Processes.current, Processes.isGone(owner) else { continue }
                var directories: [String: String] = [:]
                for (controllerName, p) in controller.parents { directories[controllerName] = p + "/" + name }
                try? QueryCgroup(
                    version: controller.version, directories: directories,
                    limits: CgroupLimits(memoryBytes: 0)
                ).remove()
            }
        }
    }

    /// Query cgroups are named `sandpiper-q-<supervisor pid>-<query number>`.
    static let namePrefix = "sandpiper-q-"
}
