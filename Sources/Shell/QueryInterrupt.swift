import Columnar
import Foundation
import KQLEngine
import KQLSyntax
import Sandbox
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C for the query running now, in the shell and in `sandpiper query`: the query's cancellation
/// switch is flipped (the engine stops at its next block boundary) and the sandbox's running children are
/// stopped (their workers stay warm), and `E_CANCELLED` is reported within `grace` of the signal, even
/// when the engine is inside one long step: the query is then left to stop on its own, its result unused.
public final class QueryInterrupt: Sendable {
    /// Whether the process goes on after a cancelled query (the shell) or ends with the signal (`query`).
    public enum Mode: Sendable { case keepRunning, endProcess }

    private let mode: Mode
    private let running = Mutex<QueryCancellation?>(nil)
    /// How long after the signal the query has to report its own `E_CANCELLED` before it is left behind.
    let graceMilliseconds: Int

    init(mode: Mode, graceMilliseconds: Int) { self.mode = mode; self.graceMilliseconds = graceMilliseconds }

    /// Installs the handler of SIGINT (and, for `endProcess`, SIGTERM) that cancels the query `run` is
    /// running. Call after `Supervisor.installSignalHandlers()`; the last one installed handles the signals.
    public static func install(_ mode: Mode, graceMilliseconds: Int = 300) -> QueryInterrupt {
        let interrupt = QueryInterrupt(mode: mode, graceMilliseconds: graceMilliseconds)
        Supervisor.setInterruptHandler { signal in interrupt.handle(signal) }
        return interrupt
    }

    /// True when the signal was dealt with here (the process goes on, or ends once the query reported).
    private func handle(_ signal: Int32) -> Bool {
        let query = running.withLock { $0 }
        switch mode {
        case .keepRunning:
            // SIGTERM still ends the shell; Ctrl-C at the prompt does nothing.
            guard signal == SIGINT else { return false }
            if let query {
                query.cancel()
                Supervisor.cancelRunningQueries(signal: signal)
            }
            return true
        case .endProcess:
            guard let query else { return false }
            query.cancel()
            Supervisor.cancelRunningQueries(signal: signal)
            // The command reports E_CANCELLED and ends with the signal; should nothing get there, end here.
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) { Supervisor.endIfStopped() }
            return true
        }
    }

    /// The signal's name in messages.
    static func describe(_ signal: Int32) -> String { signal == SIGTERM ? "SIGTERM" : "Ctrl-C (SIGINT)" }

    /// Runs `body` with a fresh cancellation switch that Ctrl-C flips. `body` runs on a thread of its own
    /// so the caller can report `E_CANCELLED` on time whatever the engine is doing.
    public func run<T: Sendable>(_ body: @escaping @Sendable (QueryCancellation) throws(KQLError) -> T)
        throws(KQLError) -> T
    {
        let cancellation = QueryCancellation(
            reason: "stopped by Ctrl-C",
            hint: "nothing to fix; run it again, or make it cheaper (filter early, summarize before joining)")
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        running.withLock { $0 = cancellation }
        defer {
            running.withLock { $0 = nil }
            if mode == .keepRunning { Supervisor.clearCancellation() }
        }
        Thread.detachNewThread {
            let result = Result { () throws(KQLError) -> T in try body(cancellation) }
            outcome.value.withLock { $0 = result }
            done.signal()
        }
        // Wait for the query, looking every 50 ms whether Ctrl-C was pressed.
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            guard cancellation.isCancelled else { continue }
            if done.wait(timeout: .now() + .milliseconds(graceMilliseconds)) == .timedOut {
                throw KQLError(
                    .cancelled, "the query was cancelled: \(cancellation.reason)", hint: cancellation.hint)
            }
            break
        }
        return try outcome.value.withLock { $0! }.get()
    }
}

/// Where the query's thread leaves its result for the waiting caller.
private final class Outcome<T: Sendable>: Sendable {
    let value = Mutex<Result<T, KQLError>?>(nil)
}
