import Bench
import Columnar
import Foundation
import KQLEngine

/// The data of `sandpiper bench engine`, generated from row number `i` (0-based).
///
/// These formulas are the single definition; `bench/peers/duckdb_engine.py` writes them in SQL and
/// ``commands(rows:joinRows:)`` in KQL. Change all three together, or the checksum comparison fails the
/// run (as it should). Every product stays below 2^63, so no formula depends on how an engine wraps.
///
/// `events` (`rows` rows):
/// - `id = i`, `key = (i * 7919) % 1000`, `value = ((i * 31) % 10007) / 10.0`, `flag = i % 7`
/// - `pv = (i * 13) % 997` (at most 997 distinct values per key, so `percentiles` and `dcount` are exact)
/// - `ts = 2024-01-01 + i * 7 seconds`
/// - `name = "u" + string((i * 104729) % 100003)`
///
/// `logs` (`rows` rows): `line = "2024-01-01 host" + (i % 50) + " " + level + " req=" + i + " " + message`,
/// with `level` ERROR when `i % 10 == 0`, WARN when `i % 10 < 3`, else INFO, and `message`
/// `"timeout after 30s"` when `i % 13 == 0`, else `"done in " + (i % 997) + "ms"`.
///
/// `sparse` (`rows` rows), sparse and skewed keys:
/// - `rk = ((x * 48271) % p) << 32 | ((x * 69621) % p)` with `x = i % max(rows / 4, 1) + 1`, `p = 2^31 - 1`:
///   pseudo-random keys spread over [0, 2^63), each on four rows (no dense-array shortcut applies)
/// - `zk = 1000000 / ((((i + 1) * 16807) % p) % 1000000 + 1)`: a power law, P(k) ∝ 1/(k(k+1)) (Zipf with
///   exponent 2: key 1 is on half the rows, about 2000 distinct keys)
/// - `v = (i % 1000) / 8.0`
///
/// Join sides (`joinRows` rows each): `l`: `k = i`, `a = i % 100` (real); `r`: `k = (i * 7919) % joinRows`,
/// `b = i % 10` (real). Many-to-many sides (`max(joinRows / 10, 1)` rows each, `kk = max(joinRows / 100, 1)`
/// keys): `lm`: `k = i % kk`, `a = i % 100`; `rm`: `k = (i * 7) % kk`, `b = i % 10` (reals).
enum BenchEngineData {
    static let prime: Int64 = 2_147_483_647
    /// 2024-01-01T00:00:00Z in nanoseconds since the epoch.
    static let start: Int64 = 1_704_067_200 * 1_000_000_000

    static func events(rows: Int) -> Table {
        var id = [Int64](repeating: 0, count: rows), key = id, flag = id, pv = id, ts = id
        var value = [Double](repeating: 0, count: rows)
        var name: [String?] = []
        name.reserveCapacity(rows)
        for n in 0..<rows {
            let i = Int64(n)
            id[n] = i
            key[n] = (i * 7919) % 1000
            value[n] = Double((i * 31) % 10007) / 10.0
            flag[n] = i % 7
            pv[n] = (i * 13) % 997
            ts[n] = start + i * 7 * 1_000_000_000
            name.append("u\((i * 104729) % 100003)")
        }
        return Table([
            ("id", Column(int64s: id)), ("key", Column(int64s: key)), ("value", Column(reals: value)),
            ("flag", Column(int64s: flag)), ("pv", Column(int64s: pv)),
            ("ts", Column(type: .datetime, int64s: ts)), ("name", Column(strings: name)),
        ])
    }

    static func logs(rows: Int) -> Table {
        var line: [String?] = []
        line.reserveCapacity(rows)
        for i in 0..<rows {
            let level = i % 10 == 0 ? "ERROR" : i % 10 < 3 ? "WARN" : "INFO"
            let message = i % 13 == 0 ? "timeout after 30s" : "done in \(i % 997)ms"
            line.append("2024-01-01 host\(i % 50) \(level) req=\(i) \(message)")
        }
        return Table([("line", Column(strings: line))])
    }

