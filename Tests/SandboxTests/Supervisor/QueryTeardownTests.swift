import Testing
@testable import Sandbox

/// A query's processes and resources that record what a teardown does to them instead of doing it.
final class RecordingQueryTree: QueryTeardownTarget {
    enum Event: Equatable {
        case killDescendants, awaitRoot(Int), killRoot, killCgroup, confirmGone(Int), removeCgroup, awaitWatchdog
        case reclaimRegions(allGone: Bool), closeChannel, releaseSlot
    }
    var events: [Event] = []
    /// What `confirmGone` answers: false plays a process stuck in the kernel past the wait.
    var processesDie = true

    func killDescendants() { events.append(.killDescendants) }
    func awaitRoot(milliseconds: Int) { events.append(.awaitRoot(milliseconds)) }
    func killRoot() { events.append(.killRoot) }
    func killCgroup() { events.append(.killCgroup) }
    func confirmGone(milliseconds: Int) -> Bool { events.append(.confirmGone(milliseconds)); return processesDie }
    func removeCgroup() { events.append(.removeCgroup) }
    func awaitWatchdog() { events.append(.awaitWatchdog) }
    func reclaimRegions(allGone: Bool) { events.append(.reclaimRegions(allGone: allGone)) }
    func closeChannel() { events.append(.closeChannel) }
    func releaseSlot() { events.append(.releaseSlot) }
}

@Suite("Query teardown order")
struct QueryTeardownTests {
    /// The processes' part of every teardown: descendants first, so the root (the pid namespace's
    /// waiter) can reap the namespace's init and exit by itself before it is killed too.
    static let killTree: [RecordingQueryTree.Event] = [
        .killDescendants, .awaitRoot(200), .killRoot, .killCgroup, .confirmGone(5_000),
    ]

    @Test("a query: its tree dies, then its cgroup and watchdog go, then regions, socket and pool slot, the slot last")
    func queryOrder() {
        let tree = RecordingQueryTree()
        #expect(QueryTeardown.query.run(on: tree))
        #expect(
            tree.events == Self.killTree + [
                .removeCgroup, .awaitWatchdog, .reclaimRegions(allGone: true), .closeChannel, .releaseSlot,
            ])
    }

    @Test(
        "regions of a query whose processes may still live are never reclaimed as clean, and the slot still comes back")
    func stuckProcesses() {
        let tree = RecordingQueryTree()
        tree.processesDie = false
        #expect(!QueryTeardown.query.run(on: tree))
        #expect(tree.events.contains(.reclaimRegions(allGone: false)))
        #expect(!tree.events.contains(.reclaimRegions(allGone: true)))
        #expect(tree.events.last == .releaseSlot)
    }

    @Test("killing the tree before a result is read touches nothing but processes")
    func killTreeOnly() {
        let tree = RecordingQueryTree()
        #expect(QueryTeardown.killTree.run(on: tree))
        #expect(tree.events == Self.killTree)
    }

    @Test("a spare child: its tree, cgroup and watchdog, then its socket; it has no regions or slot")
    func spareOrder() {
        let tree = RecordingQueryTree()
        QueryTeardown.spare.run(on: tree)
        #expect(tree.events == Self.killTree + [.removeCgroup, .awaitWatchdog, .closeChannel])
    }

    @Test("a guard alone: its tree, then its cgroup and watchdog")
    func guardOrder() {
        let tree = RecordingQueryTree()
        QueryTeardown.processes.run(on: tree)
        #expect(tree.events == Self.killTree + [.removeCgroup, .awaitWatchdog])
    }

    @Test("without a confirmGone step nothing counts as gone")
    func noConfirmation() {
        let tree = RecordingQueryTree()
        #expect(!QueryTeardown([.killRoot, .reclaimRegions]).run(on: tree))
        #expect(tree.events == [.killRoot, .reclaimRegions(allGone: false)])
    }
}
