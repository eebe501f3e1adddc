import Columnar
import Foundation
import SharedTable
import Synchronization
import SystemCalls

/// What one script run produced.
public struct ScriptOutput: Sendable {
    /// The result table; its buffers are adopted from shared memory.
    public var table: Table
    /// Captured `print` output.
    public var stdout: String
    /// Captured stderr, warnings included.
    public var stderr: String
    /// Confinement layers this run went without (only with `allowUnconfined`); empty when fully
    /// confined. The plugin shows them in the header of the run's python output.
    public var unconfinedLayers: [String]
    /// The highest memory use of the query's processes, when measured (bytes).
    public var peakMemoryBytes: UInt64?
    /// Wall time from starting the child to reading its answer.
    public var elapsedMilliseconds: Int
    /// Milliseconds the child spent per phase (`confine`, `df`, `script`, `result`). `spare` is 1 when
    /// a spare child ran the query: its `confine` was spent before the query came.
    public var timings: [String: Double] = [:]
    /// The files the script wrote under `outputs/`, as the child reported them (untrusted: the plugin
    /// checks their paths and sizes before writing any); without bytes unless `ScriptRun.collectOutputs`.
    public var outputFiles: [WorkerOutputFile] = []

    /// An output from its parts.
    public init(
        table: Table, stdout: String, stderr: String, unconfinedLayers: [String] = [],
        peakMemoryBytes: UInt64? = nil, elapsedMilliseconds: Int = 0
    ) {
        self.table = table; self.stdout = stdout; self.stderr = stderr; self.unconfinedLayers = unconfinedLayers
        self.peakMemoryBytes = peakMemoryBytes; self.elapsedMilliseconds = elapsedMilliseconds
    }
}

/// One script run to start: its input rows and what to run on them.
public struct ScriptRun: Sendable {
    public var script: String
    public var kargsJSON: String
    /// Site-packages directories of the sandbox environment.
    public var sitePackages: [String]
    /// Wall-time limit of the run, in milliseconds (the sandbox policy's limit applies too: the lower wins).
    public var timeoutMilliseconds: Int
    /// The call's `kickout` in MiB: it lowers the policy's memory ceiling for this call, never raises it
    /// (the supervisor enforces it through the query's cgroup).
    public var kickoutMiB: UInt64?
    /// The call's `external_artifacts`, which the child writes into the script's working folder.
    public var artifacts: [WorkerArtifact]
    /// The sandbox: name, environment, policy. Nil infers the environment from `sitePackages` and uses
    /// ADX's default policy.
    public var sandbox: SandboxSettings?
    /// Where the script stands in the query (tracebacks then show the query's file and lines).
    public var location: ScriptLocation?
    /// Whether the files the script writes under `outputs/` come back with their bytes (false: only
    /// their names and sizes).
    public var collectOutputs = false
    /// Asked while the script runs (every `RunningQuery.stopPollMilliseconds`): once it answers true, the
    /// call's children are killed with their whole trees and the call fails with `E_CANCELLED`. A server
    /// sets it so that a client that goes away stops its script at once, as Ctrl-C does in the CLI.
    public var stopRequested: (@Sendable () -> Bool)?

    public init(
        script: String, kargsJSON: String = "{}", sitePackages: [String], timeoutMilliseconds: Int = 600_000,
        kickoutMiB: UInt64? = nil, artifacts: [WorkerArtifact] = []
    ) {
        self.script = script; self.kargsJSON = kargsJSON; self.sitePackages = sitePackages
        self.timeoutMilliseconds = timeoutMilliseconds; self.kickoutMiB = kickoutMiB; self.artifacts = artifacts
    }

    /// A run in a resolved sandbox, under its policy.
    public init(
        script: String, kargsJSON: String = "{}", sandbox: SandboxSettings, timeoutMilliseconds: Int = 600_000,
        kickoutMiB: UInt64? = nil, artifacts: [WorkerArtifact] = []
    ) {
        self.init(
            script: script, kargsJSON: kargsJSON, sitePackages: sandbox.sitePackages,
            timeoutMilliseconds: timeoutMilliseconds, kickoutMiB: kickoutMiB, artifacts: artifacts)
        self.sandbox = sandbox
    }

