/// The fallback kickout where no cgroup can be created: polls the resident memory (`VmRSS`) of a
/// process and all its descendants, and kills the whole tree when the sum passes the ceiling.
///
/// Weaker than a cgroup: it samples (a fast allocation can overshoot between polls), and shared
/// pages are counted once per process. The supervisor runs `watch` on a thread of its own.
public struct RSSWatchdog: Sendable {
    /// The root of the watched tree (the worker child, or the waiter of a pid namespace).
    public let rootPID: Int32
    /// The ceiling in bytes.
    public let limitBytes: UInt64
    /// Time between samples, in milliseconds.
    public let intervalMilliseconds: Int

    /// Watches `rootPID`'s tree against `limitBytes`.
    public init(rootPID: Int32, limitBytes: UInt64, intervalMilliseconds: Int = 20) {
        self.rootPID = rootPID; self.limitBytes = limitBytes; self.intervalMilliseconds = intervalMilliseconds
    }

    /// How a watch ended.
    public struct Verdict: Sendable, Hashable {
        /// The tree passed the ceiling and was killed.
        public var exceeded: Bool
        /// The highest sum sampled.
        public var peakBytes: UInt64
        /// The ceiling watched.
        public var limitBytes: UInt64

        /// `E_SANDBOX_KICKOUT` when exceeded, else nil.
        public var kickout: ConfinementError? {
            exceeded ? .kickout(limitBytes: limitBytes, peakBytes: peakBytes) : nil
        }
    }
}
