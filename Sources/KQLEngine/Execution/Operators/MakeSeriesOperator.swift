import Columnar
import KQLSyntax

/// `make-series`: runs the bound where + summarize, then lays each group's bins out as dynamic arrays from
/// start to end (exclusive), filling bins without data with the aggregate's default.
struct MakeSeriesOperator {
    let bound: BoundMakeSeries
    /// A series longer than this is a mistake in the step (and would exhaust memory).
    static let maxBins = 10_000_000

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        var t = input
        for op in bound.prelude { t = try executor.apply(op, to: t) }
        let n = bound.keyCount, binColumn = n, aggCount = bound.defaults.count
        var groupIndex: [[Value]: Int] = [:]
        var groups: [[Value]] = []
        var rowGroup: [Int] = []
        for r in 0..<t.rowCount {
            let key = (0..<n).map { t.columns[$0].value(r) }
            if let g = groupIndex[key] { rowGroup.append(g) } else {
                groupIndex[key] = groups.count; rowGroup.append(groups.count); groups.append(key)
            }
        }
        let bins = (0..<t.rowCount).map { t.columns[binColumn].value($0) }
        let whole = MakeSeriesAxis.whole(bound.step) != nil && [.datetime, .timespan, .long, .int].contains(bound.axisType)
        let data = bins.compactMap(MakeSeriesAxis.number)
        guard let startNumber = bound.start.flatMap(MakeSeriesAxis.number) ?? data.min() else {
            // No start and no axis value: no bins, and no row falls in one (there may be rows, all with a null axis).
            return try layout(groups: bound.nonEmpty && n == 0 ? [[]] : groups, start: 0, startWhole: nil, count: 0, t: t,
                              rowGroup: rowGroup, bins: [Int?](repeating: nil, count: rowGroup.count))
        }
        let stepNumber = MakeSeriesAxis.number(bound.step) ?? 1
        // Datetimes do not fit a Double exactly: whole axes keep their start as a whole number.
        let wholeBins = bins.compactMap(MakeSeriesAxis.whole)
        let startWhole: Int64? = whole ? (bound.start.flatMap(MakeSeriesAxis.whole) ?? wholeBins.min()) : nil
        let endNumber = bound.end.flatMap(MakeSeriesAxis.number) ?? ((data.max() ?? startNumber) + stepNumber)
        var count = 0
        if endNumber > startNumber {
            if let s = startWhole, let st = MakeSeriesAxis.whole(bound.step),
               let e = bound.end.flatMap(MakeSeriesAxis.whole) ?? wholeBins.max().map({ $0 + st }) {
                count = Int((e - s + st - 1) / st)
            } else {
                count = Int(((endNumber - startNumber) / stepNumber).rounded(.up))
            }
        }
        guard count <= MakeSeriesOperator.maxBins else {
            throw KQLError(.argument, "make-series would build \(count) bins per series; use a larger step or a narrower range")
        }
        let indices: [Int?] = bins.map { b in
            guard let x = MakeSeriesAxis.number(b) else { return nil }
            if let s = startWhole, let xi = MakeSeriesAxis.whole(b), let st = MakeSeriesAxis.whole(bound.step) {
                let d = xi - s
                return d < 0 ? nil : Int(d / st)
            }
            let k = ((x - startNumber) / stepNumber).rounded(.down)
            return k >= 0 && k < Double(count) ? Int(k) : nil
        }
        _ = aggCount
        return try layout(groups: groups.isEmpty && bound.nonEmpty && n == 0 ? [[]] : groups, start: startNumber,
                          startWhole: startWhole, count: count,
                          t: t, rowGroup: rowGroup, bins: indices)
    }

    private func layout(groups: [[Value]], start: Double, startWhole: Int64?, count: Int, t: Table, rowGroup: [Int], bins: [Int?]) throws(KQLError) -> Table {
        let n = bound.keyCount
        var series: [[[Dynamic]]] = groups.map { _ in bound.defaults.map { [Dynamic](repeating: $0.asDynamic, count: count) } }
        for r in 0..<rowGroup.count {
            guard let b = bins[r], b < count else { continue }
            for a in bound.defaults.indices { series[rowGroup[r]][a][b] = t.columns[n + 1 + a].value(r).asDynamic }
        }
        let axis = Dynamic.array((0..<count).map { axisValue(start, startWhole, $0) })
        var builders = bound.schema.fields.map { ColumnBuilder(type: $0.type, capacity: groups.count) }
        for (g, key) in groups.enumerated() {
            for k in 0..<n { builders[k].append(key[k]) }
            for a in bound.defaults.indices { builders[n + a].append(dynamic: .array(series[g][a])) }
            builders[n + bound.defaults.count].append(dynamic: axis)
        }
        return Table(schema: bound.schema, columns: builders.indices.map { builders[$0].finish() }, rowCount: groups.count)
    }

    private func axisValue(_ start: Double, _ startWhole: Int64?, _ i: Int) -> Dynamic {
        if let st = MakeSeriesAxis.whole(bound.step), let s = startWhole {
            let x = s + Int64(i) * st
            switch bound.axisType {
            case .datetime: return .datetime(x)
            case .timespan: return .timespan(x)
            case .real, .decimal: return .real(Double(x))
            default: return .long(x)
            }
        }
        let x = start + Double(i) * (MakeSeriesAxis.number(bound.step) ?? 1)
        return .real(x)
    }
}
