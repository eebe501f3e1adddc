import Columnar
import Foundation
import KQLSyntax

/// `make-series` after binding: rows in range are summarized per group and bin, then each group's bins are
/// laid out as arrays from start to end (exclusive) in steps, with each aggregate's default filling empty bins.
public struct BoundMakeSeries: Sendable {
    /// `where` (when from/to are given) and `summarize aggs by keys, bin`: the summarize output is the keys,
    /// then the bin, then one column per aggregate.
    public var prelude: [BoundOperator]
    public var keyCount: Int
    public var defaults: [Value]
    /// nil: the first bin with data in any series.
    public var start: Value?
    /// nil: one step past the last bin with data in any series.
    public var end: Value?
    public var step: Value
    public var axisType: ScalarType
    /// `kind=nonempty`: an input without rows (and no `by`) still gives one row of default-filled series.
    public var nonEmpty: Bool
    public var schema: Schema
    /// The operator in the query, where a series length it cannot serve is reported.
    public var span: SourceSpan?
}

extension Binder {
    func bindMakeSeries(_ m: MakeSeriesSyntax, schema: Schema, scope: Scope, span: SourceSpan) throws(KQLError)
        -> BoundMakeSeries
    {
        var nonEmpty = false
        for o in m.options where o.name.lowercased() == "kind" {
            guard case .name(let n) = o.value, n.name.lowercased() == "nonempty" else {
                throw KQLError(.argument, "make-series kind must be nonempty", span: o.span)
            }
            nonEmpty = true
        }
        let axis = try bindScalar(m.axis, schema: schema, scope: scope)
        guard [.datetime, .timespan, .long, .int, .real, .decimal].contains(axis.type) else {
            throw KQLError(
                .type, "the make-series axis must be a datetime, timespan or number, but it is \(axis.type.rawValue)",
                span: m.axis.span)
        }
        func constant(_ e: ExpressionSyntax?, _ what: String) throws(KQLError) -> Value? {
            guard let e else { return nil }
            let b = try bindScalar(e, schema: Schema([]), scope: scope)
            guard let v = b.constantValue, !v.isNull else {
                throw KQLError(.argument, "the make-series \(what) must be a constant", span: e.span)
            }
            guard let c = Cast.value(v, to: axis.type, mode: .implicit) else {
                throw KQLError(
                    .type, "the make-series \(what) must be a \(axis.type.rawValue) like the axis", span: e.span)
            }
            return c
        }
        var start = try constant(m.from, "start")
        var end = try constant(m.to, "end")
        let stepSyntax = m.step
        let stepBound = try bindScalar(stepSyntax, schema: Schema([]), scope: scope)
        guard let step = stepBound.constantValue, MakeSeriesAxis.positive(step) else {
            throw KQLError(.argument, "the make-series step must be a positive constant", span: stepSyntax.span)
        }
        if m.rangeForm, let s = start, let e = end {
            // `in range(start, stop, step)`: bins aligned by bin(), from start's bin through stop's bin.
            start = MakeSeriesAxis.binned(s, step)
            end = MakeSeriesAxis.binned(e, step).flatMap { MakeSeriesAxis.adding($0, step) }
        }

        // Lowered to where + summarize over (keys, bin); the layout into arrays happens when it runs.
        var prelude: [BoundOperator] = []
        let at = m.axis.span
        var conditions: [ExpressionSyntax] = []
        if let f = m.from { conditions.append(.binary(op: .greaterOrEqual, left: m.axis, right: f, span: at)) }
        if let t = m.to {
            conditions.append(.binary(op: m.rangeForm ? .lessOrEqual : .less, left: m.axis, right: t, span: at))
        }
        if let first = conditions.first {
            let predicate = conditions.dropFirst().reduce(first) { .binary(op: .and, left: $0, right: $1, span: at) }
            prelude.append(.where(BoundWhere(predicate: try bindScalar(predicate, schema: schema, scope: scope))))
        }
        let binCall: ExpressionSyntax =
            m.from.flatMap { m.rangeForm ? nil : $0 }.map {
                .call(
                    name: NameSyntax("bin_at", span: at),
                    arguments: [.init(value: m.axis), .init(value: stepSyntax), .init(value: $0)], span: at)
            }
            ?? .call(
                name: NameSyntax("bin", span: at), arguments: [.init(value: m.axis), .init(value: stepSyntax)], span: at
            )
        let binName = "$series_bin"
        // A constant in place of an aggregation (the page's `other=-1 default=-2`) is the value of every bin
        // that has rows, and the default elsewhere: it is summarized as take_any of the constant.
        let aggregations = m.aggregates.map { a -> AssignmentSyntax in
            let value = Binder.unparenthesized(a.assignment.value)
            if case .call = value { return a.assignment }
            guard (try? bindScalar(value, schema: Schema([]), scope: scope))?.constantValue != nil else {
                return a.assignment
            }
            let span = value.span
            return AssignmentSyntax(
                names: a.assignment.names,
                value: .call(name: NameSyntax("take_any", span: span), arguments: [.init(value: value)], span: span))
        }
        let summarize = SummarizeSyntax(
            options: [], aggregates: aggregations,
            by: m.by + [AssignmentSyntax(names: [NameSyntax(binName, span: at)], value: binCall)])
        let s = try bindSummarize(summarize, schema: schema, scope: scope)
        prelude.append(.summarize(s))
        let keyCount = m.by.count
        let aggFields = Array(s.schema.fields.dropFirst(keyCount + 1))
        guard aggFields.count == m.aggregates.count else {
            throw KQLError(.unsupported, "make-series supports aggregations that produce one column each", span: span)
        }
        var defaults: [Value] = []
        for (k, a) in m.aggregates.enumerated() {
            guard let d = a.defaultValue else {
                defaults.append(aggFields[k].type == .real ? .real(0) : .long(0)); continue
            }
            let b = try bindScalar(d, schema: Schema([]), scope: scope)
            guard let v = b.constantValue else {
                throw KQLError(.argument, "a make-series default must be a constant", span: d.span)
            }
            defaults.append(v)
        }
        let axisName = ColumnNamer.derivedName(m.axis) ?? "axis"
        var fields = Array(s.schema.fields.prefix(keyCount))
        fields += aggFields.map { Field($0.name, .dynamic) }
        fields.append(Field(axisName, .dynamic))
        return BoundMakeSeries(
            prelude: prelude, keyCount: keyCount, defaults: defaults, start: start, end: end, step: step,
            axisType: axis.type, nonEmpty: nonEmpty, schema: Schema(fields), span: span)
    }
}

