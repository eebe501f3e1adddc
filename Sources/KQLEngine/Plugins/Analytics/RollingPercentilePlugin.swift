import Columnar
import KQLSyntax

/// `evaluate rolling_percentile(ValueColumn, Percentile, IndexColumn, BinSize, BinsPerWindow [, dim1, ...])`:
/// for each bin of the index (from the group's first bin with data to its last) and each combination of the
/// dimensions, the percentile of the values in the window of `BinsPerWindow` bins ending at that bin
/// (inclusive), as `percentile` computes it. The result column is `rolling_<bins>_percentile_<value>_<pct>`.
struct RollingPercentilePlugin: TabularPlugin {
    let name = "rolling_percentile"

    private struct Parsed {
        var value: Int, index: Int, dims: [Int], percent: Double, bin: Value, bins: Int
    }

    private func parse(_ input: Schema, _ arguments: PluginArguments) throws(KQLError) -> Parsed {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let value = try a.column(0, "ValueColumn", in: input), index = try a.column(2, "IndexColumn", in: input)
        guard let p = MakeSeriesAxis.number(ValueOrder.unwrap(try a.value(1, "Percentile"))), p >= 0, p <= 100 else {
            throw KQLError(
                .argument, "rolling_percentile(): the percentile must be a number between 0 and 100",
                span: arguments.span)
        }
        let bin = ValueOrder.unwrap(try a.value(3, "BinSize"))
        guard MakeSeriesAxis.positive(bin) else {
            throw KQLError(.argument, "rolling_percentile(): BinSize must be a positive constant", span: arguments.span)
        }
        guard let bins = MakeSeriesAxis.whole(ValueOrder.unwrap(try a.value(4, "BinsPerWindow"))), bins >= 1,
            bins <= 1 << 20
        else {
            throw KQLError(
                .argument, "rolling_percentile(): BinsPerWindow must be a positive whole number", span: arguments.span)
        }
        return Parsed(
            value: value, index: index, dims: try a.columns(from: 5, in: input), percent: p, bin: bin, bins: Int(bins))
    }

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let p = try parse(input, arguments)
        let valueType = input.fields[p.value].type == .int ? ScalarType.long : input.fields[p.value].type
        let column =
            "rolling_\(p.bins)_percentile_\(input.fields[p.value].name)_\(PercentileAggregate.label(p.percent))"
        return Schema([input.fields[p.index]] + p.dims.map { input.fields[$0] } + [Field(column, valueType)])
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let p = try parse(input.schema, arguments)
        let schema = try outputSchema(input: input.schema, arguments: arguments)!
        let valueType = schema.fields[schema.fields.count - 1].type
        // Per dimension combination: the values of each bin, keyed by the bin's position on the index.
        var groupOf: [[Value]: Int] = [:], keys: [[Value]] = []
        var bins: [[Int64: [(value: Value, key: Double, weight: Int64)]]] = []
        var binStart: [Int64: Value] = [:]
        for r in 0..<input.rowCount {
            let x = ValueOrder.unwrap(input.columns[p.index].value(r)),
                v = ValueOrder.unwrap(input.columns[p.value].value(r))
            guard !v.isNull, let key = SketchCodec.double(v), !key.isNaN, let b = MakeSeriesAxis.binned(x, p.bin),
                let slot = position(b, p.bin)
            else { continue }
            binStart[slot] = b
            let dims = p.dims.map { input.columns[$0].value(r) }
            let g: Int
            if let found = groupOf[dims] {
                g = found
            } else {
                g = keys.count; groupOf[dims] = g; keys.append(dims); bins.append([:])
            }
            bins[g][slot, default: []].append((v, key, 1))
        }
        var out = ResultBuilder(schema: schema, budget: arguments.budget)
        for g in keys.indices {
            guard let first = bins[g].keys.min(), let last = bins[g].keys.max() else { continue }
            let (width, overflow) = last.subtractingReportingOverflow(first)
            guard !overflow, width < 1 << 20 else {
                throw KQLError(
                    .limit, "rolling_percentile(): the index spans more than \(1 << 20) bins", span: arguments.span,
                    hint: "use a larger BinSize")
            }
            var slot = first
            while slot <= last {
                var window: [(value: Value, key: Double, weight: Int64)] = []
                // slot - first < 2^20, so the window's first bin is computed without overflow.
                for s in (slot - min(slot - first, Int64(p.bins) - 1))...slot { window += bins[g][s] ?? [] }
                let start = binStart[slot] ?? start(of: slot, p.bin, like: binStart[first]!)
                try out.append(
                    [start] + keys[g] + PercentileAggregate.percentiles(window, [p.percent], type: valueType))
                slot += 1
            }
        }
        return PluginResult(table: out.finish())
    }

    /// The bin's number on the index (its start divided by the bin size).
    private func position(_ start: Value, _ bin: Value) -> Int64? {
        if let s = MakeSeriesAxis.whole(start), let b = MakeSeriesAxis.whole(bin), b > 0 { return s / b }
        guard let s = MakeSeriesAxis.number(start), let b = MakeSeriesAxis.number(bin), b > 0 else { return nil }
        let k = (s / b).rounded()
        return k.magnitude < 9e15 ? Int64(k) : nil
    }

    /// The start of bin number `slot`, of the same type as `sample`.
    private func start(of slot: Int64, _ bin: Value, like sample: Value) -> Value {
        if let b = MakeSeriesAxis.whole(bin) {
            let (t, overflow) = slot.multipliedReportingOverflow(by: b)
            if overflow { return .null }
            switch sample {
            case .datetime: return .datetime(t);
            case .timespan: return .timespan(t);
            default: return .long(t)
            }
        }
        return .real(Double(slot) * (MakeSeriesAxis.number(bin) ?? 1))
    }
}
