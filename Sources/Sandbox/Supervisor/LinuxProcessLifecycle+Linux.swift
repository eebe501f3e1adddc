#if canImport(Glibc)
    import SystemCalls

    /// The real process lifecycle: calls of the `SystemCalls` seam.
    struct LinuxProcessLifecycle: ProcessLifecycle {
        func spawn(_ executable: String, arguments: [String], environment: [String], control: Int32)
            throws(SystemCallError) -> Int32
        {
            try Processes.spawn(executable, arguments: arguments, environment: environment, descriptor: control)
        }

        func signal(_ pid: Int32, _ signal: Int32) { try? Processes.signal(pid, signal) }

        func reap(_ pid: Int32) -> Bool { Processes.reapIfExited(pid) }

        func pause(milliseconds: Int) { Processes.sleep(milliseconds: milliseconds) }
    }
#endif
