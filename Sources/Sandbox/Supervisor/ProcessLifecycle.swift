import SystemCalls

/// The seam between the supervisor's worker processes and the system calls that start, signal and
/// reap them. The real thing is `LinuxProcessLifecycle` (in `+Linux`); a test passes a recording fake
/// to check what a `Teardown` does, and in which order, as `ConfinementSteps` does for confinement.
protocol ProcessLifecycle: Sendable {
    /// Starts `executable` with `arguments` (the first is its name) and exactly `environment`;
    /// `control` becomes its fd 3, and no other descriptor but stdio crosses. Returns its pid.
    func spawn(_ executable: String, arguments: [String], environment: [String], control: Int32) throws(SystemCallError)
        -> Int32
    /// Sends `signal` to `pid`; a process already gone is not an error.
    func signal(_ pid: Int32, _ signal: Int32)
    /// Reaps the child `pid` if it has exited, without waiting; true when it is gone.
    func reap(_ pid: Int32) -> Bool
    /// Sleeps between two looks at a process.
    func pause(milliseconds: Int)
}

extension Teardown {
    /// Runs the steps on the child `pid` until it is gone, then makes sure: a SIGKILL and up to 10 s
    /// more when it outlived every step. `closeControl` runs exactly once, at its step or at the end.
    /// Returns whether the process is gone (reaped).
    @discardableResult
    func run(on pid: Int32, closeControl: () -> Void, using system: some ProcessLifecycle) -> Bool {
        var closed = false, gone = false
        for step in steps {
            gone = system.reap(pid)
            if gone { break }
            switch step {
            case .closeControl: closeControl(); closed = true
            case .signal(let s): system.signal(pid, s)
            case .wait(let ms):
                gone = Self.wait(for: pid, milliseconds: ms, using: system)
            }
            if gone { break }
        }
        if !gone, !system.reap(pid) {
            system.signal(pid, 9 /* SIGKILL */)
            gone = Self.wait(for: pid, milliseconds: 10_000, using: system)
        } else {
            gone = true
        }
        if !closed { closeControl() }
        return gone
    }

    /// Polls `pid` every 2 ms for up to `milliseconds`; true once it is reaped.
    private static func wait(for pid: Int32, milliseconds: Int, using system: some ProcessLifecycle) -> Bool {
        var waited = 0
        while waited <= milliseconds {
            if system.reap(pid) { return true }
            system.pause(milliseconds: 2)
            waited += 2
        }
        return false
    }
}
