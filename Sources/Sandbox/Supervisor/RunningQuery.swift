import Columnar
import Foundation
import SharedTable
import Synchronization
import SystemCalls

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
    /// Where the child writes the script's print output as it comes (`ScriptTranscript`), if made.
    let transcript: SharedRegion?
    let guardian: QueryGuard
    let settings: SandboxSettings
    let startedAt: Int
    private let release: @Sendable () -> Void
    private let disposed = Atomic<Bool>(false)
    /// Teardowns finishing in the background; `Supervisor.shutdown()` waits for them.
    private let teardowns: DispatchGroup

    init(
        id: Int, pid: pid_t, reply: MessageChannel, input: RegionLease, output: RegionLease, blocks: SharedBlocks,
        transcript: SharedRegion? = nil, guardian: QueryGuard, settings: SandboxSettings, startedAt: Int,
        teardowns: DispatchGroup, release: @escaping @Sendable () -> Void
    ) {
        self.id = id; self.pid = pid; self.reply = reply; self.input = input; self.output = output; self.blocks = blocks
        self.transcript = transcript
        self.guardian = guardian; self.settings = settings; self.startedAt = startedAt; self.teardowns = teardowns
        self.release = release
    }

    /// Results up to this size are copied out of the result region as soon as the answer arrives, and
    /// the tree is torn down in the background; larger ones are adopted in place once the tree is dead.
    static let copyLimitBytes = 8 << 20

    /// Largest reply frame accepted. The child keeps what it captured of `print` and stderr to 1 MiB
    /// each, and a traceback to 64 KiB (`HostModuleSource`); JSON may spell a character in up to six
    /// bytes. The files under `outputs/` add at most 32 MiB, which base64 makes 43 MiB
    /// (`collect_outputs` in `sandbox_utils.py`). A longer frame was not written by the host's own code:
    /// it is refused before anything is allocated for it, so a script cannot make the engine allocate
    /// more than this per query.
    static let maxReplyBytes = 64 << 20

    /// Bytes at the start of the result region that the engine read (they stay in the region, which is
    /// cut to them when the tree is gone); 0 when nothing was read.
    private var keptResultBytes = 0
    /// Whether the engine copied the result out (nothing adopts the region): it is then zeroed at once,
    /// in the teardown, rather than by the next query that takes it from the pool.
    private var resultCopied = false

    /// Kills whatever is left of the query and frees its cgroup, regions, socket and slot, in the order
    /// of `QueryTeardown.query`.
    func dispose() {
        guard !disposed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        tearDown()
    }

    private func tearDown() {
        QueryTeardown.query.run(
            on: QueryTree(
                root: pid, guardian: guardian, reclaimRegions: { self.reclaimRegions(gone: $0) },
                closeChannel: { self.reply.close() }, releaseSlot: release))
    }

    /// `dispose()` on a thread of its own. The regions stay leased (this object holds them) until it
    /// has run, so no other query gets them while a process of this one may still write into them;
    /// the pool slot, too, is given back only once the tree is dead.
    private func disposeInBackground() {
        guard !disposed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        teardowns.enter()
        Thread.detachNewThread { [self, teardowns] in
            tearDown()
            teardowns.leave()
        }
    }

    /// Once no process of the query can touch the result region any more, it is cut to what the engine
    /// read (anything the script wrote or added past that goes); a region a process may still hold is
    /// never lent again.
    private func reclaimRegions(gone: Bool) {
        if gone, (try? output.region.reclaim(keeping: keptResultBytes, clearing: resultCopied)) != nil { return }
        output.discard()
    }

    /// How often a call with `stopRequested` asks it while the script runs: a stop is seen within this.
    static let stopPollMilliseconds = 100

    /// Waits for the answer until `deadline` (monotonic ms) and turns what happened into a result or
    /// a typed error. `zygoteAlive` tells a crashed worker from a killed query; once `stopRequested`
    /// answers true, the tree is killed and the call fails with `E_CANCELLED`.
    ///
    /// Everything the query's processes sent or wrote is untrusted: the reply is one bounded frame read
    /// before one deadline, its numbers are checked, and the region is read with `pread` while they may
    /// still run, or through the mapping only once they are confirmed gone (a process that cuts the
    /// memfd under a mapping would make the engine's read a SIGBUS).
    ///
    /// A failure carries what the script printed before it (`SupervisorError.scriptOutput`): from the reply
    /// when the child answered, else from the transcript, read once the query's processes are gone.
    func finish(
        deadline: Int, timeout: Int, unconfined: [String], stopRequested: (@Sendable () -> Bool)? = nil,
        zygoteAlive: () -> Bool
    ) throws(SupervisorError) -> ScriptOutput {
        defer { dispose() }
        do {
            return try answer(
                deadline: deadline, timeout: timeout, unconfined: unconfined, stopRequested: stopRequested,
                zygoteAlive: zygoteAlive)
        } catch {
            var error = error
            // Read with pread, never through a mapping: safe even while a process that could not be
            // stopped still writes into it.
            if error.scriptOutput == nil, let transcript {
                let text = ScriptTranscript.read(transcript)
                error.scriptOutput = text.isEmpty ? nil : text
            }
            throw error
        }
    }

    private func answer(
        deadline: Int, timeout: Int, unconfined: [String], stopRequested: (@Sendable () -> Bool)?,
        zygoteAlive: () -> Bool
    ) throws(SupervisorError) -> ScriptOutput {
        if let stopRequested, !awaitReply(until: deadline, unless: stopRequested) {
            guardian.killTree(root: pid)
            throw Self.stopped(settings)
        }
        let reply: QueryReply?
        do {
            let (payload, fds) = try self.reply.receive(
                timeoutMilliseconds: max(deadline - MonotonicClock.milliseconds(), 0), maxBytes: Self.maxReplyBytes)
            fds.forEach { Descriptors.close($0) }
            reply = QueryReply.decode(payload)
        } catch {
            guardian.killTree(root: pid)
            if let cancelled = Supervisor.cancellation() { throw cancelled }
            if let kickout = kickout() { throw kickout }
            if error.kind == .timeout {
                throw SupervisorError(
                    .timeout(milliseconds: timeout),
                    "the python script exceeded its time limit of \(Self.seconds(timeout)) and was stopped with every process it started"
                )
            }
            if error.kind == .message { throw Self.malformed("its reply: \(error.message)") }
            throw died(nil, zygoteAlive: zygoteAlive)
        }
        if case .response(let response)? = reply, response.failure == nil {
            // A result holds at least a header and at most what the query's processes may allocate.
            let limit = Int(clamping: guardian.limitBytes)
            guard response.resultBytes >= SharedTableLayout.headerBytes,
                response.resultBytes <= max(limit, Self.copyLimitBytes)
            else {
                guardian.killTree(root: pid)
                throw Self.malformed(
                    "its reply says the result is \(response.resultBytes) bytes (the query may use \(ByteCount.describe(guardian.limitBytes)))"
                )
            }
            if response.resultBytes <= Self.copyLimitBytes { return try copiedResult(response, unconfined: unconfined) }
        }
        guard guardian.killTree(root: pid) else {
            throw SupervisorError(
                .workerCrashed, "the python script's processes could not be stopped within 5 s; its result is not read")
        }
        switch reply {
        case .response(let response)?:
            if let failure = response.failure {
                if let kickout = kickout() { throw kickout }
                var error = SupervisorError.reported(failure)
                let printed = response.stdout + response.stderr
                error.scriptOutput = printed.isEmpty ? nil : printed
                throw error
            }
            return try adoptedResult(response, unconfined: unconfined)
        case .exit(let exit)?:
            if let cancelled = Supervisor.cancellation() { throw cancelled }
            if let kickout = kickout() { throw kickout }
            throw died(exit, zygoteAlive: zygoteAlive)
        case nil:
            throw Self.malformed("it sent a reply that is neither a response nor an exit report")
        }
    }

    /// Waits until the reply starts to arrive (or the deadline passes: the receive that follows reports
    /// the timeout), asking `stopRequested` between short waits; false when it answered true first.
    private func awaitReply(until deadline: Int, unless stopRequested: @Sendable () -> Bool) -> Bool {
        while !stopRequested() {
            let left = deadline - MonotonicClock.milliseconds()
            guard left > 0 else { return true }
            do {
                try reply.waitReadable(min(left, Self.stopPollMilliseconds))
                return true
            } catch {
                guard error.kind == .timeout else { return true }
            }
        }
        return false
    }

    /// `E_CANCELLED` for a call its caller stopped (`ScriptRun.stopRequested`).
    static func stopped(_ settings: SandboxSettings) -> SupervisorError {
        SupervisorError(
            .cancelled(signal: nil),
            "the query was cancelled, so its python script in sandbox '\(settings.name)' was stopped with every process it started"
        )
    }

    /// A small result, copied out with `pread` as soon as the answer arrives (the copy alone is checked
    /// and adopted, no process of the query can write into it); the tree dies in the background.
    private func copiedResult(_ response: WorkerResponse, unconfined: [String]) throws(SupervisorError) -> ScriptOutput
    {
        let table: Table
        do {
            let copy = try ResultCopy(output.region, bytes: response.resultBytes)
            table = try SharedTableReader.read(
                base: copy.base, length: copy.length, owner: copy, fd: copy.fd, blocks: blocks)
        } catch {
            dispose()
            throw Self.unreadable(error)
        }
        keptResultBytes = response.resultBytes
        resultCopied = true
        let peak = guardian.memory().peakBytes
        disposeInBackground()
        return output(table, response, unconfined: unconfined, peak: peak)
    }

    /// A large result, adopted in place once the tree is confirmed gone: the memfd is given exactly the
    /// result's size first (nothing a dead process added past it is mapped, nothing it cut is read), and
    /// must hold memory for all of it.
    private func adoptedResult(_ response: WorkerResponse, unconfined: [String]) throws(SupervisorError) -> ScriptOutput
    {
        do throws(SharedTableError) {
            let file = try output.region.fileSize()
            guard file.size >= response.resultBytes else {
                throw SharedTableError.corrupt(
                    "the result region holds \(file.size) bytes, fewer than the \(response.resultBytes) its reply says")
            }
            // Every page of a table the worker wrote holds some of it; pages never written are holes the
            // engine's mapping would allocate (charged to the engine, not the query) just to read zeros.
            guard file.allocated >= response.resultBytes / SharedTableLayout.pageBytes * SharedTableLayout.pageBytes
            else {
                throw SharedTableError.corrupt(
                    "the result region was never written: it holds \(file.allocated) bytes of memory for a result of \(response.resultBytes)"
                )
            }
            try output.region.remapExactly(response.resultBytes, populate: true)
            let table = try SharedTableReader.read(output, length: response.resultBytes, blocks: blocks)
            keptResultBytes = response.resultBytes
            return output(table, response, unconfined: unconfined, peak: guardian.memory().peakBytes)
        } catch { throw Self.unreadable(error) }
    }

    private func output(_ table: Table, _ response: WorkerResponse, unconfined: [String], peak: UInt64?) -> ScriptOutput
    {
        var output = ScriptOutput(
            table: table, stdout: response.stdout, stderr: response.stderr,
            unconfinedLayers: unconfined, peakMemoryBytes: peak,
            elapsedMilliseconds: MonotonicClock.milliseconds() - startedAt)
        output.timings = response.timings
        output.outputFiles = response.outputFiles ?? []
        return output
    }

    /// `E_RESULT` for a result region that is not a well-formed table, else the I/O failure it was.
    private static func unreadable(_ error: SharedTableError) -> SupervisorError {
        error.kind == .corrupt ? malformed("its result: \(error.message)") : .io(error)
    }

    /// `E_RESULT`: the query's processes handed back something the engine refuses (`what`).
    static func malformed(_ what: String) -> SupervisorError {
        SupervisorError(
            .malformedResult, "the python script's process returned something the engine cannot accept, in \(what)")
    }

    /// `E_SANDBOX_KICKOUT` when the guard saw the ceiling passed.
    private func kickout() -> SupervisorError? {
        let memory = guardian.memory()
        guard memory.exceeded else { return nil }
        let elapsed = MonotonicClock.milliseconds() - startedAt
        let limit = ByteCount.describe(guardian.limitBytes)
        let peak = memory.peakBytes.map { ByteCount.describe($0) } ?? "unknown"
        let how =
            guardian.cgroup == nil
            ? " (measured by the RSS watchdog: no cgroup can be created here, so the peak is sampled)" : ""
        return SupervisorError(
            .kickout(limitBytes: guardian.limitBytes, peakBytes: memory.peakBytes, elapsedMilliseconds: elapsed),
            "the python script of sandbox '\(settings.name)' passed its memory ceiling of \(limit) (peak \(peak), after \(Self.seconds(elapsed)))\(how); it was stopped with every process it started"
        )
    }

    /// Why the child ended without answering.
    private func died(_ exit: QueryExit?, zygoteAlive: () -> Bool) -> SupervisorError {
        if let signal = exit?.signal, signal == SIGSYS {
            return SupervisorError(
                .denied(
                    hint:
                        "python() scripts may make only native x86-64 system calls; 32-bit entry points (int 0x80) and forbidden calls end the process"
                ),
                "the sandbox killed the python script for a forbidden system call (SIGSYS from seccomp)")
        }
        if !zygoteAlive() {
            return SupervisorError(
                .workerCrashed,
                "the sandbox worker of '\(settings.name)' died while the query ran; it is replaced on the next call, so run the query again"
            )
        }
        if let signal = exit?.signal {
            return SupervisorError(
                .workerCrashed,
                "the python script's process was killed by \(SignalName.describe(signal)) before it answered")
        }
        if let code = exit?.exitCode {
            return SupervisorError(
                .workerCrashed,
                "the python script's process exited with status \(code) before it answered (os._exit or sys.exit in native code?)"
            )
        }
        return SupervisorError(.workerCrashed, "the python script's process ended without a result")
    }

    static func seconds(_ ms: Int) -> String {
        ms < 10_000 ? String(format: "%.2f s", Double(ms) / 1000) : "\(ms / 1000) s"
    }
}

/// A private copy of the first `bytes` bytes of a result region (freed with the last column adopting
/// it): no other process can write into it. It is read with `pread`, never through the mapping, so a
/// process that cuts the memfd meanwhile makes it a short read (an error), not a SIGBUS. It is an engine
/// buffer like any other, so a large one lives in a memfd of its own and can go by reference into a
/// later `python()` call.
final class ResultCopy: @unchecked Sendable {
    let buffer: DataBuffer
    var base: UnsafeMutableRawPointer { buffer.pointer }
    var length: Int { buffer.byteCount }
    /// The copy's memfd when it has one (the copy starts at its offset 0).
    let fd: Int32?

    init(_ region: SharedRegion, bytes: Int) throws(SharedTableError) {
        buffer = DataBuffer(byteCount: bytes)
        try region.read(bytes, into: buffer.pointer)
        let location = bytes >= SharedTableWriter.minimumReferenceBytes ? buffer.sharedLocation() : nil
        fd = location?.offset == 0 ? location?.fd : nil
    }
}
