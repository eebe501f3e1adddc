import Foundation
import SharedTable
#if canImport(Glibc)
import Glibc
#endif

extension Supervisor {
    /// Has the zygote of `settings` fork a spare child for the next query, in the background: it gets
    /// its cgroup (under the policy's ceiling) and confines itself now, so that the query only hands it
    /// the request. Nothing happens when the sandbox has a spare, one is being made, or its zygote is
    /// not running (the next query starts it and forks its own child).
    func prepareSpare(_ settings: SandboxSettings, unconfined: Bool) {
        // Strongly held: the supervisor cannot be deinitialised (and drain its spares) from this thread.
        spares.prepare(settings.environment) { self.makeSpare(settings, unconfined: unconfined) }
    }

    private func makeSpare(_ settings: SandboxSettings, unconfined: Bool) -> SpareChild? {
        let key = settings.environment
        let id = Self.counter.add(1, ordering: .sequentiallyConsistent).newValue
        let ceiling = UInt64(max(settings.policy.memoryMB, 1)) << 20
        let cgroup: QueryCgroup?
        do throws(SupervisorError) { cgroup = try makeCgroup(id: id, ceiling: ceiling, settings: settings) } catch { return nil }
        let guardian = QueryGuard(cgroup: cgroup, limitBytes: ceiling)
        guard let (ours, theirs) = try? MessageChannel.pair() else { guardian.dispose(root: 0); return nil }
        defer { theirs.close() }
        let request = ConfinedRequest.spare(plan(settings, cgroup: cgroup, unconfined: unconfined))
        let pid: pid_t? = workers.withLock { workers in
            guard let worker = workers[key], worker.isAlive else { return nil }
            do throws(SharedTableError) {
                try worker.control.send(request, fds: [theirs.fd])
                let (spawned, extra) = try worker.control.receive(WorkerSpawned.self, timeoutMilliseconds: 10_000)
                extra.forEach { close($0) }
                return spawned.error == nil && spawned.pid > 0 ? spawned.pid : nil
            } catch {
                // The zygote died or hung: the next query replaces it.
                worker.stop(.zygote)
                workers[key] = nil
                return nil
            }
        }
        guard let pid else {
            ours.close()
            guardian.dispose(root: 0)
            return nil
        }
        return SpareChild(id: id, pid: pid, channel: ours, cgroup: cgroup, settings: settings, unconfined: unconfined)
    }
}
