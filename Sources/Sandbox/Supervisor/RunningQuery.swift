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
    /// Teardowns finishing in the background; `Supervisor.shutdown()` waits for them.
    private let teardowns: DispatchGroup

    init(id: Int, pid: pid_t, reply: MessageChannel, input: RegionLease, output: RegionLease, blocks: SharedBlocks,
         guardian: QueryGuard, settings: SandboxSettings, startedAt: Int, teardowns: DispatchGroup,
         release: @escaping @Sendable () -> Void) {
        self.id = id; self.pid = pid; self.reply = reply; self.input = input; self.output = output; self.blocks = blocks
        self.guardian = guardian; self.settings = settings; self.startedAt = startedAt; self.teardowns = teardowns
        self.release = release
    }

    /// Results up to this size are copied out of the result region as soon as the answer arrives, and
    /// the tree is torn down in the background; larger ones are adopted in place once the tree is dead.
    static let copyLimitBytes = 8 << 20

    /// Kills whatever is left of the query and frees its cgroup, socket and slot.
    func dispose() {
        guard !disposed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        guardian.dispose(root: pid)
        reply.close()
        release()
    }

    /// `dispose()` on a thread of its own. The regions stay leased (this object holds them) until it
    /// has run, so no other query gets them while a process of this one may still write into them;
    /// the pool slot, too, is given back only once the tree is dead.
    private func disposeInBackground() {
        guard !disposed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        teardowns.enter()
        Thread.detachNewThread { [self, teardowns] in
            guardian.dispose(root: pid)
            reply.close()
            release()
            teardowns.leave()
        }
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
            if let cancelled = Supervisor.cancellation() { throw cancelled }
            if let kickout = kickout() { throw kickout }
            if error.kind == .timeout {
                throw SupervisorError(.timeout(milliseconds: timeout),
                                      "the python script exceeded its time limit of \(Self.seconds(timeout)) and was stopped with every process it started")
            }
            throw died(nil, zygoteAlive: zygoteAlive)
        }
        switch reply {
        case .response(let response)? where response.failure == nil && (1...Self.copyLimitBytes).contains(response.resultBytes):
            // The engine adopts result buffers as columns, so it must never adopt memory a process of the
            // query can still write: a small result is copied out now (the copy alone is checked and
            // adopted), and the tree dies in the background; a large one waits for it below.
            let table: Table
            do {
                try output.region.refreshMapping(populate: false)
                let copy = try ResultCopy(output.region, bytes: response.resultBytes)
                table = try SharedTableReader.read(base: copy.base, length: copy.length, owner: copy, fd: copy.fd, blocks: blocks)
            } catch {
                dispose()
                throw .io(error)
            }
            let peak = guardian.memory().peakBytes
            disposeInBackground()
            var output = ScriptOutput(table: table, stdout: response.stdout, stderr: response.stderr,
                                      unconfinedLayers: unconfined, peakMemoryBytes: peak,
                                      elapsedMilliseconds: Supervisor.now() - startedAt)
            output.timings = response.timings
            return output
        default: break
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
            if let cancelled = Supervisor.cancellation() { throw cancelled }
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

/// A private copy of the first `bytes` bytes of a result region (freed with the last column adopting
/// it): no other process can write into it. It is an engine buffer like any other, so a large one
/// lives in a memfd of its own and can go by reference into a later `python()` call.
final class ResultCopy: @unchecked Sendable {
    let buffer: DataBuffer
    var base: UnsafeMutableRawPointer { buffer.pointer }
    var length: Int { buffer.byteCount }
    /// The copy's memfd when it has one (the copy starts at its offset 0).
    let fd: Int32?

    init(_ region: SharedRegion, bytes: Int) throws(SharedTableError) {
        guard let source = region.base, bytes <= region.capacity else {
            throw SharedTableError(.corrupt, "the result is \(bytes) bytes but its region holds \(region.base == nil ? 0 : region.capacity)")
        }
        buffer = DataBuffer(byteCount: bytes)
        buffer.pointer.copyMemory(from: source, byteCount: bytes)
        let location = bytes >= SharedTableWriter.minimumReferenceBytes ? buffer.sharedLocation() : nil
        fd = location?.offset == 0 ? location?.fd : nil
    }
}
