import Columnar

/// The one type several branch values share (`iff`, `case`, `coalesce`): equal types, or
/// numbers widened to their common type.
enum ResultUnification {
    static func unify(_ name: String, _ args: [ArgumentInfo], positions: [Int]) throws(FunctionError) -> ScalarType {
        var t = args[positions[0]].type
        for p in positions.dropFirst() {
            let u = args[p].type
            if u == t { continue }
            if let c = Numeric.common(t, u) { t = c; continue }
            throw FunctionError(
                .type,
                "\(name)() argument \(p + 1) is \(u.rawValue) but the other results are \(t.rawValue); all results must have one type",
                argument: p)
        }
        return t
    }

    /// `v` as `type` (numbers widened), for a branch whose type differs from the result's.
    static func widen(_ v: Value, to type: ScalarType) -> Value {
        if v.isNull || v.type == type { return v }
        return type.isNumeric ? Numeric.convert(v, to: type) : v
    }
}