    /// The memory ceiling: the policy's, or `kickout` MiB when that is lower.
    var ceilingBytes: UInt64 {
        let policy = UInt64(max(effectiveSandbox.policy.memoryMB, 1)) << 20
        // Past 2^44 MiB the shift would overflow; such a kickout is above any policy anyway.
        guard let mb = kickoutMiB, mb > 0, mb < 1 << 44 else { return policy }
        return min(policy, mb << 20)
    }

    var effectiveSandbox: SandboxSettings { sandbox ?? .inferred(sitePackages: sitePackages) }

    var effectiveTimeout: Int { min(timeoutMilliseconds, effectiveSandbox.policy.timeoutSeconds * 1000) }
}

/// Runs `python()` scripts in worker processes.
///
/// Keeps one warm zygote per sandbox environment (numpy and pandas already imported, no user code
/// ever run); each run is a fresh child forked from it that confines itself before anything else
/// (`ConfinementPlan.standard`: cgroup, namespaces and a minimal view, nobody, Landlock, seccomp), so
/// nothing of one query is visible to the next. To keep that off a call's path, each sandbox keeps one
/// *spare* child forked, confined and waiting in its own cgroup (`SpareChild`): a call sets its
/// ceiling there and hands it the request; the next spare is made while the call runs. A spare runs
/// one query only; without one that fits, a call forks its own child. A small result is copied out
/// as soon as it arrives and the query's tree torn down in the background (its regions and pool slot
/// are given back only once the tree is dead). At most `poolSize` children of a sandbox run at once;
/// a query waits for a slot up to `throttleWaitMilliseconds`. Memory above the ceiling (cgroup, or the
/// RSS watchdog) and time above the limit kill the query's whole tree. `shutdown()` — also run by
/// `Supervisor.installSignalHandlers()` on SIGINT/SIGTERM — stops every child and worker and removes
/// every cgroup, so no process, fd, memfd or cgroup is left behind.
public final class Supervisor: Sendable {
    let workers = Mutex<[String: WorkerProcess]>([:])
    let spares = SparePool()
    /// Query teardowns finishing in the background (`RunningQuery.finish` with a small result).
    private let teardowns = DispatchGroup()
    private let running = Mutex<[Int: RunningQuery]>([:])
    /// Numbers queries across every supervisor of the process: cgroup names must never collide.
    static let counter = Atomic<Int>(0)
    private static let serials = Atomic<Int>(0)
    /// Names of this supervisor's query cgroups start with it: `sandpiper-q-<pid>-s<serial>-`.
    public let cgroupPrefix: String
    private let gate = PoolGate()
    /// Regions for inputs and results, reused across calls.
    public let pool: RegionPool
    public let workerExecutable: String
    public let startTimeoutMilliseconds: Int
    public let configuration: SupervisorConfiguration
    /// The layers of this machine (measured once per process unless the configuration gives them).
    public let probe: KernelProbe
    /// Where query cgroups are made; nil uses the RSS watchdog.
    public let cgroups: CgroupController?

    public init(
        workerExecutable: String? = nil, pool: RegionPool = RegionPool(), startTimeoutMilliseconds: Int = 60_000,
        configuration: SupervisorConfiguration = SupervisorConfiguration()
    ) {
        self.workerExecutable = workerExecutable ?? WorkerProcess.defaultExecutable()
        self.pool = pool
        self.startTimeoutMilliseconds = startTimeoutMilliseconds
        self.configuration = configuration
        self.probe = configuration.probe ?? Self.machineProbe
        self.cgroupPrefix =
            "\(QueryGuard.namePrefix)\(Processes.current)-s\(Self.serials.add(1, ordering: .sequentiallyConsistent).newValue)-"
        if !configuration.useCgroups || configuration.probe.map({ $0.cgroupVersion == nil }) == true {
            self.cgroups = nil
        } else {
            self.cgroups = Self.machineCgroups
        }
        if let cgroups { QueryGuard.sweepStale(cgroups) }
        SupervisorRegistry.add(self)
    }

    deinit { shutdown() }

    static let machineProbe = KernelProbe.current()
    static let machineCgroups: CgroupController? = {
        if case .success(let c) = CgroupController.detect() { return c }
        return nil
    }()

    /// Layers `python()` cannot go without, missing here (empty: every one is usable).
    public var missingLayers: [String] {
        var missing: [String] = []
        let ns = ["mount", "net", "pid", "ipc", "uts"].filter { probe.namespaces[$0] != true }
        if !ns.isEmpty { missing.append("namespaces (" + ns.joined(separator: ", ") + ")") }
        if !probe.seccomp { missing.append("seccomp") }
        if !probe.isRoot { missing.append("identity (not root: cannot drop to nobody)") }
        return missing
    }

