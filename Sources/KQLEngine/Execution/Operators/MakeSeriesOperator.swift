import Columnar
import KQLSyntax

/// `make-series`: runs the bound where + summarize, then lays each group's bins out as dynamic arrays from
/// start to end (exclusive), filling bins without data with the aggregate's default.
struct MakeSeriesOperator {
    let bound: BoundMakeSeries
    /// `bound.prelude` as plan nodes, each accounted on its own.
    let prelude: [PlanNode]
    /// A series longer than this is a mistake in the step (and would exhaust memory).
    static let maxBins = 10_000_000

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        var t = input
        for node in prelude { t = try executor.run(node, input: t) }
        let n = bound.keyCount, binColumn = n
        var groupIndex: [[Value]: Int] = [:]
        var groups: [[Value]] = []
        var rowGroup: [Int] = []
        for r in 0..<t.rowCount {
            if r % 65536 == 65535 { try executor.context.budget.checkDeadline() }
            let key = (0..<n).map { t.columns[$0].value(r) }
            if let g = groupIndex[key] {
                rowGroup.append(g)
            } else {
                groupIndex[key] = groups.count; rowGroup.append(groups.count); groups.append(key)
            }
        }
        let bins = (0..<t.rowCount).map { t.columns[binColumn].value($0) }
        let whole =
            MakeSeriesAxis.whole(bound.step) != nil && [.datetime, .timespan, .long, .int].contains(bound.axisType)
        let data = bins.compactMap(MakeSeriesAxis.number)
        guard let startNumber = bound.start.flatMap(MakeSeriesAxis.number) ?? data.min() else {
            // No start and no axis value: no bins, and no row falls in one (there may be rows, all with a null axis).
            return try layout(
                groups: bound.nonEmpty && n == 0 ? [[]] : groups, start: 0, startWhole: nil, count: 0, t: t,
                rowGroup: rowGroup, bins: [Int?](repeating: nil, count: rowGroup.count),
                budget: executor.context.budget)
        }
        let stepNumber = MakeSeriesAxis.number(bound.step) ?? 1
        // Datetimes do not fit a Double exactly: whole axes keep their start as a whole number.
        let wholeBins = bins.compactMap(MakeSeriesAxis.whole)
        let startWhole: Int64? = whole ? (bound.start.flatMap(MakeSeriesAxis.whole) ?? wholeBins.min()) : nil
        let count: Int
        let indices: [Int?]
        if let s = startWhole, let st = MakeSeriesAxis.whole(bound.step) {
            // Bins and bounds may lie anywhere in the long range: distances are taken as UInt64, where
            // every one fits, and never as differences that could overflow.
            let steps: UInt64
            if let e = bound.end.flatMap(MakeSeriesAxis.whole) {
                steps = e > s ? (CheckedMath.distance(from: s, to: e) - 1) / st.magnitude + 1 : 0
            } else if let last = wholeBins.max() {
                // The whole long range in steps of 1 is one more step than UInt64 holds: saturate (it is refused below).
                let q = last >= s ? CheckedMath.distance(from: s, to: last) / st.magnitude : 0
                steps = last >= s ? (q == UInt64.max ? q : q + 1) : 0
            } else {
                steps = 1  // a start without data: one step from it
            }
            count = try binCount(steps < UInt64(MakeSeriesOperator.maxBins) ? Int(steps) : nil, about: Double(steps))
            indices = bins.map { b in
                guard let x = MakeSeriesAxis.whole(b), x >= s else { return nil }
                let k = CheckedMath.distance(from: s, to: x) / st.magnitude
                return k < UInt64(count) ? Int(k) : nil
            }
        } else {
            let endNumber = bound.end.flatMap(MakeSeriesAxis.number) ?? ((data.max() ?? startNumber) + stepNumber)
            // Infinite when the bounds are far apart and the step tiny: refused, never converted.
            let steps = endNumber > startNumber ? ((endNumber - startNumber) / stepNumber).rounded(.up) : 0
            count = try binCount(steps < Double(MakeSeriesOperator.maxBins) ? Int(steps) : nil, about: steps)
            indices = bins.map { b in
                guard let x = MakeSeriesAxis.number(b) else { return nil }
                let k = ((x - startNumber) / stepNumber).rounded(.down)
                return k >= 0 && k < Double(count) ? Int(k) : nil
            }
        }
        return try layout(
            groups: groups.isEmpty && bound.nonEmpty && n == 0 ? [[]] : groups, start: startNumber,
            startWhole: startWhole, count: count,
            t: t, rowGroup: rowGroup, bins: indices, budget: executor.context.budget)
    }

    private func layout(
        groups: [[Value]], start: Double, startWhole: Int64?, count: Int, t: Table, rowGroup: [Int], bins: [Int?],
        budget: QueryBudget
    ) throws(KQLError) -> Table {
        let n = bound.keyCount
        // Every series holds `count` boxed values, one series per group and aggregate, plus the axis.
        let seriesCount = MemorySize.sum(MemorySize.product(groups.count, bound.defaults.count), 1)
        try budget.charge(
            count: MemorySize.product(seriesCount, count),
            bytesEach: MemoryLayout<Dynamic>.stride + MemorySize.dynamicBox)
        var series: [[[Dynamic]]] = groups.map { _ in
            bound.defaults.map { [Dynamic](repeating: $0.asDynamic, count: count) }
        }
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
        return Table(
            schema: bound.schema, columns: builders.indices.map { builders[$0].finish() }, rowCount: groups.count)
    }

    /// The bin count, or `E_LIMIT` for one past `maxBins` (`steps` nil).
    private func binCount(_ steps: Int?, about: Double) throws(KQLError) -> Int {
        guard let steps else {
            throw KQLError(
                .limit,
                "make-series would build \(about.isFinite ? "about " + RealFormat.string(about) : "more than 1.7E+308") bins per series, more than the limit of \(MakeSeriesOperator.maxBins)",
                span: bound.span, hint: "use a larger step or a narrower range (from ... to ...)")
        }
        return steps
    }

    private func axisValue(_ start: Double, _ startWhole: Int64?, _ i: Int) -> Dynamic {
        if let st = MakeSeriesAxis.whole(bound.step), let s = startWhole {
            // s + i·st lies between the start and the last bin (or the end), so it fits an Int64, while
            // i·st alone may not (a range wider than 2^63): summed modulo 2^64, the result is exact.
            let x = Int64(bitPattern: UInt64(bitPattern: s) &+ UInt64(i) &* UInt64(bitPattern: st))
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

extension MakeSeriesOperator: PhysicalOperator {
    var name: String { "make-series" }
    var traits: OperatorTraits { [] }
}
