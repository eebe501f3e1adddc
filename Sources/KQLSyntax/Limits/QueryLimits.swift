import Columnar

/// How deep and how big a query may get before it is refused with `E_QUERY_TOO_COMPLEX`.
///
/// Parsing, binding and executing walk the query's trees recursively, so a query that nests without
/// bound would overflow the stack. Flat runs — `a + b + c + …`, `x and y and …`, long pipelines, many
/// `let`s, `union` legs, `case` arms, `in` lists — are kept flat in every tree and cost no depth; real
/// nesting (parentheses, calls, unary operators, member access, subqueries, lets and functions that
/// build on each other) is capped at `maxNestingDepth`, far below what `DeepStack.stackSize` holds in
/// a debug build. The numbers are documented in `docs/limits.md`.
public enum QueryLimits {
    /// Levels of nesting in any one tree: the syntax tree, a bound expression after its `let`s and
    /// functions are expanded, a tabular expression's subqueries, user functions calling each other.
    public static let maxNestingDepth = 1_000

    /// Function applications in one bound scalar expression once `let`s and user functions are expanded
    /// (each operator of a flat chain counts once): this is what stops `f(x) + f(x)` doubled 25 times.
    public static let maxExpressionSize = 1_000_000

    /// Operators in one bound tabular expression once `let`s and user functions are expanded.
    public static let maxPlanSize = 250_000

    /// User-function bodies bound for one query (a call whose arguments bind to what an earlier call of the
    /// same function in the same place had reuses that binding, so only distinct expansions count).
    public static let maxFunctionExpansions = 50_000

    /// `E_QUERY_TOO_COMPLEX` at `span`, the deepest point of what nests too deeply.
    public static func tooDeep(_ what: String, span: SourceSpan?) -> KQLError {
        KQLError(
            .queryTooComplex, "\(what) nest more than \(maxNestingDepth) levels deep", span: span,
            hint: "flatten the query: name inner parts with `let`, replace nested iff() with case(), "
                + "chained comparisons with `in (...)`; see docs/limits.md")
    }
}
