import Foundation
import KQLEngine

/// Runs the engine's work off the event loop: each request's query (and the serialization of its answer)
/// runs on a thread of its own, at most `limit` at once; the rest wait their turn without holding a thread.
/// The engine blocks its thread while it works (parsing and execution run on `DeepStack`'s thread, a
/// python() call waits for its worker), which must never happen on a SwiftNIO event loop or in Swift's
/// cooperative pool — nor on Dispatch's global queues (an `OperationQueue`'s threads): on Linux those run
/// only as many blocking items at once as there are cores, so a few waiting python() calls, or any other
/// code of the process that blocks there, would stall every other request behind them.
///
/// When the awaiting task is cancelled, or the caller's `onCancel` fires (the client disconnected), the
/// request's `QueryCancellation` is flipped: a query still waiting fails at its first check, a running one
/// at its next deadline check, and a python() script it waits for is stopped.
final class QueryPool: Sendable {
    private let slots: QuerySlots

    init(limit: Int) { slots = QuerySlots(max(1, limit)) }

    /// Runs `work` on a thread of its own once a slot is free and returns its result; cancellation of the
    /// calling task cancels it, and so does whatever `onCancel` is given to call (the connection closing).
    func run<T: Sendable>(
        onCancel: (@escaping @Sendable () -> Void) -> Void = { _ in },
        _ work: @escaping @Sendable (QueryCancellation) -> T
    ) async -> T {
        let cancellation = QueryCancellation()
        onCancel { cancellation.cancel() }
        return await withTaskCancellationHandler {
            await slots.acquire()
            let result = await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
                Thread.detachNewThread { continuation.resume(returning: work(cancellation)) }
            }
            await slots.release()
            return result
        } onCancel: {
            cancellation.cancel()
        }
    }
}

/// At most `free` holders at once; the others wait, in order, as suspended tasks rather than blocked threads.
private actor QuerySlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) { free = count }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the slot to the longest waiter, or frees it.
    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