    static func sparse(rows: Int) -> Table {
        var rk = [Int64](repeating: 0, count: rows), zk = rk
        var v = [Double](repeating: 0, count: rows)
        let groups = Int64(max(rows / 4, 1))
        for n in 0..<rows {
            let i = Int64(n)
            let x = i % groups + 1
            rk[n] = ((x * 48271) % prime) << 32 | ((x * 69621) % prime)
            zk[n] = 1_000_000 / ((((i + 1) * 16807) % prime) % 1_000_000 + 1)
            v[n] = Double(i % 1000) / 8.0
        }
        return Table([("rk", Column(int64s: rk)), ("zk", Column(int64s: zk)), ("v", Column(reals: v))])
    }

    /// The two sides of a join: `left` keys `i % leftKeys` (or `i` when nil), `right` keys `(i * step) % rightKeys`.
    static func joinSides(rows: Int, leftKeys: Int?, step: Int64, rightKeys: Int) -> (left: Table, right: Table) {
        var lk = [Int64](repeating: 0, count: rows), rk = lk
        var a = [Double](repeating: 0, count: rows), b = a
        for n in 0..<rows {
            let i = Int64(n)
            lk[n] = leftKeys.map { i % Int64($0) } ?? i
            a[n] = Double(i % 100)
            rk[n] = (i * step) % Int64(rightKeys)
            b[n] = Double(i % 10)
        }
        return (
            Table([("k", Column(int64s: lk)), ("a", Column(reals: a))]),
            Table([("k", Column(int64s: rk)), ("b", Column(reals: b))])
        )
    }

    static func manyToManyRows(_ joinRows: Int) -> Int { max(joinRows / 10, 1) }
    static func manyToManyKeys(_ joinRows: Int) -> Int { max(joinRows / 100, 1) }

    /// A database holding `events`, `logs`, `sparse`, `l`, `r`, `lm` and `rm`.
    static func database(rows: Int, joinRows: Int) -> InMemoryDatabase {
        let (l, r) = joinSides(rows: joinRows, leftKeys: nil, step: 7919, rightKeys: max(joinRows, 1))
        let mm = manyToManyRows(joinRows), kk = manyToManyKeys(joinRows)
        let (lm, rm) = joinSides(rows: mm, leftKeys: kk, step: 7, rightKeys: kk)
        return InMemoryDatabase(tables: [
            ("events", events(rows: rows)), ("logs", logs(rows: rows)), ("sparse", sparse(rows: rows)),
            ("l", l), ("r", r), ("lm", lm), ("rm", rm),
        ])
    }

    /// The commands that build the same tables on a Kusto endpoint (`bench engine --target`): the
    /// formulas above written in KQL, checked by the same checksum comparison.
    static func commands(rows: Int, joinRows: Int) -> [String] {
        let mm = manyToManyRows(joinRows), kk = manyToManyKeys(joinRows)
        let p = prime
        return [
            ".set-or-replace events <| range i from 0 to \(rows - 1) step 1 | project id = i, key = (i * 7919) % 1000, "
                + "value = todouble((i * 31) % 10007) / 10.0, flag = i % 7, pv = (i * 13) % 997, "
                + "ts = datetime(2024-01-01) + i * 7s, name = strcat('u', tostring((i * 104729) % 100003))",
            ".set-or-replace logs <| range i from 0 to \(rows - 1) step 1 | project line = strcat('2024-01-01 host', "
                + "i % 50, ' ', case(i % 10 == 0, 'ERROR', i % 10 < 3, 'WARN', 'INFO'), ' req=', i, ' ', "
                + "iff(i % 13 == 0, 'timeout after 30s', strcat('done in ', i % 997, 'ms')))",
            ".set-or-replace sparse <| range i from 0 to \(rows - 1) step 1 | extend x = i % \(max(rows / 4, 1)) + 1 "
                + "| project rk = binary_or(binary_shift_left((x * 48271) % \(p), 32), (x * 69621) % \(p)), "
                + "zk = 1000000 / ((((i + 1) * 16807) % \(p)) % 1000000 + 1), v = todouble(i % 1000) / 8.0",
            ".set-or-replace l <| range i from 0 to \(joinRows - 1) step 1 | project k = i, a = todouble(i % 100)",
            ".set-or-replace r <| range i from 0 to \(joinRows - 1) step 1 | project k = (i * 7919) % \(max(joinRows, 1)), b = todouble(i % 10)",
            ".set-or-replace lm <| range i from 0 to \(mm - 1) step 1 | project k = i % \(kk), a = todouble(i % 100)",
            ".set-or-replace rm <| range i from 0 to \(mm - 1) step 1 | project k = (i * 7) % \(kk), b = todouble(i % 10)",
        ]
    }

