#if canImport(Glibc)
    import Glibc

    /// Processes: starting, signalling, reaping and waiting for them.
    package enum Processes {
        /// This process's pid.
        package static var current: Int32 { getpid() }

        /// `kill(pid, signal)`; a negative `pid` names a process group.
        package static func signal(_ pid: Int32, _ signal: Int32) throws(SystemCallError) {
            guard kill(pid, signal) == 0 else { throw .last("kill(\(pid), \(signal))") }
        }

        /// Whether `pid` names a process this one may signal (`kill(pid, 0)`); a zombie still counts.
        package static func exists(_ pid: Int32) -> Bool { kill(pid, 0) == 0 }

        /// Whether `pid` names no process at all (`kill(pid, 0)` says ESRCH); a process this one may not
        /// signal still exists.
        package static func isGone(_ pid: Int32) -> Bool { kill(pid, 0) != 0 && errno == ESRCH }

        /// Reaps the child `pid` if it has exited, without waiting; true when it is gone (reaped now, or
        /// not a child of this process any more).
        package static func reapIfExited(_ pid: Int32) -> Bool {
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            return r == pid || (r < 0 && errno == ECHILD)
        }

        /// Waits for the child `pid` to end and returns its raw wait status.
        package static func waitForExit(_ pid: Int32) throws(SystemCallError) -> Int32 {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 {
                if errno != EINTR { throw .last("waitpid(\(pid))") }
            }
            return status
        }

        /// `setsid()`: this process leaves its session and process group for new ones that it leads.
        package static func startSession() throws(SystemCallError) {
            guard setsid() >= 0 else { throw .last("setsid") }
        }

        /// Whether this process leads its process group (it then cannot start a session).
        package static var leadsProcessGroup: Bool { getpgrp() == getpid() }

        /// `fork()`: the child's pid in the parent, 0 in the child.
        package static func fork() throws(SystemCallError) -> Int32 {
            let pid = Glibc.fork()
            guard pid >= 0 else { throw .last("fork") }
            return pid
        }

        /// Ends this process at once (`_exit`): no atexit handlers, no buffered output flushed — what a
        /// forked child that must not run its parent's cleanup does.
        package static func exitImmediately(_ status: Int32) -> Never { _exit(status) }

        /// Sleeps for `milliseconds`.
        package static func sleep(milliseconds: Int) {
            guard milliseconds > 0 else { return }
            usleep(useconds_t(clamping: milliseconds * 1000))
        }

        /// Sleeps for `microseconds`.
        package static func sleep(microseconds: Int) {
            guard microseconds > 0 else { return }
            usleep(useconds_t(clamping: microseconds))
        }

        /// What a process does with a signal.
        package enum SignalDisposition: Sendable {
            /// The default action (`SIG_DFL`).
            case standard
            /// Ignored (`SIG_IGN`); for SIGCHLD it also means children are reaped automatically.
            case ignore
        }

        /// Sets what this process does with `signal`.
        package static func setDisposition(_ signal: Int32, _ disposition: SignalDisposition) {
            _ = Glibc.signal(signal, disposition == .ignore ? SIG_IGN : SIG_DFL)
        }

        /// Ends this process with `signal`, the way the signal's default action would (the status a shell
        /// expects of Ctrl-C): the default action restored, the signal unblocked in this thread (a launcher
        /// may have blocked it) and raised; should the process survive that, it exits with 128 + signal.
        package static func end(bySignal signal: Int32) -> Never {
            _ = Glibc.signal(signal, SIG_DFL)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, signal)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            raise(signal)
            _exit(128 + signal)
        }

        /// Unblocks every signal of this thread.
        package static func unblockAllSignals() {
            var none = sigset_t()
            sigemptyset(&none)
            sigprocmask(SIG_SETMASK, &none, nil)
        }

        /// Starts `arguments[0]`'s program at `executable` with exactly `environment`, `descriptor` as its
        /// fd 3 and no other descriptor beyond stdio (where glibc can close them: ≥ 2.34); returns its pid.
        package static func spawn(
            _ executable: String, arguments: [String], environment: [String],
            descriptor: Int32
        ) throws(SystemCallError) -> Int32 {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, descriptor, 3)
            if let closeFrom = addCloseFrom { _ = closeFrom(&actions, 4) }
            var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
            defer { envp.forEach { free($0) } }
            var pid: pid_t = 0
            let rc = posix_spawn(&pid, executable, &actions, nil, &argv, &envp)
            guard rc == 0 else { throw SystemCallError("posix_spawn(\(executable))", errno: rc) }
            return pid
        }

        /// Whether `path` is a file this process may execute.
        package static func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }

        /// glibc ≥ 2.34 has it, but declares it only under `_GNU_SOURCE`; without it the child inherits
        /// only close-on-exec-free fds, which this program does not create.
        private typealias AddCloseFrom =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        private static let addCloseFrom: AddCloseFrom? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
            else { return nil }
            return unsafeBitCast(symbol, to: AddCloseFrom.self)
        }()
    }

    /// One process watched through a pidfd (`pidfd_open`): its exit can be waited for, and it can be
    /// signalled without the risk of hitting another process that reused its pid. Where there is no pidfd
    /// (no such process, an old kernel) `wait` just sleeps and `send` signals by pid.
    package struct ProcessWatch {
        private let fd: Int32
        private let pid: Int32
        /// The process was already gone when the watch was made (`pidfd_open` said ESRCH).
        private let goneAtStart: Bool

        package init(_ pid: Int32) {
            self.pid = pid
            var gone = false
            var fd: Int32 = -1
            if pid > 0 {
                do { fd = Int32(try Kernel.call(Kernel.Number.pidfdOpen, Int(pid), 0)) } catch {
                    gone = error.errno == ESRCH
                }
            }
            self.fd = fd
            goneAtStart = gone
        }

        /// Returns when the process exits or after `milliseconds`; once it has exited, just sleeps (what
        /// the caller waits for then is something else: other processes of its tree).
        package func wait(milliseconds: Int32) {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard fd >= 0, poll(&entry, 1, 0) == 0 else { usleep(useconds_t(milliseconds) * 1000); return }
            // Readable means exited; its parent reaps it a moment later, so a caller polling for the
            // zombie to go does not spin.
            if poll(&entry, 1, milliseconds) > 0 { usleep(200) }
        }

        /// Whether the process has exited, from its pidfd (or because it was gone before the watch began);
        /// nil when there is no pidfd to ask (a kernel without `pidfd_open`).
        package var hasExited: Bool? {
            if goneAtStart { return true }
            guard fd >= 0 else { return nil }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            return poll(&entry, 1, 0) > 0
        }

        /// Sends `signal` to the watched process through its pidfd; by pid only where there is no pidfd.
        package func send(_ signal: Int32) {
            if goneAtStart { return }
            if fd >= 0 { _ = try? Kernel.call(Kernel.Number.pidfdSendSignal, Int(fd), Int(signal), 0, 0); return }
            kill(pid, signal)
        }

        /// Closes the pidfd.
        package func close() { if fd >= 0 { _ = Glibc.close(fd) } }
    }
#endif
