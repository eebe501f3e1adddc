import Foundation

/// The resource limits a sandbox's workers run under, modelled on Azure Data Explorer's sandbox policy
/// (`MaxMemoryMbPerSandbox`, `MaxCpuRatePerSandbox`, `TargetCountPerNode`, `InitializeOnStartup`) plus a
/// wall-time limit per `python()` call.
public struct SandboxPolicy: Sendable, Hashable, Codable {
    /// Memory "kickout" ceiling of one worker in MiB; above it the worker is killed and the query fails.
    /// ADX: `MaxMemoryMbPerSandbox`, 200...65536, default 20480.
    public var memoryMB: Int
    /// Share of all host cores one worker may use, in percent; above it the worker is throttled.
    /// ADX: `MaxCpuRatePerSandbox`, 1...100, default 50.
    public var cpuPercent: Int
    /// Wall-time limit of one script run in seconds; above it the worker is killed.
    /// ADX bounds a sandboxed call by the query timeout, 4 minutes by default.
    public var timeoutSeconds: Int
    /// How many workers of this sandbox may run at once (warm ones included).
    /// ADX: `TargetCountPerNode`, between 1 and twice the processor count, default 16.
    public var poolSize: Int
    /// Whether the supervisor starts this sandbox's warm worker when it starts rather than on first use.
    /// ADX: `InitializeOnStartup`, default false.
    public var initializeOnStartup: Bool

    enum CodingKeys: String, CodingKey {
        case memoryMB = "memory_mb", cpuPercent = "cpu_percent", timeoutSeconds = "timeout_seconds",
            poolSize = "pool_size", initializeOnStartup = "initialize_on_startup"
    }

    /// Makes a policy; values are checked by `validate()`, not here, so a caller can report every bad field.
    public init(
        memoryMB: Int = SandboxPolicy.default.memoryMB, cpuPercent: Int = SandboxPolicy.default.cpuPercent,
        timeoutSeconds: Int = SandboxPolicy.default.timeoutSeconds, poolSize: Int = SandboxPolicy.default.poolSize,
        initializeOnStartup: Bool = false
    ) {
        self.memoryMB = memoryMB; self.cpuPercent = cpuPercent; self.timeoutSeconds = timeoutSeconds
        self.poolSize = poolSize; self.initializeOnStartup = initializeOnStartup
    }

    /// ADX's implicit policy: 20 GiB, 50 % CPU, 16 sandboxes, lazy start; 240 s is ADX's default query timeout.
    public static let `default` = SandboxPolicy(
        memoryMB: 20480, cpuPercent: 50, timeoutSeconds: 240, poolSize: 16,
        initializeOnStartup: false)

    /// The policy a spec without `[policy]` gets, and the base a partial `[policy]` changes: ADX's CPU
    /// share and time limit, with memory and pool size scaled to this machine (``scaled(physicalMemoryBytes:cores:)``)
    /// instead of ADX's server defaults (20 GiB per worker, 16 workers), which a laptop cannot honour.
    public static var forThisMachine: SandboxPolicy {
        scaled(
            physicalMemoryBytes: ProcessInfo.processInfo.physicalMemory,
            cores: ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The machine-scaled defaults: one worker's memory ceiling is a quarter of physical memory (the share the
    /// engine gives one operator), between ``memoryRange``'s 200 MiB and ADX's 20480 MiB; the pool has one
    /// worker per core, between 1 and ADX's 16. CPU share (50 %), time limit (240 s) and lazy start are ADX's.
    public static func scaled(physicalMemoryBytes: UInt64, cores: Int) -> SandboxPolicy {
        let quarterMiB = Int(min(physicalMemoryBytes / 4 / (1 << 20), UInt64(Int.max)))
        var policy = SandboxPolicy.default
        policy.memoryMB = min(Self.default.memoryMB, max(Self.memoryRange.lowerBound, quarterMiB))
        policy.poolSize = min(Self.default.poolSize, max(1, cores))
        return policy
    }

    /// ADX's allowed memory range in MiB.
    public static let memoryRange = 200...65536
    /// ADX's allowed CPU-rate range in percent.
    public static let cpuRange = 1...100
    /// Wall-time limits accepted, in seconds (one hour at most, ADX's longest query timeout).
    public static let timeoutRange = 1...3600
    /// Pool sizes accepted; ADX allows up to twice the processor count, checked against this host at run time.
    public static let poolRange = 1...256

    /// Checks every field against its range and names the first one that is out of it.
    public func validate() throws(SandboxError) {
        func check(_ value: Int, _ range: ClosedRange<Int>, _ field: String) throws(SandboxError) {
            guard range.contains(value) else {
                throw SandboxError(
                    .policy, "\(field) = \(value) is outside \(range.lowerBound)...\(range.upperBound)",
                    hint: "pick a value in the range ADX's sandbox policy allows")
            }
        }
        try check(memoryMB, Self.memoryRange, "memory-mb")
        try check(cpuPercent, Self.cpuRange, "cpu-percent")
        try check(timeoutSeconds, Self.timeoutRange, "timeout")
        try check(poolSize, Self.poolRange, "pool-size")
    }
}
