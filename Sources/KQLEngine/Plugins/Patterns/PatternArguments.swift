import Columnar
import KQLSyntax

/// The optional arguments the pattern-mining plugins share, each of which `'~'` leaves at its default.
struct PatternArguments {
    let plugin: String
    let arguments: PluginArguments

    /// Positional argument `i` as a constant, nil when it is absent or `'~'`.
    func optional(_ i: Int) throws(KQLError) -> Value? {
        guard i < arguments.positional.count else { return nil }
        guard case .value(let v, _) = arguments.positional[i] else {
            throw KQLError(.argument, "\(plugin)(): argument \(i + 1) must be a constant", span: arguments.span)
        }
        if case .string("~") = v { return nil }
        return ValueOrder.unwrap(v)
    }

    /// A ratio between 0.015 and 1 (the pages' range), `fallback` by default.
    func threshold(_ i: Int, _ what: String, fallback: Double = 0.05) throws(KQLError) -> Double {
        guard let v = try optional(i) else { return fallback }
        guard let x = MakeSeriesAxis.number(v), x >= 0.015, x <= 1 else {
            throw KQLError(
                .argument,
                "\(plugin)(): the \(what) (argument \(i + 1)) must be a number from 0.015 to 1; got \(v.text)",
                span: arguments.span)
        }
        return x
    }

    /// A whole number in `range`, `fallback` by default.
    func count(_ i: Int, _ what: String, in range: ClosedRange<Int>, fallback: Int) throws(KQLError) -> Int {
        guard let v = try optional(i) else { return fallback }
        guard let x = MakeSeriesAxis.whole(v), x >= range.lowerBound, x <= range.upperBound else {
            throw KQLError(
                .argument,
                "\(plugin)(): the \(what) (argument \(i + 1)) must be a whole number from "
                    + "\(range.lowerBound) to \(range.upperBound); got \(v.text)", span: arguments.span)
        }
        return Int(x)
    }

    /// The segment table of `basket` and `autocluster`: `SegmentId`, `Count`, `Percent`, then the input's
    /// columns without the weight column named by argument `weightArgument`.
    func segmentSchema(_ input: Schema, weightArgument: Int) throws(KQLError) -> Schema {
        let weight = try weightColumn(weightArgument, in: input)
        return Schema(
            [Field("SegmentId", .long), Field("Count", .long), Field("Percent", .real)]
                + input.fields.indices.filter { $0 != weight }.map { input.fields[$0] })
    }

    /// A numeric column of `schema` that weighs each row, nil by default.
    func weightColumn(_ i: Int, in schema: Schema) throws(KQLError) -> Int? {
        guard let v = try optional(i) else { return nil }
        guard case .string(let name) = v, let c = schema.index(of: name), schema.fields[c].type.isNumeric else {
            throw KQLError(
                .argument,
                "\(plugin)(): the WeightColumn (argument \(i + 1)) must name a numeric column; got \(v.text)",
                span: arguments.span)
        }
        return c
    }

    /// The wildcards given from argument `i` on: each value stands for "any value" in the columns of its type.
    func wildcards(from i: Int) throws(KQLError) -> [ScalarType: Value] {
        var out: [ScalarType: Value] = [:]
        var k = i
        while k < arguments.positional.count {
            if let v = try optional(k), let t = v.type { out[t] = v }
            k += 1
        }
        return out
    }

    /// The weight of row `r`: its weight column's value, or 1.
    static func weight(_ input: Table, _ column: Int?, _ r: Int) -> Double {
        guard let column else { return 1 }
        return MakeSeriesAxis.number(ValueOrder.unwrap(input.columns[column].value(r))) ?? 0
    }
}

/// The cells of a pattern's row: each dimension's value, or the wildcard of the column's type (null, and the empty
/// string for strings, unless the call gives its own).
struct PatternCells {
    let space: PatternSpace
    let types: [ScalarType]
    let wildcards: [ScalarType: Value]

    func cells(_ p: MinedPattern) -> [Value] {
        p.codes.enumerated().map { d, code in
            code >= 0 ? space.values[d][Int(code)] : wildcards[types[d]] ?? (types[d] == .string ? .string("") : .null)
        }
    }

    /// A percentage rounded to two decimals, as the pages show them.
    static func percent(_ part: Double, of total: Double) -> Double {
        total > 0 ? (100 * part / total * 100).rounded() / 100 : .nan
    }
}
