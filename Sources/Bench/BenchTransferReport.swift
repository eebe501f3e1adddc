import Foundation

/// One timed (or skipped) transfer: who moved which dataset in which direction.
public struct BenchTransferMeasurement: Sendable {
    /// The peers `transfer.py` runs, in report order.
    public static let peerMethods = [
        "pyarrow-ipc-memfd", "pyarrow-to-pandas", "duckdb-df", "pickle5-oob-pipe", "csv-pipe",
    ]
    public static let methodOrder = ["sandpiper"] + peerMethods + ["memcpy"]
    public static let directionOrder = ["to-df", "from-df", "round-trip", "call"]

    public var method: String
    public var variant: String
    public var direction: String
    public var dataset: BenchDataset
    public var bytes: Int
    public var stats: BenchStats?
    public var skipped: String?

    public init(
        method: String, variant: String, direction: String, dataset: BenchDataset, bytes: Int, stats: BenchStats?,
        skipped: String? = nil
    ) {
        self.method = method; self.variant = variant; self.direction = direction; self.dataset = dataset
        self.bytes = bytes; self.stats = stats; self.skipped = skipped
    }

    public var label: String { variant == "default" ? method : "\(method) (\(variant))" }
    public var rowsPerSecond: Double { stats.map { Double(dataset.rows) / $0.median } ?? .nan }
    public var gigabytesPerSecond: Double { stats.map { Double(bytes) / $0.median / 1e9 } ?? .nan }
}

/// Renders transfer measurements with their ratios to sandpiper and to memcpy.
public enum BenchTransferReport {
    /// This measurement's median over sandpiper's (same dataset and direction): above 1, sandpiper is faster.
    public static func ratioToSandpiper(_ m: BenchTransferMeasurement, in all: [BenchTransferMeasurement]) -> Double? {
        guard let s = m.stats,
            let ours = all.first(where: {
                $0.method == "sandpiper" && $0.variant == "default" && $0.direction == m.direction
                    && $0.dataset == m.dataset
            })?.stats
        else { return nil }
        return s.median / ours.median
    }

    /// This measurement's median over one memcpy of the same bytes: how many copies' time it takes.
    public static func ratioToMemcpy(_ m: BenchTransferMeasurement, in all: [BenchTransferMeasurement]) -> Double? {
        guard let s = m.stats, m.direction != "call",
            let copy = all.first(where: { $0.method == "memcpy" && $0.variant == "copy" && $0.dataset == m.dataset })?
                .stats
        else { return nil }
        return s.median / copy.median
    }

    public static func sorted(_ all: [BenchTransferMeasurement]) -> [BenchTransferMeasurement] {
        func rank(_ list: [String], _ x: String) -> Int { list.firstIndex(of: x) ?? list.count }
        let datasetOrder = all.reduce(into: [String]()) {
            if !$0.contains($1.dataset.key) { $0.append($1.dataset.key) }
        }
        return all.sorted {
            (
                $0.dataset.rows, rank(datasetOrder, $0.dataset.key),
                rank(BenchTransferMeasurement.directionOrder, $0.direction),
                rank(BenchTransferMeasurement.methodOrder, $0.method), $0.variant
            )
                < (
                    $1.dataset.rows, rank(datasetOrder, $1.dataset.key),
                    rank(BenchTransferMeasurement.directionOrder, $1.direction),
                    rank(BenchTransferMeasurement.methodOrder, $1.method), $1.variant
                )
        }
    }

    public static func render(_ all: [BenchTransferMeasurement], format: BenchFormat) -> String {
        let list = sorted(all)
        if format == .json {
            return list.map { m -> String in
                var o: [String: Any] = [
                    "method": m.method, "variant": m.variant, "direction": m.direction, "dataset": m.dataset.name,
                    "rows": m.dataset.rows, "bytes": m.bytes,
                ]
                if let s = m.stats {
                    o["median_s"] = s.median; o["min_s"] = s.min; o["max_s"] = s.max; o["runs"] = s.runs
                    o["checksum_ok"] = m.method != "memcpy" ? true : NSNull()
                    o["ratio_to_sandpiper"] = ratioToSandpiper(m, in: list) ?? NSNull()
                    o["ratio_to_memcpy"] = ratioToMemcpy(m, in: list) ?? NSNull()
                } else {
                    o["median_s"] = NSNull(); o["min_s"] = NSNull(); o["max_s"] = NSNull(); o["runs"] = 0
                    o["skipped"] = m.skipped ?? "skipped"
                }
                return BenchOutput.jsonLine(o)
            }.joined(separator: "\n")
        }
        var rows = [
            [
                "dataset", "rows", "direction", "method", "median", "min", "max", "rows/s", "GB/s", "time/sandpiper",
                "time/memcpy",
            ]
        ]
        for m in list {
            guard let s = m.stats else {
                rows.append([
                    m.dataset.name, "\(m.dataset.rows)", m.direction, m.label, "skipped", "", "", "", "", "", "",
                ])
                continue
            }
            rows.append([
                m.dataset.name, "\(m.dataset.rows)", m.direction, m.label,
                BenchOutput.seconds(s.median), BenchOutput.seconds(s.min), BenchOutput.seconds(s.max),
                BenchOutput.rate(m.rowsPerSecond), String(format: "%.2f", m.gigabytesPerSecond),
                ratioToSandpiper(m, in: list).map { String(format: "%.2f", $0) } ?? "-",
                ratioToMemcpy(m, in: list).map { String(format: "%.2f", $0) } ?? "-",
            ])
        }
        // Why a measurement was skipped, once per distinct reason, under the table.
        let reasons = list.compactMap { m in m.skipped.map { "\(m.label) \(m.direction): \($0)" } }
            .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let notes = reasons.isEmpty ? "" : "\n\nskipped:\n" + reasons.map { "- " + $0 }.joined(separator: "\n")
        return BenchOutput.grid(rows, markdown: format == .markdown, rightAligned: [1, 4, 5, 6, 7, 8, 9, 10]) + notes
    }
}
