#if canImport(Glibc)
    import Glibc

    /// The one clock for deadlines and durations: `CLOCK_MONOTONIC`, which never jumps with the wall clock
    /// and is the same clock in every process of the machine, so a time taken in the engine and one taken
    /// in a worker can be subtracted (the transfer benchmark does).
    package enum MonotonicClock {
        /// Nanoseconds since an arbitrary fixed point (boot).
        package static func nanoseconds() -> UInt64 {
            read(CLOCK_MONOTONIC)
        }

        /// Milliseconds since the same point: the unit of every deadline between engine and worker.
        package static func milliseconds() -> Int {
            Int(nanoseconds() / 1_000_000)
        }

        /// CPU time this process has used, in nanoseconds (`CLOCK_PROCESS_CPUTIME_ID`): benchmarks report it
        /// next to wall time.
        package static func processCPUNanoseconds() -> UInt64 {
            read(CLOCK_PROCESS_CPUTIME_ID)
        }

        private static func read(_ clock: clockid_t) -> UInt64 {
            var t = timespec()
            // Cannot fail for these two clocks with a valid pointer (POSIX: only EINVAL/EFAULT).
            clock_gettime(clock, &t)
            return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
        }
    }
#endif
