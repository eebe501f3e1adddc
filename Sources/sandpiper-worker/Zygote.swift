import CPython
import Glibc
import PythonHost
import Sandbox
import SharedTable
import SystemCalls

/// The warm worker: starts CPython and imports numpy/pandas once, then forks one child per query,
/// or a spare child the supervisor hands its next query to directly (see `ConfinedRequest`).
///
/// The zygote itself never runs user code. Each child maps its input privately, runs the script,
/// writes the result into the memfd the request carried, answers on the request's own socket and
/// exits; children are reaped automatically (SIGCHLD ignored), so none lingers as a zombie. A spare
/// child gets its request from the supervisor directly, on its own socket; the zygote only forks it.
struct Zygote {
    let sitePackages: [String]
    let control: Int32

    func run() -> Never {
        Processes.setDisposition(SIGPIPE, .ignore)
        Processes.setDisposition(SIGCHLD, .ignore)
        let channel = MessageChannel(fd: control)
        let python: PythonInterpreter
        do {
            python = try PythonInterpreter(sitePackages: sitePackages)
        } catch {
            try? channel.send(
                WorkerReady(pid: Processes.current, python: "", numpy: "", pandas: "", error: error.description))
            exit(1)
        }
        let v = python.versions
        do {
            try channel.send(WorkerReady(pid: Processes.current, python: v.python, numpy: v.numpy, pandas: v.pandas))
        } catch { exit(1) }
        while true {
            let request: ConfinedRequest, fds: [Int32]
            do {
                (request, fds) = try channel.receive(ConfinedRequest.self)
            } catch {
                if error.kind == .message { continue }
                exit(0)  // the supervisor went away
            }
            // A request carries [input, output, reply] + extras; a spare's order carries only its socket.
            let needed = request.request == nil ? 1 : 3
            guard fds.count >= needed else {
                fds.forEach { Descriptors.close($0) }
                try? channel.send(
                    WorkerSpawned(pid: -1, error: "request carried \(fds.count) fds, expected at least \(needed)"))
                continue
            }
            // The seccomp program is compiled here once per policy, not in every child (0.5 ms of libseccomp
            // each): the child installs the same bytes. A failure is the child's to report, when it compiles again.
            if let plan = request.plan { _ = try? Confinement.prepare(plan) }
            PyOS_BeforeFork()
            let forked = Result { () throws(SystemCallError) in try Processes.fork() }
            if case .success(0) = forked {
                PyOS_AfterFork_Child()
                Descriptors.close(control)
                Processes.setDisposition(SIGCHLD, .standard)
                Processes.setDisposition(SIGPIPE, .standard)
                let child = QueryChild(python: python)
                if request.request == nil {
                    fds.dropFirst().forEach { Descriptors.close($0) }
                    child.serveAsSpare(plan: request.plan, socket: fds[0])
                }
                child.run(
                    request, fds: QueryFds(input: fds[0], output: fds[1], reply: fds[2], extra: Array(fds.dropFirst(3)))
                )
            }
            PyOS_AfterFork_Parent()
            fds.forEach { Descriptors.close($0) }
            let reply: WorkerSpawned
            switch forked {
            case .success(let pid): reply = WorkerSpawned(pid: pid)
            case .failure(let error): reply = WorkerSpawned(pid: -1, error: "fork failed: \(error.reason)")
            }
            do { try channel.send(reply) } catch { exit(0) }
        }
    }
}
