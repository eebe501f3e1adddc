import Foundation

/// An SVG of throughput (GB/s, log scale) against rows (log scale), one panel per direction and one
/// line per method, for the first dataset type and null ratio of the run.
public enum BenchPlot {
    public static let colors = ["sandpiper": "#d62728", "pyarrow-ipc-memfd": "#1f77b4", "pyarrow-to-pandas": "#2ca02c",
                         "duckdb-df": "#ff7f0e", "pickle5-oob-pipe": "#9467bd", "csv-pipe": "#8c564b", "memcpy": "#444444"]

    public static func svg(_ all: [BenchTransferMeasurement]) -> String {
        let timed = all.filter { $0.stats != nil && $0.direction != "call" && $0.gigabytesPerSecond > 0 }
        guard let first = timed.first(where: { $0.method != "memcpy" }) ?? timed.first else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"60\"><text x=\"10\" y=\"30\">no measurements</text></svg>\n"
        }
        let type = first.dataset.type, nulls = first.dataset.nullsText
        let chosen = timed.filter { $0.dataset.type == type && $0.dataset.nullsText == nulls }
        let directions = ["to-df", "from-df", "round-trip"].filter { d in chosen.contains { $0.direction == d || $0.method == "memcpy" } }
        let xs = chosen.map { log10(Double($0.dataset.rows)) }, ys = chosen.map { log10($0.gigabytesPerSecond) }
        let x0 = floor(xs.min() ?? 3), x1 = max(ceil(xs.max() ?? 7), x0 + 1)
        let y0 = floor(ys.min() ?? -3), y1 = max(ceil(ys.max() ?? 1), y0 + 1)
        let pw = 320.0, ph = 260.0, left = 60.0, top = 50.0, gap = 40.0, legendWidth = 230.0
        let width = left + Double(directions.count) * (pw + gap) + legendWidth, height = top + ph + 60
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"11\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        s += "<text x=\"\(left)\" y=\"20\" font-size=\"14\">Transfer throughput, dataset \(escape(first.dataset.name)) (GB/s, log scale, against rows)</text>\n"
        let series = Dictionary(grouping: chosen, by: \.label)
        let labels = series.keys.sorted { a, b in
            let ra = BenchTransferMeasurement.methodOrder.firstIndex(of: series[a]![0].method) ?? 99
            let rb = BenchTransferMeasurement.methodOrder.firstIndex(of: series[b]![0].method) ?? 99
            return (ra, a) < (rb, b)
        }
        for (p, direction) in directions.enumerated() {
            let ox = left + Double(p) * (pw + gap)
            func px(_ rows: Int) -> Double { ox + (log10(Double(rows)) - x0) / (x1 - x0) * pw }
            func py(_ gbs: Double) -> Double { top + ph - (log10(gbs) - y0) / (y1 - y0) * ph }
            s += "<text x=\"\(ox + pw / 2)\" y=\"\(top - 8)\" text-anchor=\"middle\" font-size=\"12\">\(direction)</text>\n"
            s += "<rect x=\"\(ox)\" y=\"\(top)\" width=\"\(pw)\" height=\"\(ph)\" fill=\"none\" stroke=\"#999\"/>\n"
            for e in Int(x0)...Int(x1) {
                let x = ox + (Double(e) - x0) / (x1 - x0) * pw
                s += "<line x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(top + ph)\" stroke=\"#eee\"/>"
                s += "<text x=\"\(x)\" y=\"\(top + ph + 14)\" text-anchor=\"middle\">1e\(e)</text>\n"
            }
            for e in Int(y0)...Int(y1) {
                let y = top + ph - (Double(e) - y0) / (y1 - y0) * ph
                s += "<line x1=\"\(ox)\" y1=\"\(y)\" x2=\"\(ox + pw)\" y2=\"\(y)\" stroke=\"#eee\"/>"
                s += "<text x=\"\(ox - 4)\" y=\"\(y + 4)\" text-anchor=\"end\">\(axisLabel(e))</text>\n"
            }
            s += "<text x=\"\(ox + pw / 2)\" y=\"\(top + ph + 30)\" text-anchor=\"middle\">rows</text>\n"
            for label in labels {
                // memcpy is the same limit in every panel.
                let points = (series[label] ?? []).filter { $0.direction == direction || $0.method == "memcpy" }
                    .sorted { $0.dataset.rows < $1.dataset.rows }
                guard !points.isEmpty else { continue }
                let color = colors[points[0].method] ?? "#000"
                let dash = points[0].variant == "default" || points[0].variant == "copy" ? "" : " stroke-dasharray=\"4 3\""
                let path = points.map { String(format: "%.1f,%.1f", px($0.dataset.rows), py($0.gigabytesPerSecond)) }.joined(separator: " ")
                s += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>\n"
                for q in points {
                    s += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%@\"/>", px(q.dataset.rows), py(q.gigabytesPerSecond), color)
                }
                s += "\n"
            }
        }
        let lx = left + Double(directions.count) * (pw + gap)
        for (k, label) in labels.enumerated() {
            let m = series[label]![0]
            let y = top + 10 + Double(k) * 18
            let dash = m.variant == "default" || m.variant == "copy" ? "" : " stroke-dasharray=\"4 3\""
            s += "<line x1=\"\(lx)\" y1=\"\(y)\" x2=\"\(lx + 24)\" y2=\"\(y)\" stroke=\"\(colors[m.method] ?? "#000")\" stroke-width=\"2\"\(dash)/>"
            s += "<text x=\"\(lx + 30)\" y=\"\(y + 4)\">\(escape(label))</text>\n"
        }
        return s + "</svg>\n"
    }

    public static func axisLabel(_ e: Int) -> String {
        e >= 0 ? String(format: "%.0f", pow(10, Double(e))) : String(format: "%g", pow(10, Double(e)))
    }

    public static func escape(_ t: String) -> String {
        t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