    /// Starts the warm worker of every sandbox whose policy says `initializeOnStartup`.
    public func prestart(_ sandboxes: [SandboxSettings]) throws(SupervisorError) {
        let unconfined = !missingLayers.isEmpty
        for s in sandboxes where s.policy.initializeOnStartup {
            _ = try worker(for: s)
            if configuration.spareChildren && (!unconfined || configuration.allowUnconfined) {
                prepareSpare(s, unconfined: unconfined)
            }
        }
    }

    /// Runs `run` over all of `table`.
    public func run(_ table: Table, _ run: ScriptRun) throws(SupervisorError) -> ScriptOutput {
        try self.run(table, partitions: [0..<table.rowCount], run)[0]
    }

    /// Runs `run` once per row range of `table`, in parallel children (at most the sandbox's pool size
    /// at once); outputs in order.
    public func run(_ table: Table, partitions: [Range<Int>], _ run: ScriptRun) throws(SupervisorError)
        -> [ScriptOutput]
    {
        let settings = run.effectiveSandbox
        let unconfined = missingLayers
        if !unconfined.isEmpty && !configuration.allowUnconfined {
            throw SupervisorError(
                .unavailable,
                "python() refuses to run: this machine lacks the sandbox layers " + unconfined.joined(separator: ", "))
        }
        // Each child's clock starts when it is forked: a cold zygote's imports do not count.
        let timeout = run.effectiveTimeout
        var started: [(index: Int, query: RunningQuery)] = []
        defer { for s in started { s.query.dispose() } }
        var outputs = [ScriptOutput?](repeating: nil, count: partitions.count)
        var next = 0, active = 0
        while next < partitions.count || active > 0 {
            if next < partitions.count {
                if run.stopRequested?() == true { throw RunningQuery.stopped(settings) }
                // With nothing of ours running, wait for a slot; otherwise take a free one or finish one first.
                let wait = active == 0 ? configuration.throttleWaitMilliseconds : 0
                if gate.acquire(settings.environment, limit: settings.policy.poolSize, timeoutMilliseconds: wait) {
                    let query: RunningQuery
                    do {
                        query = try start(
                            table, rows: partitions[next], run, settings: settings, unconfined: !unconfined.isEmpty)
                    } catch { gate.release(settings.environment); throw error }
                    started.append((next, query))
                    next += 1; active += 1
                    continue
                }
                if active == 0 {
                    throw SupervisorError(
                        .throttled(waitedMilliseconds: wait),
                        "all \(settings.policy.poolSize) workers of sandbox '\(settings.name)' stayed busy for \(RunningQuery.seconds(wait)); the query was not run"
                    )
                }
            }
            guard let k = started.firstIndex(where: { outputs[$0.index] == nil }) else { break }
            let (index, query) = started[k]
            outputs[index] = try query.finish(
                deadline: query.startedAt + timeout, timeout: timeout, unconfined: unconfined,
                stopRequested: run.stopRequested, zygoteAlive: { self.zygoteAlive(settings.environment) })
            active -= 1
        }
        return outputs.map { $0! }
    }

