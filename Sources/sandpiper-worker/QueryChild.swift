import CPython
import Glibc
import PythonHost
import Sandbox
import SharedTable

/// One query, in its own forked process.
///
/// Before anything of the query is even mapped, the child confines itself (`Confinement.apply`:
/// descriptors, cgroup, namespaces and view, identity, no_new_privs, Landlock, seccomp). It then
/// installs the audit hook that lets a refused operation be reported as `E_SANDBOX_DENIED`, runs the
/// script and answers on the request's own socket.
struct QueryChild {
    let python: PythonInterpreter

    /// `extraFds` are the memfds of the input's referenced column blocks, in block order.
    func run(_ envelope: ConfinedRequest, input: Int32, output: Int32, reply: Int32, extraFds: [Int32]) -> Never {
        let channel = MessageChannel(fd: reply)
        detachStandardStreams()
        // Past RLIMIT_FSIZE a write fails with EFBIG (a Python exception) instead of killing the child.
        signal(SIGXFSZ, SIG_IGN)
        let confineStart = Self.milliseconds()
        if var plan = envelope.plan {
            plan.keepFileDescriptors = [0, 1, 2, input, output, reply] + extraFds
            do {
                try Confinement.apply(plan) { status in
                    try? channel.send(QueryExit(waitStatus: status))
                }
            } catch {
                answer(channel, WorkerResponse(resultBytes: 0, stdout: "", stderr: "",
                                               failure: WorkerFailure(code: error.code.rawValue, message: error.message)))
            }
        }
        let confineEnd = Self.milliseconds()
        let request = envelope.request
        // The script may fork (os.fork, a fork bomb): its copies return through this code too, and only
        // this process may answer — several writers on one socket would garble the reply.
        let answering = getpid()
        var response: WorkerResponse
        do {
            _ = try python.evaluate(SandboxDenial.auditHookSource)
            let mapping = try PrivateMapping(fd: input, length: request.inputBytes)
            close(input)
            // Copy-on-write like the input: the script may change `df` in place, the engine never sees it.
            var blocks: [PrivateMapping] = []
            for fd in extraFds {
                blocks.append(try PrivateMapping(wholeFile: fd))
                close(fd)
            }
            let region = try SharedRegion.adopt(fd: output, writable: true)
            response = QueryRunner(python: python).run(request, input: mapping, blocks: blocks, output: region)
        } catch let error as PythonHostError {
            response = WorkerResponse(resultBytes: 0, stdout: "", stderr: "", failure: error.failure)
        } catch let error as SharedTableError {
            response = WorkerResponse(resultBytes: 0, stdout: "", stderr: "",
                                      failure: WorkerFailure(code: error.code.rawValue, message: error.message))
        } catch {
            response = WorkerResponse(resultBytes: 0, stdout: "", stderr: "", failure: WorkerFailure(code: "E_SANDBOX_IO", message: "\(error)"))
        }
        if getpid() != answering { _exit(0) }
        response.timings["confine"] = confineEnd - confineStart
        if let failure = response.failure, let denied = DenialReport(python: python).denial(for: failure) {
            response.failure = denied
        }
        answer(channel, response)
    }

    static func milliseconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
    }

    private func answer(_ channel: MessageChannel, _ response: WorkerResponse) -> Never {
        try? channel.send(response)
        _exit(0)
    }

    /// Stdin, stdout and stderr become `/dev/null`: the zygote's are the host's terminal or log, which
    /// a script must not read, write or `ioctl` (TIOCSTI). `print` is captured in Python anyway.
    private func detachStandardStreams() {
        let null = open("/dev/null", O_RDWR)
        guard null >= 0 else { return }
        for fd: Int32 in 0...2 where fd != null { dup2(null, fd) }
        if null > 2 { close(null) }
    }
}

/// Turns a script's failure into `E_SANDBOX_DENIED` when it was an operation the sandbox refused:
/// the errno of the `OSError` the script died of, and the last security-relevant audit event
/// (recorded by `SandboxDenial.auditHookSource`), decided by `SandboxDenial`.
struct DenialReport {
    let python: PythonInterpreter

    func denial(for failure: WorkerFailure) -> WorkerFailure? {
        guard failure.code == "E_PYTHON" else { return nil }
        let errno = Self.errno(inMessage: failure.message)
        let recorded = (try? python.evaluate("""
            import sys
            e = getattr(sys, '_sandpiper_last_event', None)
            out = (e[0] + '\\u001f' + e[1]) if e else ''
            """)) ?? ""
        guard !recorded.isEmpty else { return nil }
        let parts = recorded.split(separator: "\u{1f}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let error = SandboxDenial.error(errno: errno, event: parts[0], argument: parts.count > 1 ? parts[1] : nil) else { return nil }
        let detail = (error.hint.map { $0 + "\n\n" } ?? "") + failure.traceback
        return WorkerFailure(code: error.code.rawValue, type: failure.type, message: error.message + " — \(failure.type): \(failure.message)",
                             traceback: detail, line: failure.line)
    }

    /// The errno of an `OSError` from its text, which CPython always formats as `[Errno N] ...`.
    static func errno(inMessage message: String) -> Int32? {
        guard message.hasPrefix("[Errno "), let end = message.firstIndex(of: "]") else { return nil }
        return Int32(message[message.index(message.startIndex, offsetBy: 7)..<end])
    }
}
