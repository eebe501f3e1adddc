import Columnar
import Foundation
import SharedTable
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One started query child: its pid, the socket its answer comes on, its regions, its guard and its
/// pool slot. `dispose()` (idempotent) kills its tree, removes its cgroup and gives the slot back.
final class RunningQuery: @unchecked Sendable {
    let id: Int
    let pid: pid_t
    let reply: MessageChannel
    let input: RegionLease
    let output: RegionLease
    /// The engine buffers the input references: alive until the child is dead, and what result references resolve to.
    let blocks: SharedBlocks
    let guardian: QueryGuard
    let settings: SandboxSettings
    let startedAt: Int
    private let release: @Sendable () -> Void
    private let disposed = Atomic<Bool>(false)

    init(id: Int, pid: pid_t, reply: MessageChannel, input: RegionLease, output: RegionLease, blocks: SharedBlocks,
         guardian: QueryGuard, settings: SandboxSettings, startedAt: Int, release: @escaping @Sendable () -> Void) {
        self.id = id; self.pid = pid; self.reply = reply; self.input = input; self.output = output; self.blocks = blocks
        self.guardian = guardian; self.settings = settings; self.startedAt = startedAt; self.release = release
    }

    /// Kills whatever is left of the query and frees its cgroup, socket and slot.
    func dispose() {
        guard !disposed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        guardian.dispose(root: pid)
        reply.close()
        release()
    }

    /// Waits for the answer until `deadline` (monotonic ms) and turns what happened into a result or
    /// a typed error. `zygoteAlive` tells a crashed worker from a killed query.
    func finish(deadline: Int, timeout: Int, unconfined: [String], zygoteAlive: () -> Bool) throws(SupervisorError) -> ScriptOutput {
        defer { dispose() }
        let reply: QueryReply?
        do {
            let (payload, fds) = try self.reply.receive(timeoutMilliseconds: max(deadline - Supervisor.now(), 0))
            fds.forEach { close($0) }
            reply = QueryReply.decode(payload)
        } catch {
            guardian.killTree(root: pid)
            if let kickout = kickout() { throw kickout }
            if error.kind == .timeout {
                throw SupervisorError(.timeout(milliseconds: timeout),
                                      "the python script exceeded its time limit of \(Self.seconds(timeout)) and was stopped with every process it started")
            }
            throw died(nil, zygoteAlive: zygoteAlive)
        }
        guardian.killTree(root: pid)
        switch reply {
        case .response(let response)?:
            if let failure = response.failure {
                if let kickout = kickout() { throw kickout }
                throw .reported(failure)
            }
            do {
                try output.region.refreshMapping(populate: true)
                let table = try SharedTableReader.read(output, blocks: blocks)
                // Its large columns may travel by reference into a later call, whose child then sees the
                // region's fd: it must hold only this result, not what earlier users of the region left.
                if Self.sharesRegion(table, output.region.fd) { try output.region.trimFile(to: SharedTableReader.totalBytes(output)) }
                let peak = guardian.memory().peakBytes
                var output = ScriptOutput(table: table, stdout: response.stdout, stderr: response.stderr,
                                          unconfinedLayers: unconfined, peakMemoryBytes: peak,
                                          elapsedMilliseconds: Supervisor.now() - startedAt)
                output.timings = response.timings
                return output
            } catch { throw .io(error) }
        case .exit(let exit)?:
            if let kickout = kickout() { throw kickout }
            throw died(exit, zygoteAlive: zygoteAlive)
        case nil:
            throw SupervisorError(.io, "the query's process sent a message that is not a response")
        }
    }

    /// Whether a buffer of `table` adopted from region `fd` is large enough to go by reference later.
    static func sharesRegion(_ table: Table, _ fd: Int32) -> Bool {
        table.columns.contains { c in
            [c.validity, c.values, c.data].contains { b in
                guard let b, b.byteCount >= SharedTableWriter.minimumReferenceBytes else { return false }
                return b.sharedLocation()?.fd == fd
            }
        }
    }

    /// `E_SANDBOX_KICKOUT` when the guard saw the ceiling passed.
    private func kickout() -> SupervisorError? {
        let memory = guardian.memory()
        guard memory.exceeded else { return nil }
        let elapsed = Supervisor.now() - startedAt
        let limit = ByteCount.describe(guardian.limitBytes)
        let peak = memory.peakBytes.map { ByteCount.describe($0) } ?? "unknown"
        let how = guardian.cgroup == nil ? " (measured by the RSS watchdog: no cgroup can be created here, so the peak is sampled)" : ""
        return SupervisorError(.kickout(limitBytes: guardian.limitBytes, peakBytes: memory.peakBytes, elapsedMilliseconds: elapsed),
                               "the python script of sandbox '\(settings.name)' passed its memory ceiling of \(limit) (peak \(peak), after \(Self.seconds(elapsed)))\(how); it was stopped with every process it started")
    }

    /// Why the child ended without answering.
    private func died(_ exit: QueryExit?, zygoteAlive: () -> Bool) -> SupervisorError {
        if let signal = exit?.signal, signal == SIGSYS {
            return SupervisorError(.denied(hint: "python() scripts may make only native x86-64 system calls; 32-bit entry points (int 0x80) and forbidden calls end the process"),
                                   "the sandbox killed the python script for a forbidden system call (SIGSYS from seccomp)")
        }
        if !zygoteAlive() {
            return SupervisorError(.workerCrashed, "the sandbox worker of '\(settings.name)' died while the query ran; it is replaced on the next call, so run the query again")
        }
        if let signal = exit?.signal {
            return SupervisorError(.workerCrashed, "the python script's process was killed by \(SignalName.describe(signal)) before it answered")
        }
        if let code = exit?.exitCode {
            return SupervisorError(.workerCrashed, "the python script's process exited with status \(code) before it answered (os._exit or sys.exit in native code?)")
        }
        return SupervisorError(.workerCrashed, "the python script's process ended without a result")
    }

    static func seconds(_ ms: Int) -> String {
        ms < 10_000 ? String(format: "%.2f s", Double(ms) / 1000) : "\(ms / 1000) s"
    }
}
