import Foundation
import SharedTable
import Synchronization
import SystemCalls

/// A query child forked and confined ahead of its query: it waits on `channel` for the one request
/// it will ever run, and answers on the same socket.
///
/// Its cgroup was made (and joined by the child) under the sandbox policy's ceiling; the query that
/// takes it sets its own ceiling there (`QueryCgroup.settingMemoryLimit`) before handing it the request.
final class SpareChild: Sendable {
    /// Numbers the query in the cgroup's name, like a forked query's.
    let id: Int
    /// The pid the zygote forked (the pid namespace's waiter): the root of its tree.
    let pid: pid_t
    let channel: MessageChannel
    let cgroup: QueryCgroup?
    /// The sandbox and mode it was confined for; only a query of the same may take it.
    let settings: SandboxSettings
    let unconfined: Bool
    private let disposed = Atomic<Bool>(false)

    init(
        id: Int, pid: pid_t, channel: MessageChannel, cgroup: QueryCgroup?, settings: SandboxSettings, unconfined: Bool
    ) {
        self.id = id; self.pid = pid; self.channel = channel; self.cgroup = cgroup
        self.settings = settings; self.unconfined = unconfined
    }

    /// Whether a query of `settings` may run in it: everything its confinement and cgroup were made
    /// from must match; the memory ceiling and the time limit are the query's own.
    func fits(_ settings: SandboxSettings, unconfined: Bool) -> Bool {
        unconfined == self.unconfined && Self.confinementKey(settings) == Self.confinementKey(self.settings)
    }

    /// Whether its process is still there (not killed, not a zombie).
    var isAlive: Bool { Processes.exists(pid) && !RSSWatchdog.isZombie(pid) }

    /// Kills its tree, removes its cgroup and closes its socket. Idempotent.
    func dispose() {
        guard !disposed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        let guardian = QueryGuard(cgroup: cgroup, limitBytes: cgroup?.limits.memoryBytes ?? 0)
        QueryTeardown.spare.run(on: QueryTree(root: pid, guardian: guardian, closeChannel: { self.channel.close() }))
    }

    private static func confinementKey(_ settings: SandboxSettings) -> SandboxSettings {
        var s = settings
        s.policy.memoryMB = 0
        s.policy.timeoutSeconds = 0
        s.policy.poolSize = 0
        s.policy.initializeOnStartup = false
        return s
    }
}

/// The spare children of one supervisor (at most one per sandbox environment) and the preparations
/// under way. `drain()` disposes every spare and waits for preparations, so none outlives `shutdown()`.
final class SparePool: Sendable {
    private struct State {
        var spares: [String: SpareChild] = [:]
        /// Preparations under way, each a group left when it is done.
        var preparing: [String: DispatchGroup] = [:]
        /// Bumped by `drain()`: a preparation that began before it disposes what it made.
        var generation = 0
    }
    private let state = Mutex<State>(State())
    private let inFlight = DispatchGroup()

    /// Takes the spare of `key` when one fits; a spare that does not fit (the sandbox's settings
    /// changed), or died (its zygote did), is disposed. When one is being prepared (calls back to
    /// back: the previous call started it), waits up to `waitMilliseconds` for it: it is already past
    /// its cgroup and its fork, and a second child confining itself beside it would only halve the CPU
    /// each gets on a busy machine.
    func take(_ key: String, fitting settings: SandboxSettings, unconfined: Bool, waitMilliseconds: Int = 0)
        -> SpareChild?
    {
        if waitMilliseconds > 0, let pending = state.withLock({ $0.spares[key] == nil ? $0.preparing[key] : nil }) {
            _ = pending.wait(timeout: .now() + .milliseconds(waitMilliseconds))
        }
        guard let spare = state.withLock({ $0.spares.removeValue(forKey: key) }) else { return nil }
        if spare.fits(settings, unconfined: unconfined), spare.isAlive { return spare }
        spare.dispose()
        return nil
    }

    /// Starts `make` on a thread of its own unless `key` has a spare or one is being made; stores what
    /// it returns.
    func prepare(_ key: String, _ make: @escaping @Sendable () -> SpareChild?) {
        let generation: Int? = state.withLock { s in
            guard s.spares[key] == nil, s.preparing[key] == nil else { return nil }
            let group = DispatchGroup()
            group.enter()
            s.preparing[key] = group
            return s.generation
        }
        guard let generation else { return }
        inFlight.enter()
        Thread.detachNewThread { [self] in
            let made = make()
            let (stale, group): (SpareChild?, DispatchGroup?) = state.withLock { s in
                let group = s.preparing.removeValue(forKey: key)
                guard let made else { return (nil, group) }
                if s.generation != generation || s.spares[key] != nil { return (made, group) }
                s.spares[key] = made
                return (nil, group)
            }
            group?.leave()
            stale?.dispose()
            inFlight.leave()
        }
    }

    /// Disposes every spare and waits (up to 15 s) for preparations under way, which dispose theirs.
    func drain() {
        let all = state.withLock { s -> [SpareChild] in
            s.generation += 1
            defer { s.spares.removeAll() }
            return Array(s.spares.values)
        }
        for spare in all { spare.dispose() }
        _ = inFlight.wait(timeout: .now() + 15)
    }

    /// Pids of the spares waiting now (for tests and diagnostics).
    var pids: [pid_t] { state.withLock { $0.spares.values.map(\.pid) } }

    /// Cgroup directories of the spares waiting now (for tests and diagnostics).
    var cgroupDirectories: [String] {
        state.withLock { $0.spares.values.flatMap { $0.cgroup.map { Array($0.directories.values) } ?? [] } }
    }

    /// Waits (up to 15 s) until no spare is being made.
    func settle() { _ = inFlight.wait(timeout: .now() + 15) }

}

extension QueryCgroup {
    /// This cgroup with its memory ceiling set to `bytes` (swap as it was created), written in the
    /// order the kernel accepts (v1: the memory+swap limit may never be below the memory limit).
    func settingMemoryLimit(_ bytes: UInt64) throws(ConfinementError) -> QueryCgroup {
        var limits = self.limits
        limits.memoryBytes = bytes
        let updated = QueryCgroup(version: version, directories: directories, limits: limits)
        var writes: [(String, String, Bool)] = []
        switch version {
        case .v1:
            guard let dir = directories["memory"] else { return updated }
            let memory = (dir + "/memory.limit_in_bytes", String(bytes), false)
            let total = (dir + "/memory.memsw.limit_in_bytes", String(bytes + limits.swapBytes), true)
            writes = bytes < self.limits.memoryBytes ? [memory, total] : [total, memory]
        case .v2:
            guard let dir = directories["unified"] else { return updated }
            writes = [(dir + "/memory.max", String(bytes), false)]
        }
        for (path, value, optional) in writes {
            do { try Kernel.writeFile(path, value) } catch {
                if optional, error.errno == ENOENT { continue }
                throw .setup(.joinCgroup, "writing \(value) to \(path)", errno: error.errno)
            }
        }
        return updated
    }
}
