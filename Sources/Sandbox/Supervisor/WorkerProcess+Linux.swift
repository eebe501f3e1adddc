import Foundation
import SharedTable
#if canImport(Glibc)
import Glibc
#endif

/// A running `sandpiper-worker serve` zygote: its pid and the supervisor's end of its control socket.
final class WorkerProcess: @unchecked Sendable {
    let pid: pid_t
    let control: MessageChannel
    let ready: WorkerReady
    private var reaped = false

    private init(pid: pid_t, control: MessageChannel, ready: WorkerReady) {
        self.pid = pid; self.control = control; self.ready = ready
    }

    /// Starts a zygote for `sitePackages` and waits until it has imported numpy and pandas.
    static func spawn(executable: String, sitePackages: [String], environment: [String],
                      startTimeoutMilliseconds: Int) throws(SupervisorError) -> WorkerProcess {
        guard access(executable, X_OK) == 0 else {
            throw SupervisorError(.workerStart, "the worker executable \(executable) is missing or not executable")
        }
        let ours: MessageChannel, theirs: MessageChannel
        do { (ours, theirs) = try MessageChannel.pair() } catch { throw .io(error) }
        defer { theirs.close() }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, theirs.fd, 3)
        // Nothing but stdio and the control socket crosses into the worker.
        if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 4) }
        let args = [executable, "serve"] + sitePackages.flatMap { ["--site-packages", $0] }
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, &argv, &envp)
        guard rc == 0 else {
            ours.close()
            throw SupervisorError(.workerStart, "cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        do {
            let (ready, fds) = try ours.receive(WorkerReady.self, timeoutMilliseconds: startTimeoutMilliseconds)
            fds.forEach { close($0) }
            let process = WorkerProcess(pid: pid, control: ours, ready: ready)
            if let error = ready.error {
                process.stop(.zygote)
                throw SupervisorError(.workerStart, "the sandbox environment failed to load: \(error)")
            }
            return process
        } catch let e as SupervisorError {
            throw e
        } catch {
            let p = WorkerProcess(pid: pid, control: ours, ready: WorkerReady(pid: pid, python: "", numpy: "", pandas: ""))
            p.stop(.zygote)
            throw SupervisorError(.workerStart, "the worker did not start: \((error as? SharedTableError)?.message ?? "\(error)")")
        }
    }

    /// The worker's whole environment: nothing of the caller's (tokens, paths, proxies) reaches a
    /// script. The BLAS/OpenMP pools are sized here, before numpy is imported, so a child forked from
    /// the zygote starts (or lazily restarts) a pool of `threads` rather than inheriting a broken one.
    static func environment(threads: Int) -> [String] {
        let n = String(max(threads, 1))
        return ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=/tmp", "TMPDIR=/tmp",
                "PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0",
                "OPENBLAS_NUM_THREADS=" + n, "OMP_NUM_THREADS=" + n, "MKL_NUM_THREADS=" + n,
                "NUMEXPR_MAX_THREADS=" + n, "OMP_WAIT_POLICY=PASSIVE"]
    }

    /// glibc ≥ 2.34 has it, but declares it only under `_GNU_SOURCE`; without it the worker inherits
    /// only close-on-exec-free fds, which this process does not create.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    /// False once the zygote has exited (it is reaped here).
    var isAlive: Bool {
        if reaped { return false }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid || (r < 0 && errno == ECHILD) { reaped = true; return false }
        return true
    }

    /// Runs `teardown` until the process is gone; always reaps it and closes the control socket.
    func stop(_ teardown: Teardown) {
        var closed = false
        for step in teardown.steps {
            if !isAlive { break }
            switch step {
            case .closeControl: control.close(); closed = true
            case .signal(let s): kill(pid, s)
            case .wait(let ms): Self.waitForExit(pid, milliseconds: ms, reaped: &reaped)
            }
        }
        if isAlive { kill(pid, SIGKILL); Self.waitForExit(pid, milliseconds: 10_000, reaped: &reaped) }
        if !closed { control.close() }
    }

    static func waitForExit(_ pid: pid_t, milliseconds: Int, reaped: inout Bool) {
        var waited = 0
        while waited <= milliseconds {
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno == ECHILD) { reaped = true; return }
            usleep(2_000)
            waited += 2
        }
    }

    /// The worker executable next to the running program (`sandpiper`, or a test bundle in the same build folder).
    static func defaultExecutable() -> String {
        if let override = ProcessInfo.processInfo.environment["SANDPIPER_WORKER"], !override.isEmpty { return override }
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let exe = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        return (exe as NSString).deletingLastPathComponent + "/sandpiper-worker"
    }
}
