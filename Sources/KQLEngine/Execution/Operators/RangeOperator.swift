import Columnar
import KQLSyntax

/// `range x from a to b step s`: the values a, a+s, ... up to and including b (none when the step
/// points away from b).
struct RangeOperator {
    let range: BoundRange
    /// Refuses ranges larger than this (a typo in a bound should not exhaust memory).
    static let maxRows = 500_000_000

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
                throw KQLError(.argument, "range bounds and step must not be null")
            }
            guard s != 0, a.isFinite, b.isFinite else { throw KQLError(.argument, "range step must not be zero") }
            let count = (b - a) / s < 0 ? 0 : Int(((b - a) / s).rounded(.down)) + 1
            guard count <= RangeOperator.maxRows else { throw tooLarge(count) }
            try budget.charge(count: count, bytesEach: 8)
            column = Column(reals: (0..<count).map { a + Double($0) * s })
        } else {
            guard let a = int64(range.from), let b = int64(range.to), let s = int64(range.step) else {
                throw KQLError(.argument, "range bounds and step must not be null")
            }
            guard s != 0 else { throw KQLError(.argument, "range step must not be zero") }
            let span = b.subtractingReportingOverflow(a)
            let count = span.overflow || (span.partialValue != 0 && (span.partialValue < 0) != (s < 0)) ? 0
                : Int(span.partialValue / s) + 1
            guard count <= RangeOperator.maxRows else { throw tooLarge(count) }
            try budget.charge(count: count, bytesEach: 8)
            let buffer = DataBuffer(byteCount: count * 8)
            let p = buffer.typed(Int64.self, count: count)
            var v = a
            for i in 0..<count { p[i] = v; v &+= s }
            column = Column(type: range.type, count: count, validity: nil, values: buffer)
        }
        return Table([(range.column, column)])
    }

    private func tooLarge(_ n: Int) -> KQLError {
        KQLError(.limit, "range would produce \(n) rows, more than the limit of \(RangeOperator.maxRows)")
    }
}
