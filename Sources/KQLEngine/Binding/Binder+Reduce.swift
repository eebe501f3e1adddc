import Columnar
import KQLSyntax

/// `reduce` after binding.
public struct BoundReduce: Sendable {
    public var value: BoundExpression
    /// The fraction of the rows a term, and a group, must exceed to count (default 0.1).
    public var threshold: Double
    /// The characters that separate terms; nil: every character that is not a letter or a digit.
    public var separators: Set<Character>?
    /// `kind=source`: the input's rows with a `Pattern` column instead of one row per group.
    public var appendsPattern: Bool
    public var schema: Schema
}

extension Binder {
    func bindReduce(_ r: ReduceSyntax, schema: Schema, scope: Scope) throws(KQLError) -> BoundReduce {
        var appendsPattern = false
        for o in r.options {
            guard case .name(let n) = o.value, n.name == "source" else {
                throw KQLError(.argument, "reduce's kind can only be source", span: o.span)
            }
            appendsPattern = true
        }
        let value = try bindScalar(r.value, schema: schema, scope: scope)
        guard value.type == .string || value.type == .dynamic else {
            throw KQLError(
                .type, "reduce groups strings, but the expression is \(value.type.rawValue)", span: r.value.span,
                hint: "convert it with tostring()")
        }
        var threshold = 0.1
        var separators: Set<Character>?
        for p in r.properties {
            let b = try bindScalar(p.value, schema: Schema([]), scope: scope)
            switch (p.name.lowercased(), b.constantValue) {
            case ("threshold", .real(let t)?) where t > 0 && t <= 1: threshold = t
            case ("threshold", .long(1)?), ("threshold", .int(1)?): threshold = 1
            case ("threshold", _):
                throw KQLError(
                    .argument, "reduce's threshold must be a real number above 0 and at most 1", span: p.span)
            case ("characters", .string(let s)?) where !s.isEmpty: separators = Set(s)
            case ("characters", _):
                throw KQLError(.argument, "reduce's characters must be a non-empty string constant", span: p.span)
            default:
                throw KQLError(
                    .argument, "reduce has no property '\(p.name)'", span: p.span,
                    hint: "its properties are threshold and characters")
            }
        }
        let out =
            appendsPattern
            ? Schema(schema.fields + [Field("Pattern", .string)])
            : Schema([Field("Pattern", .string), Field("Count", .long), Field("Representative", .string)])
        return BoundReduce(
            value: value, threshold: threshold, separators: separators, appendsPattern: appendsPattern, schema: out)
    }
}