    /// One benchmark: its name (the one both engines report), the table whose rows it reads (for the
    /// report's `rows`), the query, and what its timed span holds.
    struct Query: Sendable {
        var name: String
        var table: String
        var kql: String
        var timed: String
    }

    /// What every query's clock covers; a row's `timed` adds what is particular to it.
    static let timedSpan =
        "the whole query (parse, bind, plan, run) from its text to the one-row answer, tables already in memory"

    /// The benchmarks, each answering one row that is compared across engines.
    static func queries(rows: Int) -> [Query] {
        let span = "\(rows * 7)s"
        return [
            Query(
                name: "filter-extend-summarize", table: "events",
                kql: "events | where flag != 0 | extend v2 = value * 2 | summarize s = sum(v2), c = count() by key "
                    + "| summarize sum(s), sum(c)",
                timed: "filter, computed column, hash aggregation on 1000 dense keys"),
            Query(
                name: "join", table: "l", kql: "l | join kind=inner r on k | summarize count(), sum(a + b)",
                timed: "one-to-one inner hash join (build, probe), then a sum over its output"),
            Query(
                name: "top-n-string", table: "events",
                kql: "events | top 100 by name desc | summarize count(), sum(tolong(substring(name, 1)))",
                timed: "top 100 by a string column (ties among equal names do not change the answer)"),
            Query(
                name: "percentiles-by-key", table: "events",
                kql: "events | summarize percentiles(pv, 50, 90) by key | summarize sum(percentile_pv_50), "
                    + "sum(percentile_pv_90)",
                timed: "exact nearest-rank percentiles per key (DuckDB: quantile_disc)"),
            Query(
                name: "time-bin-summarize", table: "events",
                kql: "events | summarize c = count(), s = sum(value) by h = bin(ts, 1h) | summarize count(), sum(c), "
                    + "sum(s), sum(datetime_diff('hour', h, datetime(2024-01-01)) * c)",
                timed: "hourly bins over a datetime column, count and sum per bin"),
            Query(
                name: "term-search", table: "logs",
                kql: "logs | summarize countif(line has 'error'), countif(line contains 'timeout'), "
                    + "sumif(strlen(line), line has 'error' and line contains 'timeout')",
                timed: "`has` (term) and `contains` (substring) over log lines, no index (DuckDB: ILIKE)"),
            Query(
                name: "dcount-by-key", table: "events",
                kql: "events | summarize d = dcount(pv) by key | summarize count(), sum(d)",
                timed: "distinct count per key (exact at these sizes; DuckDB: count(DISTINCT))"),
            Query(
                name: "make-series", table: "events",
                kql: "events | make-series c = count() default = 0 on ts from datetime(2024-01-01) to "
                    + "datetime(2024-01-01) + \(span) step 1h by flag | mv-expand with_itemindex = ix c to typeof(long) "
                    + "| summarize count(), sum(c), sum(ix * c)",
                timed: "hourly series per flag (dense, zeros filled), expanded back to rows for the checksum"),
            Query(
                name: "summarize-random-keys", table: "sparse",
                kql: "sparse | summarize c = count(), s = sum(v) by rk | summarize count(), sum(c), sum(s), "
                    + "sum(rk % 1000)",
                timed: "hash aggregation on sparse 64-bit keys, rows/4 groups"),
            Query(
                name: "summarize-zipf-keys", table: "sparse",
                kql: "sparse | summarize c = count(), s = sum(v) by zk | summarize count(), sum(c), sum(s), "
                    + "sum(zk * c)",
                timed: "hash aggregation on power-law keys (half the rows on one key)"),
            Query(
                name: "join-many-to-many", table: "lm",
                kql: "lm | join kind=inner rm on k | summarize count(), sum(a + b)",
                timed: "many-to-many inner join, 10 rows a key on each side, 10x its input rows out"),
        ]
    }

    /// The rows of the table a benchmark reads.
    static func rows(of table: String, rows: Int, joinRows: Int) -> Int {
        switch table {
        case "l", "r": return joinRows
        case "lm", "rm": return manyToManyRows(joinRows)
        default: return rows
        }
    }
}
