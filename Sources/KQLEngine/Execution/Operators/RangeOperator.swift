import Columnar
import KQLSyntax

/// `range x from a to b step s`: the values a, a+s, ... up to and including b (none when the step
/// points away from b). The row count is worked out without overflow, whatever the bounds: one past
/// `maxRows` (or one that no integer can hold) is `E_LIMIT` at the range's span.
struct RangeOperator {
    let range: BoundRange
    /// Refuses ranges larger than this (a typo in a bound should not exhaust memory).
    static let maxRows = 500_000_000
    /// Rows written between two checks of the deadline and the cancellation switch.
    static let blockRows = 1 << 20

    func execute(_ budget: QueryBudget) throws(KQLError) -> Table {
        func int64(_ v: Value) -> Int64? {
            switch v {
            case .long(let x), .datetime(let x), .timespan(let x): return x
            case .int(let x): return Int64(x)
            default: return nil
            }
        }
        let column: Column
        if range.type == .real {
            guard case .real(let a) = range.from, case .real(let b) = range.to, case .real(let s) = range.step else {
                throw KQLError(.argument, "range bounds and step must not be null", span: range.span)
            }
            guard a.isFinite, b.isFinite, s.isFinite, s != 0 else {
                throw KQLError(
                    .argument, "range bounds and step must be finite, and the step not zero", span: range.span)
            }
            // Steps to the last value; infinite when b - a overflows a double, huge for a tiny step.
            let steps = (b - a) / s
            guard steps < Double(RangeOperator.maxRows) else {
                throw tooLarge(
                    steps.isFinite ? "about " + RealFormat.string(steps.rounded(.down) + 1) : "more than 1.7E+308")
            }
            let count = steps < 0 ? 0 : Int(steps.rounded(.down)) + 1
            try budget.charge(count: count, bytesEach: 8)
            var values: [Double] = []
            values.reserveCapacity(count)
            while values.count < count {
                let end = min(count, values.count + RangeOperator.blockRows)
                for i in values.count..<end { values.append(a + Double(i) * s) }
                try budget.checkDeadline()
            }
            column = Column(reals: values)
        } else {
            guard let a = int64(range.from), let b = int64(range.to), let s = int64(range.step) else {
                throw KQLError(.argument, "range bounds and step must not be null", span: range.span)
            }
            guard s != 0 else { throw KQLError(.argument, "range step must not be zero", span: range.span) }
            let count: Int
            if s > 0 ? b < a : b > a {
                count = 0
            } else {
                // The distance between any two longs fits a UInt64 (min to max included).
                let steps =
                    (s > 0 ? CheckedMath.distance(from: a, to: b) : CheckedMath.distance(from: b, to: a)) / s.magnitude
                guard steps < UInt64(RangeOperator.maxRows) else {
                    throw tooLarge(steps == .max ? "18446744073709551616" : String(steps + 1))
                }
                count = Int(steps) + 1
            }
            try budget.charge(count: count, bytesEach: 8)
            let buffer = DataBuffer(byteCount: count * 8)
            let p = buffer.typed(Int64.self, count: count)
            if count > 0 {
                var v = a
                p[0] = v
                // Every value up to the last lies between a and b, so the checked `+=` never overflows.
                // In blocks, so a long range stops at Ctrl-C or its deadline within one block.
                var i = 1
                while i < count {
                    let end = min(count, i + RangeOperator.blockRows)
                    for j in i..<end { v += s; p[j] = v }
                    i = end
                    try budget.checkDeadline()
                }
            }
            column = Column(type: range.type, count: count, validity: nil, values: buffer)
        }
        return Table([(range.column, column)])
    }

    private func tooLarge(_ rows: String) -> KQLError {
        KQLError(
            .limit, "range would produce \(rows) rows, more than the limit of \(RangeOperator.maxRows)",
            span: range.span,
            hint: "use a larger step or narrower bounds")
    }
}

extension RangeOperator: PhysicalOperator {
    var name: String { "range" }
    /// A source of ascending (or descending) values, which slices of the range could produce apart.
    var traits: OperatorTraits { .rowWise }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        try execute(executor.context.budget)
    }
}