    private func start(
        _ table: Table, rows: Range<Int>, _ run: ScriptRun, settings: SandboxSettings,
        unconfined: Bool
    ) throws(SupervisorError) -> RunningQuery {
        let input: RegionLease, output: RegionLease, inputBytes: Int, readOnly: Int32, blockFds: [Int32]
        // Large engine buffers in memfds go by reference (their fds after the input and output), not copied.
        let blocks = SharedBlocks()
        do {
            input = try pool.checkout(minimumBytes: 4096)
            inputBytes = try SharedTableWriter.write(table, rows: rows, into: input.region, blocks: blocks)
            // A result is usually about as large as its input; one that comes back by reference needs little.
            output = try pool.checkout(minimumBytes: inputBytes + blocks.referencedBytes)
            readOnly = try input.region.readOnlyDuplicate()
            blockFds = try blocks.readOnlyDescriptors()
        } catch { throw .io(error) }
        // From here a child may hold a writable fd of the result region: until the query's teardown
        // reclaims it (its processes confirmed gone), all of it counts as written.
        output.region.lendWritable()
        defer { Descriptors.close(readOnly); blockFds.forEach { Descriptors.close($0) } }
        let ceiling = run.ceilingBytes
        // Where the script's print output goes as it comes, read only if the child never answers; a query
        // runs without one when it cannot be made.
        let transcript = try? ScriptTranscript.create()
        let request = WorkerRequest(
            script: run.script, kargsJSON: run.kargsJSON, inputBytes: inputBytes, artifacts: run.artifacts,
            location: run.location, collectOutputs: run.collectOutputs, transcript: transcript != nil)
        let fds = [readOnly, output.region.fd] + blockFds + (transcript.map { [$0.fd] } ?? [])
        let launch: Launch
        if let spare = liveSpare(settings, unconfined: unconfined),
            let handed = handOff(request, fds: fds, ceiling: ceiling, to: spare)
        {
            launch = handed
        } else {
            launch = try fork(request, fds: fds, ceiling: ceiling, settings: settings, unconfined: unconfined)
        }
        // The next query's child is forked and confined while this one runs.
        if configuration.spareChildren { prepareSpare(settings, unconfined: unconfined) }
        launch.guardian.startWatchdog(root: launch.pid)
        let key = settings.environment, id = launch.id
        let query = RunningQuery(
            id: id, pid: launch.pid, reply: launch.reply, input: input, output: output, blocks: blocks,
            transcript: transcript, guardian: launch.guardian,
            settings: settings, startedAt: MonotonicClock.milliseconds(), teardowns: teardowns,
            release: { [weak self, gate] in
                gate.release(key)
                self?.forget(id)
            })
        running.withLock { $0[id] = query }
        return query
    }

    /// The confinement of one query child.
    func plan(_ settings: SandboxSettings, cgroup: QueryCgroup?, unconfined: Bool) -> ConfinementPlan {
        let procs = cgroup.map(Self.joinFiles) ?? []
        guard !unconfined else {
            // Only what this machine has: the cgroup, backstop limits, and seccomp when present.
            return ConfinementPlan(
                cgroupProcsFiles: procs, limits: .init(fileSizeBytes: configuration.scratchBytes),
                noNewPrivileges: true, seccomp: probe.seccomp ? .standard(allowExec: false) : nil)
        }
        var plan = ConfinementPlan.standard(
            environment: settings.environment, environmentTarget: settings.environment,
            cgroupProcsFiles: procs, scratchBytes: configuration.scratchBytes)
        // site-packages outside the environment folder (a bare directory given by a caller) are bound too.
        for extra in settings.sitePackages where !(extra + "/").hasPrefix(settings.environment + "/") {
            plan.filesystem?.binds.append(FilesystemView.Bind(extra))
            plan.landlock?.rules.append(LandlockPolicy.PathRule(extra, .readOnly, optional: true))
        }
        if probe.landlockABI == nil { plan.landlock = nil }
        return plan
    }

    /// The files a query child writes "0" into to join `cgroup`. On v1, `tasks`: it moves only the
    /// writing thread — the whole child, which is single-threaded then (seccomp requires it) — and the
    /// kernel skips the global threadgroup lock a `cgroup.procs` write takes, whose RCU grace period
    /// made joining three hierarchies cost 4-24 ms here instead of 0.4 ms. v2 has no `tasks`.
    static func joinFiles(_ cgroup: QueryCgroup) -> [String] {
        guard cgroup.version == .v1 else { return cgroup.procsFiles }
        return Set(cgroup.directories.values).sorted().map { $0 + "/tasks" }
    }

    /// The running zygote of `settings`' environment, started (or restarted) when needed. Call with `workers` unlocked.
    private func worker(for settings: SandboxSettings) throws(SupervisorError) -> WorkerProcess {
        let result: Result<WorkerProcess, SupervisorError> = workers.withLock { workers in
            Result { () throws(SupervisorError) in try self.ensureWorker(settings, in: &workers) }
        }
        return try result.get()
    }

    func ensureWorker(_ settings: SandboxSettings, in workers: inout [String: WorkerProcess]) throws(SupervisorError)
        -> WorkerProcess
    {
        let key = settings.environment
        if let w = workers[key], w.isAlive { return w }
        workers[key]?.stop(.zygote)
        workers[key] = nil
        let w = try WorkerProcess.spawn(
            executable: workerExecutable, sitePackages: settings.sitePackages,
            environment: WorkerProcess.environment(threads: settings.threads),
            startTimeoutMilliseconds: startTimeoutMilliseconds)
        workers[key] = w
        return w
    }

