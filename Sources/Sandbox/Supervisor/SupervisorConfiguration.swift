import Foundation

/// How a `Supervisor` confines and schedules queries.
public struct SupervisorConfiguration: Sendable {
    /// Run scripts even where the kernel lacks a layer `python()` requires (namespaces, seccomp, root
    /// to drop privileges). The CLI exposes it as `--unsafe-no-sandbox`; every result then reports
    /// `ScriptOutput.unconfinedLayers` so the plugin can say so in its output header.
    public var allowUnconfined: Bool
    /// How long a query waits for a free worker slot of its sandbox before `E_SANDBOX_THROTTLED`.
    public var throttleWaitMilliseconds: Int
    /// Create a cgroup per query (memory ceiling, pids, CPU quota); false uses the RSS watchdog
    /// (tests of the fallback; the supervisor also falls back by itself where no cgroup can be created).
    public var useCgroups: Bool
    /// The kernel's layers; nil measures this machine once (`KernelProbe.current()`).
    public var probe: KernelProbe?
    /// Most processes and threads one query may have at once (a fork or thread bomb meets EAGAIN).
    public var maxProcessesPerQuery: Int
    /// Size of the query's `/tmp` (a tmpfs, counted in its memory) and the largest file it may write.
    public var scratchBytes: UInt64
    /// Keep one spare child per sandbox forked and confined ahead of its query, so a call only hands
    /// it the request (false forks and confines a child per call; tests of that path).
    public var spareChildren: Bool
    /// How long a call waits for the spare child the previous call began to prepare (its cgroup and
    /// the zygote's fork) before it forks a child of its own. Calls back to back otherwise confine two
    /// children at once on the same cores.
    public var spareWaitMilliseconds: Int

    /// Confined, 30 s throttle wait, cgroups where possible.
    public init(
        allowUnconfined: Bool = false, throttleWaitMilliseconds: Int = 30_000, useCgroups: Bool = true,
        probe: KernelProbe? = nil, maxProcessesPerQuery: Int = 128, scratchBytes: UInt64 = 64 << 20,
        spareChildren: Bool = true, spareWaitMilliseconds: Int = 1000
    ) {
        self.allowUnconfined = allowUnconfined; self.throttleWaitMilliseconds = throttleWaitMilliseconds
        self.useCgroups = useCgroups; self.probe = probe; self.maxProcessesPerQuery = maxProcessesPerQuery
        self.scratchBytes = scratchBytes; self.spareChildren = spareChildren
        self.spareWaitMilliseconds = spareWaitMilliseconds
    }
}

/// The sandbox a run belongs to: its name, environment and policy (from `SandboxRegistry.resolve`).
public struct SandboxSettings: Sendable, Hashable {
    /// The registered name (for messages: `sandpiper sandbox policy NAME ...`).
    public var name: String
    /// The unpacked environment directory (bound read-only into the child's view).
    public var environment: String
    /// Its `site-packages` directories.
    public var sitePackages: [String]
    /// Memory ceiling, CPU share, wall time, pool size, eager start.
    public var policy: SandboxPolicy

    /// Settings from their parts.
    public init(name: String, environment: String, sitePackages: [String], policy: SandboxPolicy) {
        self.name = name; self.environment = environment; self.sitePackages = sitePackages; self.policy = policy
    }

    /// The settings of a resolved sandbox.
    public init(_ resolved: ResolvedSandbox) {
        self.init(
            name: resolved.name, environment: resolved.environmentPath.path,
            sitePackages: [resolved.sitePackages.path], policy: resolved.policy)
    }

    /// Settings for a bare list of site-packages directories (callers that predate policies): the
    /// environment is the folder holding the first one, the policy ADX's default.
    static func inferred(sitePackages: [String]) -> SandboxSettings {
        let first = sitePackages.first ?? "/nonexistent"
        let url = URL(fileURLWithPath: first)
        let environment = url.lastPathComponent == "site-packages" ? url.deletingLastPathComponent().path : first
        return SandboxSettings(
            name: url.deletingLastPathComponent().lastPathComponent, environment: environment,
            sitePackages: sitePackages, policy: .default)
    }

    /// Worker threads for BLAS/OpenMP: the policy's share of the cores, at least two (so a script can
    /// use `n_jobs=2`), at most the cores there are.
    var threads: Int {
        let cores = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        let share = (cores * policy.cpuPercent + 99) / 100
        return min(max(share, 2), max(cores, 2))
    }

    /// The policy's CPU share as a cgroup quota in percent of one core.
    var cgroupCPUPercent: Int {
        max(ProcessInfo.processInfo.activeProcessorCount, 1) * policy.cpuPercent
    }
}
