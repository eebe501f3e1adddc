/// The per-query limits a cgroup enforces: memory (the kickout ceiling), processes, CPU.
public struct CgroupLimits: Sendable, Codable, Hashable {
    /// Memory ceiling in bytes (RAM charged to the query, tmpfs scratch included). Above it the
    /// kernel's OOM killer stops the query: that is the kickout.
    public var memoryBytes: UInt64
    /// Swap the query may use on top of `memoryBytes` (0: none, so the ceiling is a real ceiling).
    public var swapBytes: UInt64
    /// Most processes and threads at once (a fork bomb meets EAGAIN).
    public var maxProcesses: Int?
    /// CPU share in percent of one core (200 = two cores); nil for no quota.
    public var cpuPercent: Int?

    /// Limits for one query.
    public init(memoryBytes: UInt64, swapBytes: UInt64 = 0, maxProcesses: Int? = 128, cpuPercent: Int? = nil) {
        self.memoryBytes = memoryBytes; self.swapBytes = swapBytes
        self.maxProcesses = maxProcesses; self.cpuPercent = cpuPercent
    }
}

/// What a query's cgroup counted, read after the query ended (or was killed).
public struct CgroupVerdict: Sendable, Codable, Hashable {
    /// The kernel's OOM killer killed a process of the query: the memory ceiling was hit.
    public var oomKilled: Bool
    /// How many processes the OOM killer killed.
    public var oomKillCount: Int
    /// The highest memory use the cgroup saw, in bytes (nil where the kernel keeps no peak).
    public var peakBytes: UInt64?
    /// How often an allocation hit the limit (v1 `memory.failcnt`, v2 `memory.events max`).
    public var limitHits: Int
    /// The ceiling that applied.
    public var limitBytes: UInt64

    /// Creates a verdict.
    public init(oomKilled: Bool, oomKillCount: Int, peakBytes: UInt64?, limitHits: Int, limitBytes: UInt64) {
        self.oomKilled = oomKilled; self.oomKillCount = oomKillCount; self.peakBytes = peakBytes
        self.limitHits = limitHits; self.limitBytes = limitBytes
    }

    /// `E_SANDBOX_KICKOUT` when the ceiling was hit, else nil.
    public var kickout: ConfinementError? {
        oomKilled ? .kickout(limitBytes: limitBytes, peakBytes: peakBytes) : nil
    }
}

/// Which cgroup hierarchy a controller uses.
public enum CgroupVersion: String, Sendable, Codable, Hashable {
    /// One hierarchy per controller (`/sys/fs/cgroup/memory/...`).
    case v1
    /// The unified hierarchy.
    case v2
}
