import Columnar
import Foundation
import SharedTable
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What one script run produced.
public struct ScriptOutput: Sendable {
    /// The result table; its buffers are adopted from shared memory.
    public var table: Table
    /// Captured `print` output.
    public var stdout: String
    /// Captured stderr, warnings included.
    public var stderr: String
}

/// One script run to start: its input rows and what to run on them.
public struct ScriptRun: Sendable {
    public var script: String
    public var kargsJSON: String
    /// Site-packages directories of the sandbox environment.
    public var sitePackages: [String]
    /// Wall-time limit of the run, in milliseconds.
    public var timeoutMilliseconds: Int
    public var options: [String: String]

    public init(script: String, kargsJSON: String = "{}", sitePackages: [String], timeoutMilliseconds: Int = 600_000,
                options: [String: String] = [:]) {
        self.script = script; self.kargsJSON = kargsJSON; self.sitePackages = sitePackages
        self.timeoutMilliseconds = timeoutMilliseconds; self.options = options
    }
}

/// Runs `python()` scripts in worker processes.
///
/// Keeps one warm zygote per sandbox environment (numpy and pandas already imported); each run is
/// a fresh child forked from it, so nothing of one query is visible to the next. Input and result
/// tables cross in pooled memfds. A dead zygote is noticed and restarted; `shutdown()` (or the
/// supervisor going away) stops every worker, so no process, fd or memfd is left behind.
public final class Supervisor: Sendable {
    private let workers = Mutex<[String: WorkerProcess]>([:])
    /// Regions for inputs and results, reused across calls.
    public let pool: RegionPool
    public let workerExecutable: String
    public let startTimeoutMilliseconds: Int

    public init(workerExecutable: String? = nil, pool: RegionPool = RegionPool(), startTimeoutMilliseconds: Int = 60_000) {
        self.workerExecutable = workerExecutable ?? WorkerProcess.defaultExecutable()
        self.pool = pool
        self.startTimeoutMilliseconds = startTimeoutMilliseconds
    }

    deinit { shutdown() }

    /// Runs `run` over all of `table`.
    public func run(_ table: Table, _ run: ScriptRun) throws(SupervisorError) -> ScriptOutput {
        try self.run(table, partitions: [0..<table.rowCount], run)[0]
    }

    /// Runs `run` once per row range of `table`, the runs in parallel (one child each); outputs in order.
    public func run(_ table: Table, partitions: [Range<Int>], _ run: ScriptRun) throws(SupervisorError) -> [ScriptOutput] {
        let deadline = Self.now() + run.timeoutMilliseconds
        var pending: [PendingRun] = []
        defer { for p in pending where !p.finished { kill(p.pid, SIGKILL); p.reply.close() } }
        for rows in partitions {
            pending.append(try start(table, rows: rows, run))
        }
        var outputs: [ScriptOutput] = []
        for i in pending.indices {
            outputs.append(try finish(&pending[i], deadline: deadline, timeout: run.timeoutMilliseconds))
        }
        return outputs
    }

    /// A started run: its child and the channel its answer comes on.
    private struct PendingRun {
        let pid: pid_t
        let reply: MessageChannel
        let input: RegionLease
        let output: RegionLease
        var finished = false
    }

    private func start(_ table: Table, rows: Range<Int>, _ run: ScriptRun) throws(SupervisorError) -> PendingRun {
        let input: RegionLease, output: RegionLease, inputBytes: Int
        let readOnly: Int32, ours: MessageChannel, theirs: MessageChannel
        do {
            input = try pool.checkout(minimumBytes: 4096)
            inputBytes = try SharedTableWriter.write(table, rows: rows, into: input.region)
            output = try pool.checkout(minimumBytes: inputBytes)
            readOnly = try input.region.readOnlyDuplicate()
            (ours, theirs) = try MessageChannel.pair()
        } catch { throw .io(error) }
        defer { close(readOnly); theirs.close() }
        let request = WorkerRequest(script: run.script, kargsJSON: run.kargsJSON, inputBytes: inputBytes, options: run.options)
        do {
            let pid = try send(request, fds: [readOnly, output.region.fd, theirs.fd], sitePackages: run.sitePackages)
            return PendingRun(pid: pid, reply: ours, input: input, output: output)
        } catch {
            ours.close()
            throw error
        }
    }

    /// Sends a request to the environment's zygote (starting or restarting it as needed); returns the child's pid.
    private func send(_ request: WorkerRequest, fds: [Int32], sitePackages: [String]) throws(SupervisorError) -> pid_t {
        let key = sitePackages.joined(separator: "\u{0}")
        let result: Result<pid_t, SupervisorError> = workers.withLock { workers in
            for attempt in 0..<2 {
                let worker: WorkerProcess
                if let w = workers[key], w.isAlive {
                    worker = w
                } else {
                    workers[key]?.stop(.zygote)
                    do throws(SupervisorError) {
                        worker = try WorkerProcess.spawn(executable: workerExecutable, sitePackages: sitePackages,
                                                         startTimeoutMilliseconds: startTimeoutMilliseconds)
                    } catch { return .failure(error) }
                    workers[key] = worker
                }
                do throws(SharedTableError) {
                    try worker.control.send(request, fds: fds)
                    let (spawned, extra) = try worker.control.receive(WorkerSpawned.self, timeoutMilliseconds: 10_000)
                    extra.forEach { close($0) }
                    if let error = spawned.error { return .failure(SupervisorError(.workerCrashed, "the worker could not start the query: \(error)")) }
                    return .success(spawned.pid)
                } catch {
                    // The zygote died or hung: replace it and try once more.
                    worker.stop(.zygote)
                    workers[key] = nil
                    if attempt == 1 { return .failure(SupervisorError(.workerCrashed, "the worker stopped answering: \(error.message)")) }
                }
            }
            return .failure(SupervisorError(.workerCrashed, "the worker stopped answering"))
        }
        return try result.get()
    }

    private func finish(_ p: inout PendingRun, deadline: Int, timeout: Int) throws(SupervisorError) -> ScriptOutput {
        p.finished = true
        defer { p.reply.close() }
        let response: WorkerResponse
        do {
            (response, _) = try p.reply.receive(WorkerResponse.self, timeoutMilliseconds: max(deadline - Self.now(), 0))
        } catch {
            kill(p.pid, SIGKILL)
            if error.kind == .timeout { throw SupervisorError(.timeout(milliseconds: timeout), "the python script exceeded its time limit of \(timeout) ms and was stopped") }
            throw SupervisorError(.workerCrashed, "the python script's process ended without a result")
        }
        if let failure = response.failure { throw .reported(failure) }
        do {
            try p.output.region.refreshMapping(populate: true)
            let table = try SharedTableReader.read(p.output)
            return ScriptOutput(table: table, stdout: response.stdout, stderr: response.stderr)
        } catch { throw .io(error) }
    }

    /// Stops every worker and frees the idle regions.
    public func shutdown() {
        let all = workers.withLock { w -> [WorkerProcess] in defer { w.removeAll() }; return Array(w.values) }
        for w in all { w.stop(.zygote) }
        pool.drain()
    }

    /// Pids of the running zygotes (for tests and diagnostics).
    public var workerPids: [Int32] { workers.withLock { $0.values.map(\.pid) } }

    static func now() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Int(t.tv_sec) * 1000 + Int(t.tv_nsec) / 1_000_000
    }
}
