import Columnar
import SeriesAnalysis

/// The element-wise `series_*` functions, one line each over `SeriesAnalysis`: arithmetic
/// (`series_add` ... `series_pow`), comparisons (`series_equals` ... `series_less_equals`) and the
/// one-argument math functions (`series_abs` ... `series_atan`).
///
/// ADX's rule, from each page's *Returns*: the result is as long as the longer input, and a missing,
/// non-numeric or absent (shorter array) element gives null. Either argument may be a number, which is
/// broadcast; a row where neither argument is an array gives null.
enum SeriesElementwise {
    static let arithmetic: [SeriesFunction] = [
        binary("series_add", "Element-wise sum of two series.", .add),
        binary("series_subtract", "Element-wise difference of two series.", .subtract),
        binary("series_multiply", "Element-wise product of two series.", .multiply),
        binary("series_divide", "Element-wise quotient of two series, always real.", .divide),
        binary("series_pow", "Element-wise power of two series, always real.", .power),
    ]

    static let comparisons: [SeriesFunction] = [
        compare("series_equals", "Element-wise `==` of two series.", .equals),
        compare("series_not_equals", "Element-wise `!=` of two series.", .notEquals),
        compare("series_greater", "Element-wise `>` of two series.", .greater),
        compare("series_greater_equals", "Element-wise `>=` of two series.", .greaterOrEqual),
        compare("series_less", "Element-wise `<` of two series.", .less),
        compare("series_less_equals", "Element-wise `<=` of two series.", .lessOrEqual),
    ]

    static let math: [SeriesFunction] = [
        unary("series_abs", "Absolute value of every element.", .abs),
        unary("series_sign", "Sign (-1, 0, 1) of every element.", .sign),
        unary("series_ceiling", "Ceiling of every element.", .ceiling),
        unary("series_floor", "Floor of every element.", .floor),
        unary("series_exp", "e to the power of every element.", .exp),
        unary("series_log", "Natural logarithm of every element.", .log),
        unary("series_sin", "Sine of every element.", .sin),
        unary("series_cos", "Cosine of every element.", .cos),
        unary("series_tan", "Tangent of every element.", .tan),
        unary("series_asin", "Arcsine of every element.", .asin),
        unary("series_acos", "Arccosine of every element.", .acos),
        unary("series_atan", "Arctangent of every element.", .atan),
    ]

    static func binary(_ name: String, _ summary: String, _ op: SeriesAnalysis.ArithmeticOperator) -> SeriesFunction {
        SeriesFunction(name, summary, arity: 2...2, kinds: [.any, .any]) {
            (r: SeriesRow) throws(FunctionError) -> Value in
            guard let (a, b) = operands(r) else { return .dynamic(.null) }
            return SeriesArgument.dynamic(
                try SeriesArgument.run { () throws(SeriesAnalysisError) in try op.apply(a, b) })
        }
    }

    static func compare(_ name: String, _ summary: String, _ op: SeriesAnalysis.ComparisonOperator) -> SeriesFunction {
        SeriesFunction(name, summary, arity: 2...2, kinds: [.any, .any]) {
            (r: SeriesRow) throws(FunctionError) -> Value in
            guard let (a, b) = operands(r) else { return .dynamic(.null) }
            let bools = try SeriesArgument.run { () throws(SeriesAnalysisError) in try op.apply(a, b) }
            return .dynamic(.array(bools.map { $0.map(Dynamic.bool) ?? .null }))
        }
    }

    static func unary(_ name: String, _ summary: String, _ fn: ElementwiseFunction) -> SeriesFunction {
        SeriesFunction(name, summary, arity: 1...1, kinds: [.dynamic]) { r in
            guard let s = SeriesArgument.series(r[0]) else { return .dynamic(.null) }
            return SeriesArgument.dynamic(fn.apply(s))
        }
    }

    /// Both operands, when at least one is an array.
    private static func operands(_ r: SeriesRow) -> (SeriesOperand, SeriesOperand)? {
        let a = SeriesArgument.operand(r[0]), b = SeriesArgument.operand(r[1])
        if case .scalar = a, case .scalar = b { return nil }
        return (a, b)
    }
}
