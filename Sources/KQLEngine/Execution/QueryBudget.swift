import Columnar
import KQLSyntax
import SystemCalls
import Synchronization

/// The memory and time one statement may use: every operator that grows memory charges its account
/// here before it allocates (when the size is known in advance) and the executor settles each
/// operator's account against the output it produced, so a query that would exhaust memory fails
/// with `E_QUERY_MEMORY` naming the operator instead of aborting the process.
///
/// Accounts follow ADX's `maxmemoryconsumptionperiterator`: each operator run has its own account,
/// and one account may not pass the budget. Nested runs (a `union` leg, the right side of a `join`, an
/// `mv-apply` body) open nested accounts. The deadline (`servertimeout`) is checked at every charge and
/// at operator boundaries, so a long operator stops within one batch of rows.
public final class QueryBudget: Sendable {
    /// Bytes one operator (or one function value) may allocate.
    public let maxMemoryPerOperator: Int
    /// The statement's time limit and when it ends.
    public let timeoutNanoseconds: Int64
    /// The `MonotonicClock` reading at which the time is up.
    let deadline: UInt64
    /// Checked with the deadline: a server's request whose client went away stops there.
    let cancellation: QueryCancellation?
    private let accounts: Mutex<[Account]>

    struct Account {
        var name: String
        var charged: Int
    }

    /// A budget whose time runs from `startNanoseconds`, a `MonotonicClock` reading (the request's start,
    /// so later statements get what is left); from now when nil.
    public init(
        maxMemoryPerOperator: Int, timeoutNanoseconds: Int64, startNanoseconds: UInt64? = nil,
        cancellation: QueryCancellation? = nil
    ) {
        self.maxMemoryPerOperator = maxMemoryPerOperator
        self.timeoutNanoseconds = timeoutNanoseconds
        self.cancellation = cancellation
        let start = startNanoseconds ?? MonotonicClock.nanoseconds()
        let (end, overflow) = start.addingReportingOverflow(UInt64(max(0, timeoutNanoseconds)))
        self.deadline = overflow ? .max : end
        self.accounts = Mutex([Account(name: "query", charged: 0)])
    }

    /// A budget with the default limits (for functions evaluated outside a query, as in unit tests).
    public static var unlimited: QueryBudget { QueryBudget(maxMemoryPerOperator: .max, timeoutNanoseconds: .max / 2) }

    /// True once the request was cancelled (its client went away): a plugin that waits on something
    /// outside the engine (a python() script) asks this to stop waiting.
    public var isCancelled: Bool { cancellation?.isCancelled ?? false }

    /// The nanoseconds left before the deadline (zero once it passed).
    public var remainingNanoseconds: Int64 {
        let now = MonotonicClock.nanoseconds()
        return now >= deadline ? 0 : Int64(clamping: deadline - now)
    }

    // MARK: Accounts

    /// Opens the account of an operator run named `name` (`join`, `mv-expand`, ...).
    func enter(_ name: String) {
        accounts.withLock { $0.append(Account(name: name, charged: 0)) }
    }

    /// Closes the current account. `outputBytes` is what the operator's output holds that its input did
    /// not; when that is more than the operator charged in advance, the difference is charged first, so
    /// an operator that charged nothing is still held to the budget by what it produced.
    func exit(settling outputBytes: Int) throws(KQLError) {
        let (account, over) = accounts.withLock { (stack) -> (Account, Bool) in
            let a = stack.count > 1 ? stack.removeLast() : stack[0]
            return (a, max(a.charged, outputBytes) > maxMemoryPerOperator)
        }
        if over {
            throw memoryError(
                "operator '\(account.name)' needs about \(Self.describe(bytes: max(account.charged, outputBytes)))")
        }
    }

    /// Closes the current account after an error (nothing is settled).
    func abandon() {
        accounts.withLock { if $0.count > 1 { $0.removeLast() } }
    }

    // MARK: Charges

    /// Charges `bytes` to the current operator's account; fails when the account passes the budget or the
    /// deadline has passed. `operatorName` names the allocation in the error when it is not the operator
    /// whose account is open (a plugin's result, say).
    public func charge(_ bytes: Int, for operatorName: String? = nil) throws(KQLError) {
        try charge(bytes, subject: nil, operatorName: operatorName)
    }

