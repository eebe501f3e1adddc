import Foundation

/// Counts the running query children of each sandbox and makes queries beyond its pool size wait.
///
/// `acquire` waits up to a bound for a slot; the caller turns a refusal into `E_SANDBOX_THROTTLED`.
final class PoolGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var busy: [String: Int] = [:]

    /// Takes a slot of `key` when fewer than `limit` are taken; waits at most `timeoutMilliseconds`
    /// (0: does not wait). Returns false when no slot came free in time.
    func acquire(_ key: String, limit: Int, timeoutMilliseconds: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(Double(max(timeoutMilliseconds, 0)) / 1000)
        while busy[key, default: 0] >= max(limit, 1) {
            if timeoutMilliseconds <= 0 || !condition.wait(until: deadline) {
                if busy[key, default: 0] < max(limit, 1) { break }
                return false
            }
        }
        busy[key, default: 0] += 1
        return true
    }

    /// Gives a slot back and wakes the waiters.
    func release(_ key: String) {
        condition.lock()
        busy[key, default: 1] -= 1
        if busy[key] == 0 { busy[key] = nil }
        condition.broadcast()
        condition.unlock()
    }

    /// Slots taken per sandbox (for diagnostics and tests).
    var snapshot: [String: Int] {
        condition.lock()
        defer { condition.unlock() }
        return busy
    }
}
