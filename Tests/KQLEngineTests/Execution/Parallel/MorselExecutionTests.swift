import Columnar
import Foundation
import Testing

@testable import KQLEngine

/// The morsel path (``QueryParallelism``) gives the same table on one thread and on two, and the same
/// table as whole-table execution wherever the order of additions cannot show (everything but real sums).
@Suite struct MorselExecutionTests {
    static let rows = 10_000

    /// A table with nulls in every column, strings, datetimes and keys of several shapes.
    static let database: InMemoryDatabase = {
        var id: [Int64] = [], key: [Int64] = [], big: [Int64] = [], real: [Double] = [], ts: [Int64] = []
        var valid: [Bool] = [], name: [String?] = []
        for i in 0..<rows {
            id.append(Int64(i))
            key.append(Int64((i * 7919) % 37))
            big.append(Int64(i % 5 == 0 ? Int64.max / 3 : Int64(i) * 1_000_003))
            real.append(Double((i * 31) % 1009) / 8)
            ts.append(1_704_067_200_000_000_000 + Int64(i) * 61_000_000_000)
            valid.append(i % 11 != 0)
            name.append(i % 13 == 0 ? nil : "n\((i * 104729) % 211)")
        }
        let t = Table([
            ("id", Column(int64s: id)), ("key", Column(int64s: key, valid: valid)), ("big", Column(int64s: big)),
            ("real", Column(reals: real, valid: valid)), ("ts", Column(type: .datetime, int64s: ts, valid: valid)),
            ("name", Column(strings: name)),
        ])
        return InMemoryDatabase(tables: [("T", t)])
    }()

    static func run(_ query: String, _ parallelism: QueryParallelism) throws -> [[String]] {
        let engine = Engine(database: database, now: { 0 }, parallelism: parallelism)
        let table = try #require(try engine.execute(query).tables.last?.table)
        return (0..<table.rowCount).map { r in table.row(r).map { "\($0)" } }
            + [table.schema.fields.map { "\($0.name):\($0.type)" }]
    }

    /// Morsels of 256 rows (views into the input) and of 100 rows (copied), from one row on.
    static let one = QueryParallelism(threads: 1, morselRows: 256, minimumRows: 1)
    static let two = QueryParallelism(threads: 2, morselRows: 256, minimumRows: 1)
    static let twoUnaligned = QueryParallelism(threads: 2, morselRows: 100, minimumRows: 1)

    /// Queries whose answer does not depend on how additions are grouped: equal to whole-table execution.
    static let exact = [
        "T | where key > 10 and isnotempty(name) | extend d = id * 2, s = strcat(name, '-', key) | project id, d, s",
        "T | summarize count(), countif(real > 50), sum(id), min(ts), max(real), minif(id, key == 3) by key",
        "T | summarize c = count(), s = sum(key), m = max(name) by name",
        "T | where id % 3 != 0 | summarize count(), sum(id), max(ts) by bin(ts, 1h), key",
        "T | summarize count(), sum(id), min(key)",
        "T | where id < 0 | summarize count(), sum(id)",
        "T | where id < 0 | summarize count() by key",
        "T | summarize sum(big) by key",
        "T | summarize total = sum(big)",
        "T | extend r = rand() | where r >= 0 | summarize count()",
        "T | serialize | extend n = row_number() | where n % 2 == 0 | summarize sum(n) by key",
        "T | summarize s = sum(id), c = count() by key | extend avg = todouble(s) / c",
        "T | where name has 'n1' | summarize count() by name | order by name asc",
    ]

    @Test(arguments: exact)
    func morselsMatchWholeTables(_ query: String) throws {
        let whole = try Self.run(query, .serial)
        #expect(try Self.run(query, Self.one) == whole)
        #expect(try Self.run(query, Self.two) == whole)
        #expect(try Self.run(query, Self.twoUnaligned) == whole)
    }

    /// Real sums add morsel by morsel: the same table for any number of threads.
    @Test(arguments: [
        "T | summarize sum(real), count() by key", "T | where real > 3 | extend x = real * 1.1 | summarize sum(x)",
    ])
    func realSumsDoNotDependOnThreads(_ query: String) throws {
        #expect(try Self.run(query, Self.one) == Self.run(query, Self.two))
    }

    /// A production-size morsel whose keys are nearly all distinct sends the summarize back to the whole
    /// table; few groups, or a morsel too small to judge, keep the partial aggregates.
    @Test func manyGroupsRunWhole() throws {
        #expect(Executor.keepsTooManyGroups(60_000, of: 65_536))
        #expect(!Executor.keepsTooManyGroups(1_000, of: 65_536))
        #expect(!Executor.keepsTooManyGroups(200, of: 256))
        // Over 2,048-row morsels, 5,000 keys in 10,000 rows: the same answer as whole-table execution.
        let wide = QueryParallelism(threads: 2, morselRows: 2048, minimumRows: 1)
        let query =
            "T | extend k = id % 5000 | summarize c = count(), s = sum(id) by k | summarize count(), sum(c), sum(s)"
        #expect(try Self.run(query, wide) == Self.run(query, .serial))
    }
}