    /// Sends a request to the environment's zygote (starting or restarting it as needed); returns the child's pid.
    func send(_ request: ConfinedRequest, fds: [Int32], settings: SandboxSettings) throws(SupervisorError) -> pid_t {
        let key = settings.environment
        let result: Result<pid_t, SupervisorError> = workers.withLock { workers in
            for attempt in 0..<2 {
                let worker: WorkerProcess
                do throws(SupervisorError) { worker = try ensureWorker(settings, in: &workers) } catch {
                    return .failure(error)
                }
                do throws(SharedTableError) {
                    try worker.control.send(request, fds: fds)
                    let (spawned, extra) = try worker.control.receive(WorkerSpawned.self, timeoutMilliseconds: 10_000)
                    extra.forEach { Descriptors.close($0) }
                    if let error = spawned.error {
                        return .failure(
                            SupervisorError(.workerCrashed, "the worker could not start the query: \(error)"))
                    }
                    return .success(spawned.pid)
                } catch {
                    // The zygote died or hung: replace it and try once more.
                    worker.stop(.zygote)
                    workers[key] = nil
                    if attempt == 1 {
                        return .failure(
                            SupervisorError(.workerCrashed, "the worker stopped answering: \(error.message)"))
                    }
                }
            }
            return .failure(SupervisorError(.workerCrashed, "the worker stopped answering"))
        }
        return try result.get()
    }

    private func forget(_ id: Int) { running.withLock { $0[id] = nil } }

    private func zygoteAlive(_ key: String) -> Bool {
        workers.withLock { $0[key]?.isAlive ?? false }
    }

    /// The waiting spare of `settings`' sandbox, unless its zygote is gone: a spare outlives its zygote
    /// for as long as its parent-death signal takes to arrive, which on a loaded machine is long enough
    /// for a query handed to it to die under the user as `E_SANDBOX_CRASH`. Forking anew restarts the zygote.
    private func liveSpare(_ settings: SandboxSettings, unconfined: Bool) -> SpareChild? {
        let wait = configuration.spareChildren ? configuration.spareWaitMilliseconds : 0
        guard
            let spare = spares.take(
                settings.environment, fitting: settings, unconfined: unconfined, waitMilliseconds: wait)
        else {
            return nil
        }
        if zygoteAlive(settings.environment) { return spare }
        spare.dispose()
        return nil
    }

    /// Kills every running query (its whole tree, its cgroup removed), stops every worker and frees the
    /// idle regions. Safe to call from a signal handler's queue while queries run on other threads:
    /// they fail with `E_SANDBOX_CRASH` at once.
    public func shutdown() {
        spares.drain()
        let queries = running.withLock { r -> [RunningQuery] in
            defer { r.removeAll() }; return Array(r.values)
        }
        for q in queries { q.dispose() }
        _ = teardowns.wait(timeout: .now() + 30)
        let all = workers.withLock { w -> [WorkerProcess] in
            defer { w.removeAll() }; return Array(w.values)
        }
        for w in all { w.stop(.zygote) }
        pool.drain()
    }

    /// Kills every running query's tree (its cgroup removed, its slot given back) and leaves the workers
    /// and spare children as they are, so the next query starts warm. The queries fail at once.
    public func cancelRunningQueries() {
        let queries = running.withLock { r -> [RunningQuery] in
            defer { r.removeAll() }; return Array(r.values)
        }
        for q in queries { q.dispose() }
    }

    /// Pids of the running zygotes (for tests and diagnostics).
    public var workerPids: [Int32] { workers.withLock { $0.values.map(\.pid) } }

    /// Spare children waiting for a query now (for tests and diagnostics).
    public var sparePids: [Int32] { spares.pids }

    /// Waits (up to about 45 s) until no query is being torn down in the background and no spare child
    /// is being made (for tests and diagnostics that count processes, fds and cgroups).
    public func settle() {
        _ = teardowns.wait(timeout: .now() + 30)
        spares.settle()
    }

    /// Cgroup directories of the spare children waiting now (for tests).
    var spareCgroupDirectories: [String] { spares.cgroupDirectories }

    /// Query children running now (for tests and diagnostics).
    public var runningQueryPids: [Int32] { running.withLock { $0.values.map(\.pid) } }
}
