/// Creates, reads, kills and removes per-query cgroups (the supervisor side of step 2).
///
/// Query cgroups are created beneath the supervisor's own cgroup in each hierarchy, so whatever
/// limits the supervisor runs under also bound its queries. Where no cgroup can be created
/// (`detect()` fails), the supervisor falls back to `RSSWatchdog`.
public struct CgroupController: Sendable, Hashable {
    /// The hierarchy in use.
    public let version: CgroupVersion
    /// Directory per controller under which query cgroups are created (for v2, one shared directory).
    public let parents: [String: String]

    /// Creates a controller over known parent directories (`detect()` finds them).
    public init(version: CgroupVersion, parents: [String: String]) {
        self.version = version; self.parents = parents
    }

    /// The controllers a query cgroup needs (`cpu` is optional).
    public static let requiredControllers = ["memory", "pids"]
}

/// One query's cgroup: its directories, limits, and what it counted.
public struct QueryCgroup: Sendable, Hashable {
    /// The hierarchy.
    public let version: CgroupVersion
    /// The cgroup directory per controller (v2: the same directory under the key "unified").
    public let directories: [String: String]
    /// The limits written when it was created.
    public let limits: CgroupLimits

    /// Creates a handle on existing directories.
    public init(version: CgroupVersion, directories: [String: String], limits: CgroupLimits) {
        self.version = version; self.directories = directories; self.limits = limits
    }

    /// The `cgroup.procs` files the child writes itself into (`ConfinementPlan.cgroupProcsFiles`).
    public var procsFiles: [String] {
        Set(directories.values).sorted().map { $0 + "/cgroup.procs" }
    }
}