/// Arithmetic on make-series axis values: whole numbers (ticks for datetime and timespan) or reals.
enum MakeSeriesAxis {
    static func positive(_ v: Value) -> Bool {
        switch v {
        case .long(let x), .timespan(let x): return x > 0
        case .int(let x): return x > 0
        case .real(let x): return x > 0 && x.isFinite
        case .decimal(let x): return x > 0
        default: return false
        }
    }

    /// The value as a number on one scale (datetime and timespan in their stored units).
    static func number(_ v: Value) -> Double? {
        switch v {
        case .long(let x), .datetime(let x), .timespan(let x): return Double(x)
        case .int(let x): return Double(x)
        case .real(let x): return x
        case .decimal(let x): return NSDecimalNumber(decimal: x).doubleValue
        default: return nil
        }
    }

    /// `bin(v, step)`: v rounded down to a multiple of step; nil when it does not fit.
    static func binned(_ v: Value, _ step: Value) -> Value? {
        if let x = whole(v), let st = whole(step), st > 0 {
            let q = x / st - ((x % st != 0 && x < 0) ? 1 : 0)
            let (r, overflow) = q.multipliedReportingOverflow(by: st)
            guard !overflow else { return nil }
            switch v {
            case .datetime: return .datetime(r);
            case .timespan: return .timespan(r);
            default: return .long(r)
            }
        }
        guard let x = number(v), let st = number(step), st > 0 else { return nil }
        return .real((x / st).rounded(.down) * st)
    }

    /// `v + step` on the axis; nil when it does not fit.
    static func adding(_ v: Value, _ step: Value) -> Value? {
        if let x = whole(v), let st = whole(step) {
            let (r, overflow) = x.addingReportingOverflow(st)
            guard !overflow else { return nil }
            switch v {
            case .datetime: return .datetime(r);
            case .timespan: return .timespan(r);
            default: return .long(r)
            }
        }
        guard let x = number(v), let st = number(step) else { return nil }
        return .real(x + st)
    }

    static func whole(_ v: Value) -> Int64? {
        switch v {
        case .long(let x), .datetime(let x), .timespan(let x): return x
        case .int(let x): return Int64(x)
        default: return nil
        }
    }
}
