import Foundation
import SharedTable
import SystemCalls

/// How a query's child is started: handed to a spare, or forked by the zygote; and how spares are made.
extension Supervisor {
    /// A started query child: the number in its cgroup's name, its pid, the socket its answer comes on, its guard.
    struct Launch {
        let id: Int
        let pid: pid_t
        let reply: MessageChannel
        let guardian: QueryGuard
    }

    /// Gives `request` (with its fds `[input, output] + extras`) to a spare under the query's ceiling;
    /// nil (the spare disposed) when the spare cannot take it, and the caller forks a child instead.
    func handOff(_ request: WorkerRequest, fds: [Int32], ceiling: UInt64, to spare: SpareChild) -> Launch? {
        var cgroup = spare.cgroup
        if let c = cgroup, c.limits.memoryBytes != ceiling {
            do { cgroup = try c.settingMemoryLimit(ceiling) } catch { spare.dispose(); return nil }
        }
        do { try spare.channel.send(ConfinedRequest(request: request, plan: nil), fds: fds) } catch {
            spare.dispose()
            return nil
        }
        return Launch(
            id: spare.id, pid: spare.pid, reply: spare.channel,
            guardian: QueryGuard(cgroup: cgroup, limitBytes: ceiling))
    }

    /// Has the zygote fork a child for `request` (fds `[input, output] + extras`), which confines itself first.
    func fork(
        _ request: WorkerRequest, fds: [Int32], ceiling: UInt64, settings: SandboxSettings,
        unconfined: Bool
    ) throws(SupervisorError) -> Launch {
        let ours: MessageChannel, theirs: MessageChannel
        do { (ours, theirs) = try MessageChannel.pair() } catch { throw .io(error) }
        defer { theirs.close() }
        let id = Self.counter.add(1, ordering: .sequentiallyConsistent).newValue
        let cgroup: QueryCgroup?
        do throws(SupervisorError) { cgroup = try makeCgroup(id: id, ceiling: ceiling, settings: settings) } catch {
            ours.close(); throw error
        }
        let guardian = QueryGuard(cgroup: cgroup, limitBytes: ceiling)
        let plan = self.plan(settings, cgroup: cgroup, unconfined: unconfined)
        let allFds = [fds[0], fds[1], theirs.fd] + fds.dropFirst(2)
        let pid: pid_t
        do {
            pid = try send(ConfinedRequest(request: request, plan: plan), fds: allFds, settings: settings)
        } catch {
            ours.close()
            guardian.dispose(root: 0)
            throw error
        }
        return Launch(id: id, pid: pid, reply: ours, guardian: guardian)
    }

    /// The cgroup of query `id` (nil where cgroups are not used).
    func makeCgroup(id: Int, ceiling: UInt64, settings: SandboxSettings) throws(SupervisorError) -> QueryCgroup? {
        guard let cgroups else { return nil }
        let limits = CgroupLimits(
            memoryBytes: ceiling, swapBytes: 0, maxProcesses: configuration.maxProcessesPerQuery,
            cpuPercent: settings.cgroupCPUPercent)
        do { return try cgroups.create(name: "\(cgroupPrefix)\(id)", limits: limits) } catch {
            throw SupervisorError(.setup, error.message, cause: error)
        }
    }

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
        do throws(SupervisorError) { cgroup = try makeCgroup(id: id, ceiling: ceiling, settings: settings) } catch {
            return nil
        }
        let guardian = QueryGuard(cgroup: cgroup, limitBytes: ceiling)
        guard let (ours, theirs) = try? MessageChannel.pair() else { guardian.dispose(root: 0); return nil }
        defer { theirs.close() }
        let request = ConfinedRequest.spare(plan(settings, cgroup: cgroup, unconfined: unconfined))
        let pid: pid_t? = workers.withLock { workers in
            guard let worker = workers[key], worker.isAlive else { return nil }
            do throws(SharedTableError) {
                try worker.control.send(request, fds: [theirs.fd])
                let (spawned, extra) = try worker.control.receive(WorkerSpawned.self, timeoutMilliseconds: 10_000)
                extra.forEach { Descriptors.close($0) }
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
