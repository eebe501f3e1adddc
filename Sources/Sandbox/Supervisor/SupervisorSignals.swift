import Foundation
import Synchronization
import SystemCalls

/// Every live supervisor of the process, so a signal can stop all their queries and workers.
enum SupervisorRegistry {
    private final class Weak: @unchecked Sendable { weak var value: Supervisor?; init(_ v: Supervisor) { value = v } }
    private static let all = Mutex<[Weak]>([])

    static func add(_ supervisor: Supervisor) {
        all.withLock { list in
            list.removeAll { $0.value == nil }
            list.append(Weak(supervisor))
        }
    }

    static var live: [Supervisor] { all.withLock { $0.compactMap(\.value) } }
}

extension Supervisor {
    /// The signal that stopped this process's queries (0: none), so a query that sees its child
    /// killed says why (`E_CANCELLED`) instead of reporting a crash.
    static let stoppingSignal = Atomic<Int32>(0)

    /// Stops every running query child (its whole tree, its cgroup removed) and every worker of every
    /// supervisor in this process. Queries in flight fail at once: with `E_CANCELLED` when `signal`
    /// is given, else with `E_SANDBOX_CRASH`.
    public static func shutdownAll(signal: Int32 = 0) {
        if signal != 0 { stoppingSignal.store(signal, ordering: .sequentiallyConsistent) }
        for supervisor in SupervisorRegistry.live { supervisor.shutdown() }
    }

    /// When a signal stopped this process's queries, ends the process with that signal (the status a
    /// shell expects of Ctrl-C); call after reporting the query's error. Otherwise returns.
    public static func endIfStopped() {
        let number = stoppingSignal.load(ordering: .sequentiallyConsistent)
        guard number != 0 else { return }
        Processes.end(bySignal: number)
    }

    /// `E_CANCELLED` when a signal stopped the process's queries, else nil.
    static func cancellation() -> SupervisorError? {
        let number = stoppingSignal.load(ordering: .sequentiallyConsistent)
        guard number != 0 else { return nil }
        let name = number == SIGINT ? "SIGINT (Ctrl-C)" : SignalName.describe(number)
        return SupervisorError(
            .cancelled(signal: number),
            "the query was stopped by \(name); the python script and every process it started were stopped too")
    }

    private static let interruptHandler = Mutex<(@Sendable (Int32) -> Bool)?>(nil)

    /// Lets a program handle the signals of `installSignalHandlers()` first: `handler` gets the signal's
    /// number and returns true when it dealt with it (an interactive shell cancels its running query and
    /// goes on), false for the default (stop every query and end the process). Nil restores the default.
    public static func setInterruptHandler(_ handler: (@Sendable (Int32) -> Bool)?) {
        interruptHandler.withLock { $0 = handler }
    }

    /// Stops the running `python()` children of every supervisor of the process (each one's whole tree,
    /// its cgroup removed), keeping the warm workers: the queries waiting for them fail with
    /// `E_CANCELLED` naming `signal`. `clearCancellation()` lets the next queries run.
    public static func cancelRunningQueries(signal: Int32) {
        stoppingSignal.store(signal, ordering: .sequentiallyConsistent)
        for supervisor in SupervisorRegistry.live { supervisor.cancelRunningQueries() }
    }

    /// Forgets the signal `cancelRunningQueries` recorded, once the cancelled query has reported it.
    public static func clearCancellation() { stoppingSignal.store(0, ordering: .sequentiallyConsistent) }

    /// For the CLI: on SIGINT or SIGTERM, run `shutdownAll()` and then end the process with the
    /// signal's conventional status (the default action re-raised), so Ctrl-C stops a running
    /// `python()` child at once and leaves nothing behind. With a query in flight, that query
    /// first fails with `E_CANCELLED` for the CLI to report, and `endIfStopped()` ends the process. Call once, early in `main`; the handlers
    /// live for the rest of the process. Returns the installed sources (keep them alive).
    @discardableResult
    public static func installSignalHandlers(_ signals: [Int32] = [SIGINT, SIGTERM]) -> [any DispatchSourceSignal] {
        signals.map { number in
            Processes.setDisposition(number, .ignore)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global(qos: .userInitiated))
            source.setEventHandler {
                // An interactive program takes the signal itself when it says so (the shell cancels its query).
                if let handler = interruptHandler.withLock({ $0 }), handler(number) { return }
                let busy = SupervisorRegistry.live.contains { !$0.runningQueryPids.isEmpty }
                shutdownAll(signal: number)
                let end: @Sendable () -> Void = { endIfStopped() }
                // A query in flight reports E_CANCELLED first and the CLI then ends with the signal
                // (`endIfStopped`); should nothing get there, the process ends here a moment later.
                if busy { DispatchQueue.global().asyncAfter(deadline: .now() + 2, execute: end) } else { end() }
            }
            source.resume()
            SignalSources.keep(source)
            return source
        }
    }

}

/// Keeps the installed signal sources alive for the life of the process.
private final class SignalSources: @unchecked Sendable {
    private static let shared = SignalSources()
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []

    static func keep(_ source: any DispatchSourceSignal) {
        shared.lock.lock()
        shared.sources.append(source)
        shared.lock.unlock()
    }
}
