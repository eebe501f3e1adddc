/// A drawable value: the band from `lo` to `hi` at `x` (a bar, or a slice of an area).
struct Span: Equatable {
    var x: Double
    var lo: Double
    var hi: Double
}

/// The values of an x-axis chart as bands: stacked series rest on the ones before them in the same
/// panel and axis; `stacked100` scales each x's stack to 100.
enum XYSpans {
    /// For each series, its spans: one per point (nil for a gap) when not stacked; when stacked, one
    /// per x of the union of its group's x values, where a missing or null value counts as zero.
    static func spans(_ chart: XYChart) -> [[Span?]] {
        var out = [[Span?]](repeating: [], count: chart.series.count)
        guard chart.stacking != .none, chart.mark != .line, chart.mark != .point else {
            for (i, s) in chart.series.enumerated() {
                out[i] = s.points.map { p in p.y.map { Span(x: p.x, lo: 0, hi: $0) } }
            }
            return out
        }
        let groups = Dictionary(grouping: chart.series.indices) {
            GroupKey(panel: chart.series[$0].panel, axis: chart.series[$0].axis)
        }
        for members in groups.values {
            // Rows with the same x in one series add up, as they would in one stacked column.
            var values: [[Double: Double]] = []
            var xs = Set<Double>()
            for i in members {
                var v: [Double: Double] = [:]
                for p in chart.series[i].points {
                    xs.insert(p.x)
                    if let y = p.y { v[p.x, default: 0] += y }
                }
                values.append(v)
            }
            let sortedX = xs.sorted()
            var totals: [Double: Double] = [:]
            if chart.stacking == .stacked100 {
                for v in values { for (x, y) in v { totals[x, default: 0] += abs(y) } }
            }
            var positive = [Double: Double](), negative = [Double: Double]()
            for (m, i) in members.enumerated() {
                out[i] = sortedX.map { x in
                    var y = values[m][x] ?? 0
                    if chart.stacking == .stacked100 { let t = totals[x] ?? 0; y = t > 0 ? y / t * 100 : 0 }
                    if y >= 0 {
                        let base = positive[x] ?? 0
                        positive[x] = base + y
                        return Span(x: x, lo: base, hi: base + y)
                    }
                    let base = negative[x] ?? 0
                    negative[x] = base + y
                    return Span(x: x, lo: base, hi: base + y)
                }
            }
        }
        return out
    }

    struct GroupKey: Hashable { var panel: Int; var axis: Int }
}
