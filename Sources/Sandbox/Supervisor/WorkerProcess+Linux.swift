#if canImport(Glibc)
    import Foundation
    import Glibc
    import SharedTable
    import SystemCalls

    /// A running `sandpiper-worker serve` zygote: its pid and the supervisor's end of its control socket.
    final class WorkerProcess: @unchecked Sendable {
        let pid: pid_t
        let control: MessageChannel
        let ready: WorkerReady
        private let lifecycle: any ProcessLifecycle
        private var reaped = false

        private init(pid: pid_t, control: MessageChannel, ready: WorkerReady, lifecycle: any ProcessLifecycle) {
            self.pid = pid; self.control = control; self.ready = ready; self.lifecycle = lifecycle
        }

        /// Starts a zygote for `sitePackages` and waits until it has imported numpy and pandas.
        static func spawn(
            executable: String, sitePackages: [String], environment: [String], startTimeoutMilliseconds: Int,
            lifecycle: any ProcessLifecycle = LinuxProcessLifecycle()
        ) throws(SupervisorError) -> WorkerProcess {
            guard Processes.isExecutable(executable) else {
                throw SupervisorError(.workerStart, "the worker executable \(executable) is missing or not executable")
            }
            let ours: MessageChannel, theirs: MessageChannel
            do { (ours, theirs) = try MessageChannel.pair() } catch { throw .io(error) }
            defer { theirs.close() }
            // Nothing but stdio and the control socket crosses into the worker.
            let args = [executable, "serve"] + sitePackages.flatMap { ["--site-packages", $0] }
            let pid: pid_t
            do {
                pid = try lifecycle.spawn(executable, arguments: args, environment: environment, control: theirs.fd)
            } catch {
                ours.close()
                throw SupervisorError(.workerStart, "cannot start \(executable): \(error.reason)")
            }
            do {
                let (ready, fds) = try ours.receive(WorkerReady.self, timeoutMilliseconds: startTimeoutMilliseconds)
                fds.forEach { Descriptors.close($0) }
                let process = WorkerProcess(pid: pid, control: ours, ready: ready, lifecycle: lifecycle)
                if let error = ready.error {
                    process.stop(.zygote)
                    throw SupervisorError(.workerStart, "the sandbox environment failed to load: \(error)")
                }
                return process
            } catch let e as SupervisorError {
                throw e
            } catch {
                let p = WorkerProcess(
                    pid: pid, control: ours, ready: WorkerReady(pid: pid, python: "", numpy: "", pandas: ""),
                    lifecycle: lifecycle)
                p.stop(.zygote)
                throw SupervisorError(
                    .workerStart, "the worker did not start: \((error as? SharedTableError)?.message ?? "\(error)")")
            }
        }

        /// The worker's whole environment: nothing of the caller's (tokens, paths, proxies) reaches a
        /// script. The BLAS/OpenMP pools are sized here, before numpy is imported, so a child forked from
        /// the zygote starts (or lazily restarts) a pool of `threads` rather than inheriting a broken one.
        static func environment(threads: Int) -> [String] {
            let n = String(max(threads, 1))
            return [
                "PATH=/usr/bin:/bin", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=/tmp", "TMPDIR=/tmp",
                "PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0",
                "OPENBLAS_NUM_THREADS=" + n, "OMP_NUM_THREADS=" + n, "MKL_NUM_THREADS=" + n,
                "NUMEXPR_MAX_THREADS=" + n, "OMP_WAIT_POLICY=PASSIVE",
            ]
        }

        /// False once the zygote has exited (it is reaped here).
        var isAlive: Bool {
            if reaped { return false }
            if lifecycle.reap(pid) { reaped = true; return false }
            return true
        }

        /// Runs `teardown` until the process is gone; always reaps it (`Teardown.run`) and closes the control socket.
        func stop(_ teardown: Teardown) {
            guard !reaped else { control.close(); return }
            reaped = teardown.run(on: pid, closeControl: { control.close() }, using: lifecycle)
        }

        /// The worker executable next to the running program (`sandpiper`, or a test bundle in the same build folder).
        static func defaultExecutable() -> String {
            if let override = ProcessInfo.processInfo.environment["SANDPIPER_WORKER"], !override.isEmpty {
                return override
            }
            var buffer = [CChar](repeating: 0, count: 4096)
            let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            let exe =
                n > 0
                ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                : CommandLine.arguments[0]
            return (exe as NSString).deletingLastPathComponent + "/sandpiper-worker"
        }
    }
#endif
