import Charts
import Columnar
import Foundation

/// The transfer benchmark's plot: throughput (GB/s) against rows, both on log axes, one panel per direction
/// and one line per method, for the first dataset type and null ratio of the run.
///
/// Drawn by the `Charts` library, the renderer of KQL's `render`: the measurements become the table a
/// query would end in `render linechart with (series=method, ycolumns=to-df, from-df, round-trip,
/// ysplit=panels, xaxis=log, yaxis=log)`, so the project has one chart code path.
public enum BenchPlot {
    /// One colour per method in every plot, so a method is recognised across runs.
    public static let colors = [
        "sandpiper": "#D55E00", "pyarrow-ipc-memfd": "#0072B2", "pyarrow-to-pandas": "#009E73",
        "duckdb-df": "#E69F00", "pickle5-oob-pipe": "#CC79A7", "csv-pipe": "#8C564B", "memcpy": "#444444",
    ]

    public static func svg(_ all: [BenchTransferMeasurement]) -> String {
        let timed = all.filter { $0.stats != nil && $0.direction != "call" && $0.gigabytesPerSecond > 0 }
        guard let first = timed.first(where: { $0.method != "memcpy" }) ?? timed.first else {
            return
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"60\"><text x=\"10\" y=\"30\">no measurements</text></svg>\n"
        }
        let chosen = timed.filter {
            $0.dataset.type == first.dataset.type && $0.dataset.nullsText == first.dataset.nullsText
        }
        let directions = ["to-df", "from-df", "round-trip"].filter { d in chosen.contains { $0.direction == d } }
        let table = measurements(chosen, directions: directions.isEmpty ? ["to-df"] : directions)
        let methodOf = Dictionary(chosen.map { ($0.label, $0) }, uniquingKeysWith: { a, _ in a })
        var seriesColors: [String: String] = [:], dashed: Set<String> = []
        for (label, m) in methodOf {
            seriesColors[label] = colors[m.method] ?? "#000000"
            if m.variant != "default" && m.variant != "copy" { dashed.insert(label) }
        }
        let panels = max(1, directions.count)
        let request = ChartRequest(
            kind: .linechart, title: "Transfer throughput, dataset \(first.dataset.name)",
            xColumn: "rows", yColumns: directions.isEmpty ? ["to-df"] : directions, series: ["method"],
            xTitle: "rows", yTitle: "GB/s", xAxis: .log, yAxis: .log,
            ySplit: panels > 1 ? .panels : .none)
        let style = ChartStyle(
            width: 900, height: 260 + 220 * Double(panels), seriesColors: seriesColors,
            dashedSeries: dashed, pointMarkers: true)
        do {
            return try ChartModel(table: table, request: request).svg(style: style)
        } catch {
            // The table is built above with the columns the request names; a failure is a bug, shown in the plot.
            return
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"60\"><text x=\"10\" y=\"30\">\(escape(error.message))</text></svg>\n"
        }
    }

    /// One row per method and row count: its GB/s in each direction (memcpy, a limit, in every one).
    static func measurements(_ chosen: [BenchTransferMeasurement], directions: [String]) -> Table {
        struct Key: Hashable { var label: String; var rows: Int }
        var order: [Key] = [], values: [Key: [String: Double]] = [:]
        for m in chosen {
            let key = Key(label: m.label, rows: m.dataset.rows)
            if values[key] == nil { order.append(key); values[key] = [:] }
            for d in directions where m.direction == d || m.method == "memcpy" {
                values[key]![d] = m.gigabytesPerSecond
            }
        }
        let rank = { (label: String) in BenchTransferMeasurement.methodOrder.firstIndex { label.hasPrefix($0) } ?? 99 }
        order.sort { (rank($0.label), $0.label, $0.rows) < (rank($1.label), $1.label, $1.rows) }
        var columns: [(String, Column)] = [
            ("rows", Column(type: .long, int64s: order.map { Int64($0.rows) })),
            ("method", Column(strings: order.map { $0.label })),
        ]
        for d in directions {
            let v = order.map { values[$0]?[d] }
            columns.append((d, Column(reals: v.map { $0 ?? .nan }, valid: v.contains(nil) ? v.map { $0 != nil } : nil)))
        }
        return Table(columns)
    }

    static func escape(_ t: String) -> String {
        t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }
}
