import Columnar
import KQLSyntax

/// What the binder tracks while it expands user functions into the places that call them.
///
/// A function body is bound at every call, so nesting and repetition multiply: `g(x) = f(x) + f(x)` doubles
/// the work at each level. Within one body, a second call of the same function on arguments that bound to
/// the same thing reuses the first call's binding (the bound trees then share it), so binding costs one
/// expansion per distinct call; the bound size is still checked by `makeCall`, which is what refuses a tree
/// that doubles. The chain of calls being expanded gives depth and recursion checks.
struct FunctionExpansions {
    /// The functions being expanded, outermost first.
    var active: [String] = []
    /// Bodies bound so far in this query.
    var count = 0
    /// One table per body being bound (the query's statements at the bottom): calls bound in it.
    var reused: [[FunctionCallKey: FunctionCallResult]] = [[:]]
}

/// Identifies a call within one body: which definition, over which row schema, with which arguments.
struct FunctionCallKey: Hashable {
    var name: String
    var definition: DefinitionKey
    var rowSchema: Schema
    var arguments: [BoundExpressionKey]
}

/// The structure of a small bound expression, for recognizing the same arguments again.
indirect enum BoundExpressionKey: Hashable {
    case constant(Value, ScalarType)
    case column(Int, String, ScalarType)
    /// The function's name, the call's type and where it was written: the same node of the same query.
    case call(String, ScalarType, SourceSpan, [BoundExpressionKey])

    /// Most function applications an argument may have to be recognized; bigger ones are bound anew.
    static let maxSize = 64

    /// The key of `e`, or nil when it is too big to compare cheaply.
    init?(_ e: BoundExpression) {
        switch e {
        case .constant(let v, let t): self = .constant(v, t)
        case .column(let i, let n, let t): self = .column(i, n, t)
        case .call(let f, let args, let t, let span, let extent):
            guard extent.size <= BoundExpressionKey.maxSize else { return nil }
            var keys: [BoundExpressionKey] = []
            for a in args {
                guard let k = BoundExpressionKey(a) else { return nil }
                keys.append(k)
            }
            self = .call(f.name, t, span, keys)
        }
    }
}

extension Binder {
    /// Binds a function body through `expand`, unless the same call was bound in the same body before.
    /// `parameters` are the bound arguments; nil when some cannot be compared (a table, the piped input).
    func expandUserFunction(
        _ def: FunctionDefinitionSyntax, name: NameSyntax, span: SourceSpan, rowSchema: Schema,
        parameters: [BoundExpression]?,
        _ expand: () throws(KQLError) -> FunctionCallResult
    ) throws(KQLError) -> FunctionCallResult {
        var key: FunctionCallKey?
        if let parameters {
            var arguments: [BoundExpressionKey] = []
            for p in parameters {
                guard let k = BoundExpressionKey(p) else { arguments = []; break }
                arguments.append(k)
            }
            if arguments.count == parameters.count {
                key = FunctionCallKey(name: name.name, definition: def.key, rowSchema: rowSchema, arguments: arguments)
            }
        }
        if let key, let earlier = expansions.reused[expansions.reused.count - 1][key] { return earlier }
        guard expansions.active.count < QueryLimits.maxNestingDepth else {
            throw QueryLimits.tooDeep("user function calls", span: span)
        }
        expansions.count += 1
        guard expansions.count <= QueryLimits.maxFunctionExpansions else {
            throw KQLError(
                .queryTooComplex,
                "the query expands user functions more than \(QueryLimits.maxFunctionExpansions) times", span: span,
                hint: "a function body is bound wherever it is called; call it on the same arguments, "
                    + "or compute the shared part once with `extend` or `let`; see docs/limits.md")
        }
        expansions.active.append(name.name)
        expansions.reused.append([:])
        let result: Result<FunctionCallResult, KQLError>
        do throws(KQLError) { result = .success(try expand()) } catch { result = .failure(error) }
        expansions.active.removeLast()
        expansions.reused.removeLast()
        let value = try result.get()
        if let key { expansions.reused[expansions.reused.count - 1][key] = value }
        return value
    }

    /// `E_RECURSIVE_FUNCTION` when `name` is a function being expanded: KQL functions see only the names
    /// defined before them, so a function that calls itself (directly or through another) finds no such name.
    func recursion(_ name: NameSyntax) -> KQLError? {
        guard let i = expansions.active.lastIndex(of: name.name) else { return nil }
        let cycle = expansions.active[i...] + [name.name]
        return KQLError(
            .recursiveFunction,
            "function '\(name.name)' calls itself (\(cycle.joined(separator: " → "))); KQL functions cannot be recursive",
            span: name.span, hint: "rewrite it without recursion, for example over `range` or with `mv-apply`")
    }
}
