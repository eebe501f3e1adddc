import Columnar
import KQLSyntax
import Synchronization

/// A request's cancellation switch: a server flips it when the client goes away, the CLI and the shell
/// on Ctrl-C, and the query stops at its next deadline check (between operators and at the block
/// boundaries of long loops, where `servertimeout` is checked) with `E_CANCELLED`.
///
/// A `python()` script that is running is stopped with its processes within a tenth of a second
/// (the plugin hands `QueryBudget.isCancelled` to the sandbox supervisor, which asks it while it waits).
public final class QueryCancellation: Sendable {
    private let cancelled = Atomic<Bool>(false)
    /// Why a cancelled query stopped, for its error message ("the client that sent it went away").
    public let reason: String
    /// What the user may do about it.
    public let hint: String

    public init(
        reason: String = "the client that sent it went away",
        hint: String = "nothing to do unless it was unexpected; a client that disconnects stops its query"
    ) {
        self.reason = reason; self.hint = hint
    }

    /// Asks the query to stop; safe from any thread, any number of times.
    public func cancel() { cancelled.store(true, ordering: .releasing) }

    /// True once `cancel()` was called.
    public var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Fails with `E_CANCELLED` once cancelled.
    func check() throws(KQLError) {
        guard isCancelled else { return }
        throw KQLError(.cancelled, "the query was cancelled: \(reason)", hint: hint)
    }
}
