import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

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
    /// Stops every running query child (its whole tree, its cgroup removed) and every worker of every
    /// supervisor in this process. Queries in flight fail at once with `E_SANDBOX_CRASH`.
    public static func shutdownAll() {
        for supervisor in SupervisorRegistry.live { supervisor.shutdown() }
    }

    /// For the CLI: on SIGINT or SIGTERM, run `shutdownAll()` and then end the process with the
    /// signal's conventional status (the default action re-raised), so Ctrl-C stops a running
    /// `python()` child at once and leaves nothing behind. Call once, early in `main`; the handlers
    /// live for the rest of the process. Returns the installed sources (keep them alive).
    @discardableResult
    public static func installSignalHandlers(_ signals: [Int32] = [SIGINT, SIGTERM]) -> [any DispatchSourceSignal] {
        signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global(qos: .userInitiated))
            source.setEventHandler {
                shutdownAll()
                signal(number, SIG_DFL)
                kill(getpid(), number)
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
