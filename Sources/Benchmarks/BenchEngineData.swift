import Bench
import Columnar
import KQLEngine

/// The data of `sandpiper bench engine`, generated from row number `i` (0-based).
///
/// These formulas are the single definition; `bench/peers/duckdb_engine.py` repeats them in numpy
/// and says so. Change both together, or the checksum comparison fails the run (as it should).
///
/// `events` (`rows` rows):
/// - `id    = i`
/// - `key   = (i * 7919) % 1000`
/// - `value = ((i * 31) % 10007) / 10.0`
/// - `flag  = i % 7`
///
/// Join sides (`joinRows` rows each):
/// - `l`: `k = i`, `a = i % 100` (real)
/// - `r`: `k = (i * 7919) % joinRows`, `b = i % 10` (real)
enum BenchEngineData {
    static func events(rows: Int) -> Table {
        var id = [Int64](repeating: 0, count: rows), key = id, flag = id
        var value = [Double](repeating: 0, count: rows)
        for n in 0..<rows {
            let i = Int64(n)
            id[n] = i
            key[n] = (i &* 7919) % 1000
            value[n] = Double((i &* 31) % 10007) / 10.0
            flag[n] = i % 7
        }
        return Table([
            ("id", Column(int64s: id)), ("key", Column(int64s: key)),
            ("value", Column(reals: value)), ("flag", Column(int64s: flag)),
        ])
    }

    static func joinSides(rows: Int) -> (left: Table, right: Table) {
        var lk = [Int64](repeating: 0, count: rows), rk = lk
        var a = [Double](repeating: 0, count: rows), b = a
        let m = Int64(max(rows, 1))
        for n in 0..<rows {
            let i = Int64(n)
            lk[n] = i
            a[n] = Double(i % 100)
            rk[n] = (i &* 7919) % m
            b[n] = Double(i % 10)
        }
        return (
            Table([("k", Column(int64s: lk)), ("a", Column(reals: a))]),
            Table([("k", Column(int64s: rk)), ("b", Column(reals: b))])
        )
    }

    /// A database holding `events`, `l` and `r`.
    static func database(rows: Int, joinRows: Int) -> InMemoryDatabase {
        let (l, r) = joinSides(rows: joinRows)
        return InMemoryDatabase(tables: [("events", events(rows: rows)), ("l", l), ("r", r)])
    }

    /// The commands that build the same three tables on a Kusto endpoint (`bench engine --target`): the
    /// formulas above written in KQL, checked by the same checksum comparison.
    static func commands(rows: Int, joinRows: Int) -> [String] {
        [
            ".set-or-replace events <| range i from 0 to \(rows - 1) step 1 | project id = i, key = (i * 7919) % 1000, "
                + "value = todouble((i * 31) % 10007) / 10.0, flag = i % 7",
            ".set-or-replace l <| range i from 0 to \(joinRows - 1) step 1 | project k = i, a = todouble(i % 100)",
            ".set-or-replace r <| range i from 0 to \(joinRows - 1) step 1 | project k = (i * 7919) % \(max(joinRows, 1)), b = todouble(i % 10)",
        ]
    }

    /// The two queries, by the benchmark names both engines report.
    static let queries: [(name: String, kql: String)] = [
        (
            "filter-extend-summarize",
            "events | where flag != 0 | extend v2 = value * 2 | summarize s = sum(v2), c = count() by key | summarize sum(s), sum(c)"
        ),
        ("join", "l | join kind=inner r on k | summarize count(), sum(a + b)"),
    ]
}
