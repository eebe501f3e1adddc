import Columnar
import Foundation
import KQLSyntax
import Synchronization
import Testing
@testable import KQLEngine

/// A query cancelled while one long operator runs stops within a fraction of its run with `E_CANCELLED`:
/// the evaluator runs functions a block of rows at a time, the key interner (summarize, distinct, join),
/// sorts, `mv-expand` and `dcount` check the switch as they go. Uncancelled, each query here takes 10 to
/// 80 s in a debug build; it is cancelled 100 ms in and must stop within 3 s.
@Suite(.serialized) struct LongQueryCancellationTests {
    /// `T`: `x` a long in scrambled order, `s` a string per row; built once, outside the timed part, so
    /// the cancellation lands in the operator under test rather than in making its input.
    static let database: InMemoryDatabase = {
        let rows = 4_000_000
        var x = [Int64](repeating: 0, count: rows)
        x.withUnsafeMutableBufferPointer { p in
            for i in 0..<rows { p[i] = Int64((i &* 2_654_435_761) % 1_000_000_007) }
        }
        let s = Column.concat(
            (0..<64).map { block in Column(strings: (0..<(rows / 64)).map { "k\(block * 1_000_003 + $0)" }) },
            type: .string)
        return InMemoryDatabase(tables: [("T", Table([("x", Column(int64s: x)), ("s", s)]))])
    }()

    /// Runs `query` on one thread (whole tables, no morsels), cancels it after 100 ms and returns the
    /// error and the seconds from the cancellation to the end.
    func cancelled(_ query: String) throws -> (error: KQLError?, seconds: Double) {
        let engine = Engine(database: Self.database, now: { 0 }, parallelism: .serial)
        let cancellation = QueryCancellation()
        let cancelledAt = Mutex<UInt64>(0)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(100)) {
            cancelledAt.withLock { $0 = DispatchTime.now().uptimeNanoseconds }
            cancellation.cancel()
        }
        var failure: KQLError?
        do { _ = try engine.execute(query, cancellation: cancellation) } catch { failure = error }
        let end = DispatchTime.now().uptimeNanoseconds
        let start = cancelledAt.withLock { $0 }
        try #require(start > 0, "the query ended before it was cancelled: \(query)")
        return (failure, Double(end - start) / 1e9)
    }

    func expectStops(_ query: String) throws {
        let (error, seconds) = try cancelled(query)
        #expect(error?.code == .cancelled, "\(query): \(String(describing: error))")
        #expect(error?.message.hasPrefix("the query was cancelled") == true)
        #expect(seconds < 3, "\(query) went on for \(seconds) s after it was cancelled")
    }

    @Test func functionsOverManyRowsStop() throws {
        // Evaluated over the whole table (one thread): the evaluator's blocks, not the functions, check.
        try expectStops(
            "T | where strlen(reverse(reverse(reverse(strcat(s, tostring(x), s, tostring(x)))))) < 0 | count")
    }

    @Test func summarizeAndDcountStop() throws {
        try expectStops("T | summarize dcount(strcat(s, s)) by k = x % 1000003")
    }

    @Test func distinctStops() throws {
        try expectStops("T | distinct s, x | count")
    }

    @Test func sortStops() throws {
        try expectStops("T | sort by x | sort by s | take 1")
    }

    @Test func mvExpandStops() throws {
        try expectStops("T | take 400 | extend a = range(1, 100000) | mv-expand a | count")
    }
}
