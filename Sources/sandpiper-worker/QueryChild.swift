import CPython
import Columnar
import Glibc
import PythonHost
import Sandbox
import SharedTable
import SystemCalls

/// The fds a query's request carried: `[input, output, reply] + extra` (the extras, such as input
/// blocks, reach the child in order).
struct QueryFds {
    let input: Int32
    let output: Int32
    let reply: Int32
    let extra: [Int32]

    var all: [Int32] { [input, output, reply] + extra }
}

/// One query, in its own forked process.
///
/// Before anything of the query is even mapped, the child confines itself (`Confinement.apply`:
/// descriptors, cgroup, namespaces and view, identity, no_new_privs, Landlock, seccomp). It then
/// installs the audit hook that lets a refused operation be reported as `E_SANDBOX_DENIED`, runs the
/// script and answers on the request's own socket.
///
/// A spare child (`serveAsSpare`) does the same before it has a query: it confines itself and installs
/// the hook, then waits on its socket for the one request it will ever run, so that none of that is
/// on the query's path. It runs no code of any query before that request, and exits after it.
struct QueryChild {
    let python: PythonInterpreter

    func run(_ envelope: ConfinedRequest, fds: QueryFds) -> Never {
        let channel = MessageChannel(fd: fds.reply)
        prepareProcess()
        let confineStart = Self.milliseconds()
        var timings: [String: Double] = [:]
        if let plan = envelope.plan { timings = confine(plan, keeping: fds.all, channel: channel) }
        timings["confine"] = Self.milliseconds() - confineStart
        guard let request = envelope.request else {
            answer(channel, Self.failure(.io, "the worker forked a query child without a request"))
        }
        let hook = installAuditHook()
        execute(request, fds: fds, channel: channel, hookFailure: hook, timings: timings)
    }

    /// A spare: confines itself under `plan`, then serves the one request that comes on `socket`
    /// (its fds `[input, output] + extra`), answering on the same socket. Exits when the socket closes.
    func serveAsSpare(plan: ConfinementPlan?, socket: Int32) -> Never {
        let channel = MessageChannel(fd: socket)
        prepareProcess()
        let confineStart = Self.milliseconds()
        var timings: [String: Double] = [:]
        if let plan { timings = confine(plan, keeping: [socket], channel: channel) }
        timings["confine"] = Self.milliseconds() - confineStart
        timings["spare"] = 1

        let hook = installAuditHook()
        // Our own warm-up again, now in this process: the pages `df` and `result` will touch are copied
        // (copy-on-write after the fork) here, before the query, not while it waits (df 1.1 -> 0.4 ms).
        python.warmUp()
        let envelope: ConfinedRequest, received: [Int32]
        do { (envelope, received) = try channel.receive(ConfinedRequest.self) } catch { Processes.exitImmediately(0) }
        guard let request = envelope.request, envelope.plan == nil, received.count >= 2 else {
            received.forEach { Descriptors.close($0) }
            answer(
                channel,
                Self.failure(
                    .io,
                    "a spare query child got a request it cannot run (\(received.count) fds, a plan, or no request)"))
        }
        let fds = QueryFds(input: received[0], output: received[1], reply: socket, extra: Array(received.dropFirst(2)))
        execute(request, fds: fds, channel: channel, hookFailure: hook, timings: timings)
    }

    /// Stdio detached; past RLIMIT_FSIZE a write fails with EFBIG (a Python exception) instead of
    /// killing the child.
    private func prepareProcess() {
        detachStandardStreams()
        Processes.setDisposition(SIGXFSZ, .ignore)
    }

    /// Applies `plan` keeping stdio and `keeping` open; on failure answers with the error and exits.
    /// Returns the milliseconds of each step (`confine.<step>`, `confine.<step>.cpu`).
    private func confine(_ plan: ConfinementPlan, keeping: [Int32], channel: MessageChannel) -> [String: Double] {
        var plan = plan
        plan.keepFileDescriptors = [0, 1, 2] + keeping
        let clock = ConfinementClock()
        do {
            try Confinement.apply(
                plan,
                waiterReport: { status in
                    try? channel.send(QueryExit(waitStatus: status))
                }, clock: clock)
        } catch {
            answer(channel, Self.failure(error.workerFailureCode, error.message))
        }
        return clock.milliseconds
    }

