import Bench
import Columnar
import Foundation
import KQLEngine

/// `sandpiper bench parquet`: reading a Parquet file of the events table (id, key, value, flag; written
/// by pyarrow with its defaults) as `--db FILE` opens it, against pyarrow's `read_table` of the same file
/// with one thread and with its default threads. Checksums of the tables read must agree.
public struct ParquetBenchmark: Sendable {
    public var rows: Int
    public var runs: Int
    public var benchDirectory: String?

    public init(rows: Int, runs: Int, benchDirectory: String?) {
        self.rows = rows; self.runs = runs; self.benchDirectory = benchDirectory
    }

    public func measure() throws(BenchError) -> [BenchEngineResult] {
        let env = try BenchEnvironment.prepare(explicit: benchDirectory)
        let file = NSTemporaryDirectory() + "sandpiper-bench-\(ProcessInfo.processInfo.processIdentifier).parquet"
        defer { try? FileManager.default.removeItem(atPath: file) }
        BenchOutput.err("bench parquet: pyarrow writes \(rows) rows, then reads them")
        var results: [BenchEngineResult] = []
        for line in try env.runPeer("parquet_read.py", ["\(rows)", "\(runs)", file]) {
            guard let median = line["median_s"] as? Double, let lo = line["min_s"] as? Double,
                let hi = line["max_s"] as? Double, let n = line["runs"] as? Int, let t = line["threads"] as? Int,
                let checksum = line["checksum"] as? [Double]
            else { throw BenchError.peer("parquet_read.py printed an unexpected line: \(line)") }
            results.append(
                BenchEngineResult(
                    method: "pyarrow", benchmark: "parquet read", rows: rows, threads: t,
                    stats: BenchStats(median: median, min: lo, max: hi, runs: n), checksum: checksum))
        }
        BenchOutput.err("bench parquet: sandpiper reads them")
        var table: Table?
        var failure: (any Error)?
        let stats = BenchStats.measure(runs: runs) {
            do {
                let db = try FolderDatabase(path: file)
                table = db.tableNames.first.flatMap(db.table(named:))
            } catch { failure = error }
        }
        if let failure { throw BenchError.peer("sandpiper could not read the file: \(failure)") }
        guard let table, let value = table.column(named: "value"), let id = table.column(named: "id"),
            let flag = table.column(named: "flag")
        else { throw BenchError.checksum("sandpiper's table lacks the events columns") }
        let checksum = [
            Double(table.rowCount), Double(id.longs.reduce(0, &+)), value.reals.reduce(0, +),
            Double(flag.longs.reduce(0, &+)),
        ]
        results.insert(
            BenchEngineResult(
                method: "sandpiper", benchmark: "parquet read", rows: rows, threads: 1, stats: stats, checksum: checksum
            ),
            at: 0)
        try BenchEngineResult.checkAgreement(results, peer: "pyarrow")
        return results
    }
}
