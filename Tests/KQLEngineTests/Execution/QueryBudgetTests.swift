import Columnar
import KQLSyntax
import SystemCalls
import Testing
@testable import KQLEngine

@Suite struct QueryBudgetTests {
    func budget(_ bytes: Int, timeout: Int64 = 60_000_000_000) -> QueryBudget {
        QueryBudget(maxMemoryPerOperator: bytes, timeoutNanoseconds: timeout)
    }

    @Test func eachOperatorHasItsOwnAccount() throws {
        let b = budget(100)
        b.enter("join")
        try b.charge(60)
        b.enter("range")  // the join's right side runs inside it, with an account of its own
        try b.charge(60)
        try b.exit(settling: 0)
        let error = #expect(throws: KQLError.self) { try b.charge(60) }
        #expect(error?.code == .queryMemory)
        #expect(
            error?.message.hasPrefix("operator 'join' needs about 120 bytes, more than the memory budget of 100 bytes")
                == true)
        b.abandon()
        // The next operator starts from nothing.
        b.enter("sort")
        try b.charge(100)
        try b.exit(settling: 0)
    }

    @Test func exitSettlesWhatTheOutputHolds() throws {
        let b = budget(100)
        b.enter("extend")
        try b.charge(10)
        let error = #expect(throws: KQLError.self) { try b.exit(settling: 101) }
        #expect(error?.message.hasPrefix("operator 'extend' needs about 101 bytes") == true)
        // What was charged in advance and what the output holds are the same memory: the larger counts.
        b.enter("extend")
        try b.charge(90)
        try b.exit(settling: 90)
    }

    @Test func hugeAndOverflowingChargesFail() throws {
        let b = budget(1 << 30)
        b.enter("mv-expand")
        let error = #expect(throws: KQLError.self) { try b.charge(count: Int.max / 2, bytesEach: 16) }
        #expect(error?.message.contains("more than 8 EB") == true)
        b.abandon()
    }

    @Test func aFunctionsChargeNamesWhoseMemoryItTakes() throws {
        let b = budget(100)
        b.enter("summarize")
        let error = #expect(throws: FunctionError.self) { try b.chargeValue(200) }
        #expect(error?.code == .queryMemory)
        #expect(error?.message.hasPrefix("this call would take operator 'summarize' to about 200 bytes") == true)
        #expect(error?.hint?.contains("maxmemoryconsumptionperiterator") == true)
    }

    @Test func theDeadlineIsCheckedWithEveryCharge() throws {
        let b = QueryBudget(
            maxMemoryPerOperator: 1 << 30, timeoutNanoseconds: 1_000_000,
            startNanoseconds: MonotonicClock.nanoseconds() - 1_000_000_000)
        #expect(b.remainingNanoseconds == 0)
        let error = #expect(throws: KQLError.self) { try b.charge(1) }
        #expect(error?.code == .queryTimeout)
        #expect(error?.message == "the query ran longer than its time limit of 00:00:00.0010000 (servertimeout)")
        #expect(budget(1, timeout: 60_000_000_000).remainingNanoseconds > 59_000_000_000)
    }

    @Test func sizesAreWrittenInBinaryUnits() {
        #expect(QueryBudget.describe(bytes: 1000) == "1000 bytes")
        #expect(QueryBudget.describe(bytes: 1536) == "1.5 KB")
        #expect(QueryBudget.describe(bytes: 64 << 20) == "64.0 MB")
        #expect(QueryBudget.describe(bytes: 5 << 30) == "5.0 GB")
    }
}
