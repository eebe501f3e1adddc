import Synchronization
import SystemCalls
import Testing
@testable import Sandbox

/// A process that exists only as data: it ends when a signal it does not survive arrives (or its
/// control socket closes, for a zygote that reads end-of-file), and records what was done to it.
final class RecordingLifecycle: ProcessLifecycle, Sendable {
    enum Event: Equatable { case spawn(String), signal(Int32), closeControl, reaped(afterMilliseconds: Int) }
    private struct State {
        var events: [Event] = []
        var alive = true
        var clock = 0
    }
    private let state = Mutex(State())
    /// Signals the process dies of.
    let diesOf: Set<Int32>
    /// Whether it exits by itself when its control socket closes.
    let exitsOnEOF: Bool

    init(diesOf: Set<Int32> = [9], exitsOnEOF: Bool = false, alive: Bool = true) {
        self.diesOf = diesOf; self.exitsOnEOF = exitsOnEOF
        state.withLock { $0.alive = alive }
    }

    var events: [Event] { state.withLock { $0.events } }
    var elapsedMilliseconds: Int { state.withLock { $0.clock } }

    func spawn(_ executable: String, arguments: [String], environment: [String], control: Int32) throws(SystemCallError)
        -> Int32
    {
        state.withLock { $0.events.append(.spawn(executable)) }
        return 4242
    }

    func signal(_ pid: Int32, _ signal: Int32) {
        state.withLock { s in
            s.events.append(.signal(signal))
            if diesOf.contains(signal) { s.alive = false }
        }
    }

    func reap(_ pid: Int32) -> Bool {
        state.withLock { s in
            guard !s.alive else { return false }
            if !s.events.contains(where: {
                if case .reaped = $0 { return true }; return false
            }) {
                s.events.append(.reaped(afterMilliseconds: s.clock))
            }
            return true
        }
    }

    func pause(milliseconds: Int) { state.withLock { $0.clock += milliseconds } }

    func closeControl() {
        state.withLock { s in
            s.events.append(.closeControl)
            if exitsOnEOF { s.alive = false }
        }
    }
}

@Suite("Process lifecycle and zygote teardown")
struct ProcessLifecycleTests {
    @Test("a zygote that exits on end-of-file is never signalled")
    func exitsOnEOF() {
        let process = RecordingLifecycle(exitsOnEOF: true)
        #expect(Teardown.zygote.run(on: 4242, closeControl: process.closeControl, using: process))
        #expect(process.events == [.closeControl, .reaped(afterMilliseconds: 0)])
    }

    @Test("a zygote that ignores end-of-file gets SIGTERM after 500 ms")
    func terminated() {
        let process = RecordingLifecycle(diesOf: [15, 9])
        #expect(Teardown.zygote.run(on: 4242, closeControl: process.closeControl, using: process))
        #expect(process.events.map(Self.withoutTime) == [.closeControl, .signal(15), .reaped(afterMilliseconds: 0)])
        #expect(process.elapsedMilliseconds >= 500)
    }

    @Test("a zygote that ignores SIGTERM is SIGKILLed after another 500 ms")
    func killed() {
        let process = RecordingLifecycle(diesOf: [9])
        #expect(Teardown.zygote.run(on: 4242, closeControl: process.closeControl, using: process))
        #expect(
            process.events.map(Self.withoutTime) == [
                .closeControl, .signal(15), .signal(9), .reaped(afterMilliseconds: 0),
            ])
        #expect(process.elapsedMilliseconds >= 1_000)
    }

    @Test("a process already gone is not signalled, and its socket is still closed")
    func alreadyGone() {
        let process = RecordingLifecycle(alive: false)
        #expect(Teardown.zygote.run(on: 4242, closeControl: process.closeControl, using: process))
        #expect(process.events.map(Self.withoutTime) == [.reaped(afterMilliseconds: 0), .closeControl])
    }

    @Test("a process that outlives every step is SIGKILLed once more and reported as not gone")
    func unkillable() {
        let process = RecordingLifecycle(diesOf: [])
        #expect(!Teardown.zygote.run(on: 4242, closeControl: process.closeControl, using: process))
        #expect(process.events == [.closeControl, .signal(15), .signal(9), .signal(9)])
    }

    @Test("an overrun is one SIGKILL, then the socket")
    func overrun() {
        let process = RecordingLifecycle(diesOf: [9])
        #expect(Teardown.overrun.run(on: 4242, closeControl: process.closeControl, using: process))
        #expect(process.events.map(Self.withoutTime) == [.signal(9), .reaped(afterMilliseconds: 0), .closeControl])
    }

    private static func withoutTime(_ event: RecordingLifecycle.Event) -> RecordingLifecycle.Event {
        if case .reaped = event { return .reaped(afterMilliseconds: 0) }
        return event
    }
}
