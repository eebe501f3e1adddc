import CPython
import Glibc
import PythonHost
import Sandbox
import SharedTable

/// The warm worker: starts CPython and imports numpy/pandas once, then forks one child per query.
///
/// The zygote itself never runs user code. Each child maps its input privately, runs the script,
/// writes the result into the memfd the request carried, answers on the request's own socket and
/// exits; children are reaped automatically (SIGCHLD ignored), so none lingers as a zombie.
struct Zygote {
    let sitePackages: [String]
    let control: Int32

    func run() -> Never {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGCHLD, SIG_IGN)
        let channel = MessageChannel(fd: control)
        let python: PythonInterpreter
        do {
            python = try PythonInterpreter(sitePackages: sitePackages)
        } catch {
            try? channel.send(WorkerReady(pid: getpid(), python: "", numpy: "", pandas: "", error: error.description))
            exit(1)
        }
        let v = python.versions
        do { try channel.send(WorkerReady(pid: getpid(), python: v.python, numpy: v.numpy, pandas: v.pandas)) } catch { exit(1) }
        while true {
            let request: ConfinedRequest, fds: [Int32]
            do {
                (request, fds) = try channel.receive(ConfinedRequest.self)
            } catch {
                if error.kind == .message { continue }
                exit(0) // the supervisor went away
            }
            guard fds.count >= 3 else {
                fds.forEach { close($0) }
                try? channel.send(WorkerSpawned(pid: -1, error: "request carried \(fds.count) fds, expected at least 3"))
                continue
            }
            PyOS_BeforeFork()
            let pid = fork()
            if pid == 0 {
                PyOS_AfterFork_Child()
                close(control)
                signal(SIGCHLD, SIG_DFL)
                signal(SIGPIPE, SIG_DFL)
                QueryChild(python: python).run(request, input: fds[0], output: fds[1], reply: fds[2], extraFds: Array(fds[3...]))
            }
            PyOS_AfterFork_Parent()
            fds.forEach { close($0) }
            let reply = pid > 0 ? WorkerSpawned(pid: pid) : WorkerSpawned(pid: -1, error: "fork failed: \(String(cString: strerror(errno)))")
            do { try channel.send(reply) } catch { exit(0) }
        }
    }
}

