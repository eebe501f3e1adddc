/// How a query's processes and resources are given up, as data: an ordered list of steps.
///
/// The order is what keeps a teardown safe. Nothing of the query may be reused while one of its
/// processes could still write into it: its result region is taken back (cut to what the engine read)
/// only once every process is confirmed gone, and its pool slot is given back last, so the next query
/// never meets anything of this one. Keeping the order a value lets a test check it with a recording
/// target (`QueryTeardownTarget`), as the confinement order is checked through `ConfinementSteps`.
struct QueryTeardown: Sendable, Hashable {
    enum Step: Sendable, Hashable {
        /// SIGKILL every process of the query but its root (the cgroup's members, else the root's
        /// descendants), round after round until none is left.
        case killDescendants
        /// Give the root (the pid namespace's waiter) up to this long to reap the namespace's init and
        /// exit by itself: killed first, it would hand the dying init to the host's init as a zombie.
        case awaitRoot(milliseconds: Int)
        /// SIGKILL the root's process group and the root itself (through its pidfd).
        case killRoot
        /// Kill whatever is left in the cgroup (`cgroup.kill` on v2).
        case killCgroup
        /// Wait up to this long until the root and every member of the cgroup are gone; the steps after
        /// it know whether they are.
        case confirmGone(milliseconds: Int)
        /// Remove the query's cgroup.
        case removeCgroup
        /// Wait for the RSS watchdog (where there is no cgroup) to store its verdict.
        case awaitWatchdog
        /// Take the regions back: the result region is cut to what the engine read when every process
        /// was confirmed gone, and never lent again when one may still live.
        case reclaimRegions
        /// Close the socket the query's answer came on.
        case closeChannel
        /// Give the sandbox's pool slot back.
        case releaseSlot
    }

    var steps: [Step]
    init(_ steps: [Step]) { self.steps = steps }

    /// Stops every process of the query and confirms it gone: before a result is read through its
    /// mapping (a process that could still cut the memfd would make that read a SIGBUS).
    static let killTree = QueryTeardown([
        .killDescendants, .awaitRoot(milliseconds: 200), .killRoot, .killCgroup,
        .confirmGone(milliseconds: 5_000),
    ])
    /// `killTree`, then the cgroup and the watchdog: what a query guard disposes of.
    static let processes = QueryTeardown(killTree.steps + [.removeCgroup, .awaitWatchdog])
    /// A spare child that never ran a query: its processes, then its socket.
    static let spare = QueryTeardown(processes.steps + [.closeChannel])
    /// A query that ran: its processes, then its regions, its socket, and its pool slot last.
    static let query = QueryTeardown(processes.steps + [.reclaimRegions, .closeChannel, .releaseSlot])

    /// Runs every step on `target`, in order; returns whether every process of the query was confirmed
    /// gone (false when no `confirmGone` step ran or it ran out of time).
    @discardableResult
    func run(on target: some QueryTeardownTarget) -> Bool {
        var gone = false
        for step in steps {
            switch step {
            case .killDescendants: target.killDescendants()
            case .awaitRoot(let ms): target.awaitRoot(milliseconds: ms)
            case .killRoot: target.killRoot()
            case .killCgroup: target.killCgroup()
            case .confirmGone(let ms): gone = target.confirmGone(milliseconds: ms)
            case .removeCgroup: target.removeCgroup()
            case .awaitWatchdog: target.awaitWatchdog()
            case .reclaimRegions: target.reclaimRegions(allGone: gone)
            case .closeChannel: target.closeChannel()
            case .releaseSlot: target.releaseSlot()
            }
        }
        return gone
    }
}

/// What a `QueryTeardown` acts on, one method per step: the real thing is `QueryTree` (made of calls of
/// the `SystemCalls` seam); tests pass a recording fake.
protocol QueryTeardownTarget {
    func killDescendants()
    func awaitRoot(milliseconds: Int)
    func killRoot()
    func killCgroup()
    /// Whether the root and every member of the cgroup are gone within `milliseconds`.
    func confirmGone(milliseconds: Int) -> Bool
    func removeCgroup()
    func awaitWatchdog()
    func reclaimRegions(allGone: Bool)
    func closeChannel()
    func releaseSlot()
}
