import Foundation

/// Compiled patterns by text and flags, shared by every query: a constant pattern compiles once, and a
/// pattern that differs per row compiles once per distinct text while it stays in the cache.
///
/// Bounded, because each RE2 object may hold up to its memory budget (8 MiB) of lazily built DFA
/// states: past `capacity` entries the oldest is dropped (a query still using it keeps its reference).
final class RegexCache: @unchecked Sendable {
    private struct Key: Hashable {
        var pattern: String
        var flags: RegexFlags
    }
    // Guarded by `lock`; the class is Sendable because every access takes it.
    private var entries: [Key: CompiledRegex] = [:]
    private var order: [Key] = []
    private var oldest = 0
    private let lock = NSLock()
    let capacity: Int

    static let shared = RegexCache(capacity: 64)

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The compiled `pattern`, compiling it on first use.
    func regex(_ pattern: String, flags: RegexFlags = []) throws(RegexCompileError) -> CompiledRegex {
        let key = Key(pattern: pattern, flags: flags)
        if let r = lock.withLock({ entries[key] }) { return r }
        // Compiled outside the lock: two threads may both compile a new pattern; one result is kept.
        let r = try CompiledRegex(pattern, flags: flags)
        return lock.withLock {
            if let existing = entries[key] { return existing }
            if order.count < capacity {
                order.append(key)
            } else {
                // `order` is a ring: the slot of the oldest entry takes the new one.
                entries[order[oldest]] = nil
                order[oldest] = key
                oldest = (oldest + 1) % capacity
            }
            entries[key] = r
            return r
        }
    }

    /// The compiled pattern for function argument `argument`, or its compile error pointing at it.
    func regex(_ pattern: String, flags: RegexFlags = [], argument: Int) throws(FunctionError) -> CompiledRegex {
        do { return try regex(pattern, flags: flags) } catch { throw error.functionError(argument: argument) }
    }

    /// How many patterns the cache holds.
    var count: Int { lock.withLock { entries.count } }
}