    /// `charge`, with the error's subject written out ("this call") when a part of the operator asks.
    private func charge(_ bytes: Int, subject: String?, operatorName: String? = nil) throws(KQLError) {
        try checkDeadline()
        let (account, total) = accounts.withLock { (stack) -> (Account, Int) in
            let i = stack.count - 1
            stack[i].charged = MemorySize.sum(stack[i].charged, max(bytes, 0))
            return (stack[i], stack[i].charged)
        }
        guard total > maxMemoryPerOperator else { return }
        let name = operatorName ?? account.name
        guard let subject else { throw memoryError("operator '\(name)' needs about \(Self.describe(bytes: total))") }
        // The account may hold more than this charge: say whose memory it would take past the budget.
        let holder = account.name == "query" ? "the query's constants" : "operator '\(name)'"
        throw memoryError("\(subject) would take \(holder) to about \(Self.describe(bytes: total))")
    }

    /// Charges `count` items of `bytesEach` (overflow counts as too much).
    public func charge(count: Int, bytesEach: Int, for what: String? = nil) throws(KQLError) {
        let (bytes, overflow) = max(count, 0).multipliedReportingOverflow(by: max(bytesEach, 0))
        try charge(overflow ? .max : bytes, for: what)
    }

    /// Charges the bytes `tables` hold (a plugin's results as they enter the engine).
    public func charge(_ tables: [Table], for what: String? = nil) throws(KQLError) {
        try charge(tables.reduce(0) { MemorySize.sum($0, MemorySize.of($1)) }, for: what)
    }

    /// For a scalar function: charges the value or column it is about to build; the error is a
    /// `FunctionError` (the evaluator adds the function's name and the call's position).
    public func chargeValue(_ bytes: Int, for subject: String = "this call") throws(FunctionError) {
        do { try charge(bytes, subject: subject) } catch {
            throw FunctionError(error.code, error.message, hint: error.hint)
        }
    }

    /// Rows (or steps) a long loop runs between two `checkDeadline()` calls. A check reads the clock and
    /// one atomic, tens of nanoseconds: next to 65,536 rows of work that is nothing, and even slow rows
    /// (a regex, a string per row in a debug build) come back to it well within the half second a
    /// cancelled query has to stop.
    static let rowsPerCheck = 65_536

    /// `checkDeadline()` once every `rowsPerCheck` calls, counted in `counter`: for loops whose steps
    /// are not rows of a block.
    @inline(__always)
    func checkDeadline(every counter: inout Int) throws(KQLError) {
        counter &+= 1
        if counter & (Self.rowsPerCheck - 1) == 0 { try checkDeadline() }
    }

    /// `checkDeadline(every:)` inside a function: the error is a `FunctionError` of the same code and
    /// message (the evaluator passes cancellation and timeouts on as they are).
    @inline(__always)
    func checkDeadlineInFunction(every counter: inout Int) throws(FunctionError) {
        counter &+= 1
        guard counter & (Self.rowsPerCheck - 1) == 0 else { return }
        do { try checkDeadline() } catch { throw FunctionError(error.code, error.message, hint: error.hint) }
    }

    /// Fails with `E_QUERY_TIMEOUT` once the deadline has passed, and with `E_CANCELLED` once the
    /// request was cancelled.
    public func checkDeadline() throws(KQLError) {
        try cancellation?.check()
        guard MonotonicClock.nanoseconds() >= deadline else { return }
        throw KQLError(
            .queryTimeout,
            "the query ran longer than its time limit of \(TimespanFormat.string(timeoutNanoseconds)) (servertimeout)",
            hint: "make it cheaper (filter early, summarize before joining), or raise the limit with "
                + "`set servertimeout = 30m;` or `sandpiper query --timeout 30m`")
    }

    private func memoryError(_ what: String) -> KQLError {
        KQLError(
            .queryMemory,
            "\(what), more than the memory budget of \(Self.describe(bytes: maxMemoryPerOperator)) per operator "
                + "(maxmemoryconsumptionperiterator)",
            hint: "reduce its input first (where, project, summarize, take), or raise the budget with "
                + "`set maxmemoryconsumptionperiterator = N;` (bytes) or `sandpiper query --max-memory SIZE`")
    }

    /// `1536` as "1.5 KB", `3 << 30` as "3.0 GB" (binary multiples, as ADX writes 64 MB for 2^26 bytes).
    static func describe(bytes: Int) -> String {
        if bytes == .max { return "more than 8 EB" }
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"]
        var value = Double(bytes), unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == 0 { return "\(bytes) bytes" }
        let tenths = (value * 10).rounded() / 10
        return "\(tenths) \(units[unit])"
    }
}
