import Foundation
import KQLEngine

/// Runs the engine's work off the event loop: each request's query (and the serialization of its answer)
/// runs on a thread of an `OperationQueue` that runs at most `limit` at once; the rest wait their turn.
/// The engine blocks its thread while it works (parsing and execution run on `DeepStack`'s thread, a
/// python() call waits for its worker), which must never happen on a SwiftNIO event loop or in Swift's
/// cooperative pool.
///
/// When the awaiting task is cancelled, or the caller's `onCancel` fires (the client disconnected), the
/// request's `QueryCancellation` is flipped: a query still waiting fails at its first check, a running one at its next deadline check.
final class QueryPool: Sendable {
    private let queue: OperationQueue

    init(limit: Int) {
        let q = OperationQueue()
        q.name = "sandpiper serve queries"
        q.maxConcurrentOperationCount = max(1, limit)
        q.qualityOfService = .userInitiated
        queue = q
    }

    /// Runs `work` on a pool thread and returns its result; cancellation of the calling task cancels it,
    /// and so does whatever `onCancel` is given to call (the connection closing).
    func run<T: Sendable>(
        onCancel: (@escaping @Sendable () -> Void) -> Void = { _ in },
        _ work: @escaping @Sendable (QueryCancellation) -> T
    ) async -> T {
        let cancellation = QueryCancellation()
        onCancel { cancellation.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
                queue.addOperation { continuation.resume(returning: work(cancellation)) }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }
}
