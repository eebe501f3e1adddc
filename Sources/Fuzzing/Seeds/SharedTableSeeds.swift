import Columnar
import Foundation
import SharedTable

/// Seeds of the SharedTable target: regions the writer lays out for the fuzz tables (whole, a slice,
/// no rows), forged regions, and reply frames as a worker sends them.
extension SharedTableFuzzTarget {
    func seeds(packageRoot: String) -> [(name: String, bytes: [UInt8])] {
        var seeds: [(name: String, bytes: [UInt8])] = []
        let tables = FuzzDatabase.tables.map(\.1)
        let cases: [(String, Table, Range<Int>?)] = [
            ("region-T", tables[0], nil), ("region-U", tables[1], nil), ("region-T-slice", tables[0], 1..<3),
            ("region-U-empty", tables[1], 0..<0),
            ("region-no-columns", Table(schema: Schema([]), columns: [], rowCount: 0), nil),
        ]
        for (name, table, rows) in cases {
            guard let region = try? SharedRegion.create(capacity: 1 << 16),
                let used = try? SharedTableWriter.write(table, rows: rows, into: region), let base = region.base
            else { continue }
            seeds.append((name, [0] + Array(UnsafeRawBufferPointer(start: base, count: used))))
        }
        var random = FuzzRandom(seed: 7)
        for k in 0..<6 {
            seeds.append(("forged-\(k)", [2] + (0..<200).map { _ in UInt8(truncatingIfNeeded: random.next()) }))
        }
        let replies: [(String, any Encodable)] = [
            (
                "reply-response",
                WorkerResponse(resultBytes: 4096, stdout: "hello\n", stderr: "", timings: ["script": 1.5])
            ),
            (
                "reply-failure",
                WorkerResponse(
                    resultBytes: 0, stdout: "", stderr: "",
                    failure: WorkerFailure(
                        code: .python, type: "ValueError", message: "bad", traceback: "Traceback", line: 3))
            ),
        ]
        for (name, message) in replies {
            guard let json = try? JSONEncoder().encode(message) else { continue }
            let length = UInt32(json.count)
            seeds.append((name, [3] + (0..<4).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) } + [UInt8](json)))
        }
        return seeds
    }
}
