import Columnar

/// The charts over an x axis, following `render`'s data model: one x column, series columns whose
/// combined values name a series, and y columns measured per x value.
extension ChartBuilder {
    func xy() throws(ChartError) -> (roles: ChartRoles, content: ChartContent) {
        let kind = request.kind
        let declaredY = try indices(of: request.yColumns, for: .ycolumns)
        let declaredSeries = try indices(of: request.series, for: .series)
        let anomalyColumns = kind == .anomalychart ? try indices(of: request.anomalyColumns, for: .anomalycolumns) : []
        let declared = declaredY + declaredSeries + anomalyColumns
        let x = try xColumn(declared: declared, declaredY: declaredY)
        let arrays = shapes[x].isArray

        // y: `ycolumns`, or every remaining numeric column (arrays of numbers for make-series results).
        let measurable: ColumnShape = arrays ? .numberArray : .number
        var y: [Int]
        if !declaredY.isEmpty {
            for i in declaredY where shapes[i] != measurable {
                throw wrongType(
                    i, .ycolumns, needs: arrays ? "an array of numbers (like the x column's array)" : "a numeric column"
                )
            }
            y = declaredY.filter { $0 != x }
        } else {
            y = shapes.indices.filter { shapes[$0] == measurable && $0 != x && !declared.contains($0) }
        }
        guard !y.isEmpty else {
            throw missing(arrays ? "a column of numeric arrays to plot" : "a numeric column to plot")
        }
        for i in anomalyColumns where shapes[i] != measurable {
            throw wrongType(i, .anomalycolumns, needs: arrays ? "an array of numbers" : "a numeric column")
        }

        // Series: `series`, then the other non-numeric columns; a timechart groups by one string column.
        var series = declaredSeries.filter { $0 != x }
        let rest = shapes.indices.filter { i in
            i != x && !y.contains(i) && !declared.contains(i) && shapes[i] != .number && !shapes[i].isArray
        }
        if kind.needsTimeX {
            if series.isEmpty, let first = rest.first(where: { shapes[$0] == .text }) { series = [first] }
        } else {
            series += rest
        }
        let used = [x] + y + series + anomalyColumns
        let roles = ChartRoles(
            x: names[x], series: series.map { names[$0] }, y: y.map { names[$0] }, ignored: unused(used))
        return (roles, .xy(xyContent(x: x, y: y, series: series, anomalies: anomalyColumns)))
    }

    /// The x column: `xcolumn`, or the first column that works for the kind (ADX: "the user agent picks
    /// the first column that works for the visualization"; for a timechart, the first datetime column).
    func xColumn(declared: [Int], declaredY: [Int]) throws(ChartError) -> Int {
        let kind = request.kind
        if let name = request.xColumn {
            let i = try index(of: name, for: .xcolumn)
            if kind.needsTimeX, shapes[i].element != .datetime {
                throw wrongType(i, .xcolumn, needs: "a datetime column (or an array of datetimes)")
            }
            if shapes[i] == .geoPoint { throw wrongType(i, .xcolumn, needs: "numbers, datetimes or labels") }
            return i
        }
        let candidates = shapes.indices.filter { !declared.contains($0) && shapes[$0] != .geoPoint }
        // A make-series result: x is the array of datetimes (else the first array).
        if let i = candidates.first(where: { shapes[$0] == .datetimeArray }) { return i }
        if kind.needsTimeX {
            if let i = candidates.first(where: { shapes[$0] == .datetime }) { return i }
            throw missing("a datetime column for its x axis")
        }
        if let i = candidates.first(where: { shapes[$0].isArray }) { return i }
        // Columns and bars take the first column as it is (text, datetime or number). Lines, areas and
        // points want a continuous x, but not the only number: then nothing would be left to plot.
        let numbers = shapes.indices.filter { shapes[$0] == .number && !declared.contains($0) }
        let leavesY = { (i: Int) in !declaredY.isEmpty || numbers.contains { $0 != i } }
        let continuousX = kind != .columnchart && kind != .barchart
        if continuousX, let i = candidates.first(where: { shapes[$0].isContinuous && leavesY($0) }) { return i }
        if let i = candidates.first(where: leavesY) { return i }
        if let i = candidates.first { return i }
        throw missing("a column for its x axis")
    }

    /// One row's contribution to every y column of its series.
    private struct Sample {
        var x: Double
        var ys: [Double?]
        var anomaly: Double?
    }