    private func installAuditHook() -> WorkerResponse? {
        do { _ = try python.evaluate(SandboxDenial.auditHookSource) } catch {
            return WorkerResponse(resultBytes: 0, stdout: "", stderr: "", failure: error.failure)
        }
        return nil
    }

    private func execute(
        _ request: WorkerRequest, fds: QueryFds, channel: MessageChannel, hookFailure: WorkerResponse?,
        timings: [String: Double]
    ) -> Never {
        // The script may fork (os.fork, a fork bomb): its copies return through this code too, and only
        // this process may answer — several writers on one socket would garble the reply.
        let answering = Processes.current
        var response: WorkerResponse
        if let hookFailure {
            response = hookFailure
        } else {
            do throws(SharedTableError) {
                let mapping = try PrivateMapping(fd: fds.input, length: request.inputBytes)
                Descriptors.close(fds.input)
                // The input's column blocks, copy-on-write like the input: the script may change `df`
                // in place, the engine never sees it.
                var extra = fds.extra
                // The transcript stays open for the child's life: the script's output goes there as it comes.
                let transcript = request.transcript == true ? extra.popLast() : nil
                var blocks: [PrivateMapping] = []
                for fd in extra {
                    blocks.append(try PrivateMapping(wholeFile: fd))
                    Descriptors.close(fd)
                }
                let region = try SharedRegion.adopt(fd: fds.output, writable: true)
                response = QueryRunner(python: python).run(
                    request, input: mapping, blocks: blocks, output: region, transcript: transcript)
            } catch {
                response = Self.failure(error.workerFailureCode, error.message)
            }
        }
        if Processes.current != answering { Processes.exitImmediately(0) }
        for (phase, ms) in timings { response.timings[phase] = ms }
        // CPU of this process since it was forked into the pid namespace: confinement, script and answer.
        response.timings["cpu"] = Double(MonotonicClock.processCPUNanoseconds()) / 1e6
        if let failure = response.failure, let denied = DenialReport(python: python).denial(for: failure) {
            response.failure = denied
        }
        answer(channel, response)
    }

    private static func failure(_ code: WorkerFailure.Code, _ message: String) -> WorkerResponse {
        WorkerResponse(resultBytes: 0, stdout: "", stderr: "", failure: WorkerFailure(code: code, message: message))
    }

    static func milliseconds() -> Double { Double(MonotonicClock.nanoseconds()) / 1e6 }

    private func answer(_ channel: MessageChannel, _ response: WorkerResponse) -> Never {
        try? channel.send(response)
        Processes.exitImmediately(0)
    }

    /// Stdin, stdout and stderr become `/dev/null`: the zygote's are the host's terminal or log, which
    /// a script must not read, write or `ioctl` (TIOCSTI). `print` is captured in Python anyway.
    private func detachStandardStreams() { Descriptors.detachStandardStreams() }
}

/// Turns a script's failure into `E_SANDBOX_DENIED` when it was an operation the sandbox refused:
/// the errno of the `OSError` the script died of (a typed field of the failure), and the last security-relevant audit event
/// (recorded by `SandboxDenial.auditHookSource`), decided by `SandboxDenial`.
struct DenialReport {
    let python: PythonInterpreter

    func denial(for failure: WorkerFailure) -> WorkerFailure? {
        guard failure.code == .python else { return nil }
        let recorded =
            (try? python.evaluate(
                """
                import sys
                e = getattr(sys, '_sandpiper_last_event', None)
                out = (e[0] + '\\u001f' + e[1]) if e else ''
                """)) ?? ""
        guard !recorded.isEmpty else { return nil }
        let parts = recorded.split(separator: "\u{1f}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard
            let error = SandboxDenial.error(
                errno: failure.errno, event: parts[0], argument: parts.count > 1 ? parts[1] : nil)
        else { return nil }
        let detail = (error.hint.map { $0 + "\n\n" } ?? "") + failure.traceback
        return WorkerFailure(
            code: .denied, type: failure.type, message: error.message + " — \(failure.type): \(failure.message)",
            traceback: detail, line: failure.line, errno: failure.errno)
    }
}
