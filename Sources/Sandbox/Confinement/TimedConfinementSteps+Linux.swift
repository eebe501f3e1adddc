#if canImport(Glibc)
    import SystemCalls

    /// Wall and CPU milliseconds of each confinement step of this process, reported with a query child's
    /// answer (`confine.<step>` and `confine.<step>.cpu` in `ScriptOutput.timings`; `sandpiper bench calls`
    /// prints their medians), so the cost of every layer is measured where it is paid.
    ///
    /// Not `Sendable`: it lives in the single-threaded child being confined (a fork copies it along).
    public final class ConfinementClock {
        /// Milliseconds per step; a step run twice (closing descriptors) adds up.
        public private(set) var milliseconds: [String: Double] = [:]

        /// An empty record.
        public init() {}

        func measure<T>(_ step: String, _ body: () throws(ConfinementError) -> T) throws(ConfinementError) -> T {
            let wall = MonotonicClock.nanoseconds(), cpu = MonotonicClock.processCPUNanoseconds()
            defer {
                let cpuNow = MonotonicClock.processCPUNanoseconds()
                // Entering the pid namespace forks: the new process's CPU clock starts at zero.
                let spent = cpuNow >= cpu ? cpuNow - cpu : cpuNow
                milliseconds["confine." + step, default: 0] += Double(MonotonicClock.nanoseconds() - wall) / 1e6
                milliseconds["confine." + step + ".cpu", default: 0] += Double(spent) / 1e6
            }
            return try body()
        }
    }

    /// `ConfinementSteps` that times each step of `base` into `clock`.
    struct TimedConfinementSteps<Base: ConfinementSteps>: ConfinementSteps {
        let base: Base
        let clock: ConfinementClock

        func closeFileDescriptors(keeping: [Int32]) throws(ConfinementError) {
            try clock.measure("descriptors") { () throws(ConfinementError) in
                try base.closeFileDescriptors(keeping: keeping)
            }
        }
        func startNewSession() throws(ConfinementError) {
            try clock.measure("session") { () throws(ConfinementError) in try base.startNewSession() }
        }
        func setParentDeathSignal() throws(ConfinementError) {
            try clock.measure("deathSignal") { () throws(ConfinementError) in try base.setParentDeathSignal() }
        }
        func joinCgroups(procsFiles: [String]) throws(ConfinementError) {
            try clock.measure("cgroup") { () throws(ConfinementError) in try base.joinCgroups(procsFiles: procsFiles) }
        }
        func setResourceLimits(_ limits: ConfinementPlan.ResourceLimits) throws(ConfinementError) {
            try clock.measure("limits") { () throws(ConfinementError) in try base.setResourceLimits(limits) }
        }
        func unshareNamespaces(_ namespaces: ConfinementPlan.Namespaces) throws(ConfinementError) {
            try clock.measure("unshare") { () throws(ConfinementError) in try base.unshareNamespaces(namespaces) }
        }
        func enterPIDNamespace() throws(ConfinementError) {
            try clock.measure("pidNamespace") { () throws(ConfinementError) in try base.enterPIDNamespace() }
        }
        func setHostName(_ name: String) throws(ConfinementError) {
            try clock.measure("hostName") { () throws(ConfinementError) in try base.setHostName(name) }
        }
        func buildFilesystem(_ view: FilesystemView) throws(ConfinementError) {
            try clock.measure("filesystem") { () throws(ConfinementError) in try base.buildFilesystem(view) }
        }
        func dropIdentity(_ identity: ConfinementPlan.Identity) throws(ConfinementError) {
            try clock.measure("identity") { () throws(ConfinementError) in try base.dropIdentity(identity) }
        }
        func setNoNewPrivileges() throws(ConfinementError) {
            try clock.measure("noNewPrivileges") { () throws(ConfinementError) in try base.setNoNewPrivileges() }
        }
        func restrictWithLandlock(_ policy: LandlockPolicy) throws(ConfinementError) {
            try clock.measure("landlock") { () throws(ConfinementError) in try base.restrictWithLandlock(policy) }
        }
        func threadCount() -> Int { base.threadCount() }
        func installSeccomp(_ policy: SeccompPolicy) throws(ConfinementError) {
            try clock.measure("seccomp") { () throws(ConfinementError) in try base.installSeccomp(policy) }
        }
    }

    extension Confinement {
        /// `apply(_:waiterReport:)`, timing each step into `clock`.
        public static func apply(
            _ plan: ConfinementPlan, waiterReport: @escaping (Int32) -> Void, clock: ConfinementClock
        ) throws(ConfinementError) {
            try apply(
                plan,
                using: TimedConfinementSteps(base: LinuxConfinementSteps(waiterReport: waiterReport), clock: clock))
        }

        /// Does ahead, in the calling process, what `apply(plan)` would otherwise do in every child:
        /// compiles the plan's seccomp program, which children forked afterwards install as it is. The
        /// warm worker calls it before each fork (a no-op once the policy's program is known).
        @discardableResult
        public static func prepare(_ plan: ConfinementPlan) throws(ConfinementError) -> SeccompProgram? {
            guard let seccomp = plan.seccomp else { return nil }
            return try SeccompFilter.program(for: seccomp)
        }
    }
#endif