    func xyContent(x: Int, y: [Int], series: [Int], anomalies: [Int]) -> XYChart {
        let kind = request.kind
        let xShape = shapes[x]
        // Columns and bars over numbers stand side by side as categories, in ascending order (bins of a
        // histogram, sizes of a benchmark); over time they keep a time axis, where gaps mean something.
        let numberCategories = (kind == .columnchart || kind == .barchart) && xShape == .number
        let xValues: AxisValues
        switch xShape.element {
        case .number: xValues = numberCategories ? .category : .number
        case .datetime: xValues = .datetime
        case .timespan: xValues = .timespan
        default: xValues = .category
        }
        var categories: [String] = [], categoryIndex: [String: Int] = [:]
        let xc = table.columns[x]
        var numberIndex: [Double: Int] = [:]
        if numberCategories {
            var values = Set<Double>()
            for row in 0..<table.rowCount { if let v = ChartValues.continuous(xc, row) { values.insert(v) } }
            for v in values.sorted() {
                numberIndex[v] = categories.count
                categories.append(
                    v == v.rounded() && v.magnitude < 1e15 ? NumberText.grouped(v, decimals: 0) : NumberText.plain(v))
            }
        }
        var keys: [[String]] = [], keyIndex: [[String]: Int] = [:], samples: [[Sample]] = []
        for row in 0..<table.rowCount {
            let k = key(series, row)
            let s: Int
            if let found = keyIndex[k] {
                s = found
            } else {
                s = keys.count; keyIndex[k] = s; keys.append(k); samples.append([])
            }
            if xShape.isArray {
                let xs = ChartValues.array(xc, row)
                let ys = y.map { ChartValues.array(table.columns[$0], row) }
                let marks = anomalies.first.map { ChartValues.array(table.columns[$0], row) }
                for (j, xv) in xs.enumerated() {
                    guard let xv else { continue }
                    samples[s].append(
                        Sample(
                            x: xv, ys: ys.map { j < $0.count ? $0[j] : nil },
                            anomaly: marks.flatMap { j < $0.count ? $0[j] : nil }))
                }
            } else {
                let xv: Double
                if numberCategories {
                    guard let v = ChartValues.continuous(xc, row), let c = numberIndex[v] else { continue }
                    xv = Double(c)
                } else if xValues == .category {
                    let label = ChartValues.label(xc, row)
                    if let c = categoryIndex[label] {
                        xv = Double(c)
                    } else {
                        xv = Double(categories.count); categoryIndex[label] = categories.count; categories.append(label)
                    }
                } else {
                    guard let v = ChartValues.continuous(xc, row) else { continue }
                    xv = v
                }
                samples[s].append(
                    Sample(
                        x: xv, ys: y.map { ChartValues.continuous(table.columns[$0], row) },
                        anomaly: anomalies.first.flatMap { ChartValues.continuous(table.columns[$0], row) }))
            }
        }

        let groups = splitGroups(y: y, keys: keys)
        var out: [ChartSeries] = []
        for (s, k) in keys.enumerated() {
            var rows = samples[s]
            // Lines are drawn in x order; categories keep the order of the rows.
            if xValues != .category { rows.sort { $0.x < $1.x } }
            if request.accumulate {
                var sums = [Double](repeating: 0, count: y.count)
                for r in rows.indices {
                    for j in y.indices {
                        if let v = rows[r].ys[j] { sums[j] += v; rows[r].ys[j] = sums[j] }
                    }
                }
            }
            for (j, yc) in y.enumerated() {
                // The y column is in the name only when nothing else tells the series apart: panels and
                // axes split by column already name it, and a series then keeps one colour across them.
                let columnShown = y.count > 1 && !(request.ySplit != .none && groups.byColumn)
                let name =
                    k.isEmpty
                    ? names[yc]
                    : (columnShown ? k.joined(separator: ", ") + ": " + names[yc] : k.joined(separator: ", "))
                let points = rows.map { ChartPoint(x: $0.x, y: $0.ys[j]) }
                // Anomaly marks sit on the first measured column of the series, where the flag is not zero.
                let marks: [AnomalyMark] =
                    j == 0
                    ? rows.compactMap { r in
                        guard let a = r.anomaly, a != 0, let v = r.ys[0] else { return nil }
                        return AnomalyMark(x: r.x, y: v, direction: a)
                    } : []
                let group = groups.index(j, k)
                out.append(
                    ChartSeries(
                        name: name, key: k, yColumn: names[yc], points: points, anomalies: marks,
                        panel: request.ySplit == .panels ? group : 0,
                        axis: request.ySplit == .axes ? group : 0))
            }
        }
        let mark: XYChart.Mark
        var stacking = XYChart.Stacking.none
        switch kind {
        case .areachart, .stackedareachart: mark = .area
        case .scatterchart: mark = .point
        case .columnchart: mark = .column
        case .barchart: mark = .bar
        default: mark = .line
        }
        if kind == .stackedareachart { stacking = .stacked }
        if mark == .area || mark == .column || mark == .bar {
            if request.variant == .stacked { stacking = .stacked }
            if request.variant == .stacked100 { stacking = .stacked100 }
        }
        let names = groups.names
        return XYChart(
            mark: mark, stacking: stacking, xValues: xValues, categories: categories, series: out,
            panels: request.ySplit == .panels ? names : [""],
            axes: request.ySplit == .axes ? names : [""],
            anomalyColumns: anomalies.map { self.names[$0] })
    }

    /// `ysplit`: one group per y column when there are several, else one per series; at most five
    /// (ADX: "Maximum five panels"), the rest sharing the fifth.
    static let maxSplits = 5

    private struct SplitGroups {
        let byColumn: Bool
        let keyGroup: [[String]: Int]
        let names: [String]
        func index(_ column: Int, _ key: [String]) -> Int {
            byColumn ? min(column, ChartBuilder.maxSplits - 1) : keyGroup[key] ?? 0
        }
    }

    private func splitGroups(y: [Int], keys: [[String]]) -> SplitGroups {
        let limit = ChartBuilder.maxSplits
        func capped(_ all: [String]) -> [String] {
            guard all.count > limit else { return all }
            return Array(all.prefix(limit - 1)) + ["\(all[limit - 1]) and \(all.count - limit) more"]
        }
        if y.count > 1 || keys.count <= 1 {
            return SplitGroups(byColumn: true, keyGroup: [:], names: capped(y.map { names[$0] }))
        }
        var groups: [[String]: Int] = [:]
        for (i, k) in keys.enumerated() { groups[k] = min(i, limit - 1) }
        return SplitGroups(byColumn: false, keyGroup: groups, names: capped(keys.map { $0.joined(separator: ", ") }))
    }
}
