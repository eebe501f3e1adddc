import Columnar

/// A name as written: a plain identifier, a `['bracketed name']`, or `$left`/`$right`.
public struct NameSyntax: Sendable, Hashable {
    public var name: String
    public var span: SourceSpan
    public init(_ name: String, span: SourceSpan) { self.name = name; self.span = span }
}

/// One argument of a call: positional, or `name = value`.
public struct ArgumentSyntax: Sendable {
    public var name: NameSyntax?
    public var value: ExpressionSyntax
    public init(name: NameSyntax? = nil, value: ExpressionSyntax) { self.name = name; self.value = value }
}

/// `name = expr`, `(a, b) = expr` or just `expr` in project, extend, summarize, print and the like.
public struct AssignmentSyntax: Sendable {
    /// Empty when the column name is derived from the expression.
    public var names: [NameSyntax]
    public var value: ExpressionSyntax
    public init(names: [NameSyntax] = [], value: ExpressionSyntax) { self.names = names; self.value = value }
}

/// A column declaration `name: type` (datatable, typeof, function parameters, `.create table`).
public struct ColumnDeclarationSyntax: Sendable {
    public var name: NameSyntax
    public var type: ScalarType
    public init(name: NameSyntax, type: ScalarType) { self.name = name; self.type = type }
}

/// `typeof(...)` / a tabular schema: `(*)`, `(a:long, b:string)` or `(*, a:long)`.
public struct SchemaSyntax: Sendable {
    /// True when `*` was written: the input's columns are kept.
    public var includesStar: Bool
    public var columns: [ColumnDeclarationSyntax]
    public var span: SourceSpan
    public init(includesStar: Bool, columns: [ColumnDeclarationSyntax], span: SourceSpan) {
        self.includesStar = includesStar; self.columns = columns; self.span = span
    }
}

/// Binary operators of scalar expressions, spelled as in KQL.
public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case equalCaseInsensitive = "=~", notEqualCaseInsensitive = "!~"
    case and, or
    case has, notHas = "!has", hasCs = "has_cs", notHasCs = "!has_cs"
    case hasPrefix = "hasprefix", notHasPrefix = "!hasprefix", hasPrefixCs = "hasprefix_cs", notHasPrefixCs =
        "!hasprefix_cs"
    case hasSuffix = "hassuffix", notHasSuffix = "!hassuffix", hasSuffixCs = "hassuffix_cs", notHasSuffixCs =
        "!hassuffix_cs"
    case contains, notContains = "!contains", containsCs = "contains_cs", notContainsCs = "!contains_cs"
    case startsWith = "startswith", notStartsWith = "!startswith", startsWithCs = "startswith_cs", notStartsWithCs =
        "!startswith_cs"
    case endsWith = "endswith", notEndsWith = "!endswith", endsWithCs = "endswith_cs", notEndsWithCs = "!endswith_cs"
    case matchesRegex = "matches regex"
    case like, notLike = "!like"  // not KQL; reserved so the parser can reject them clearly
}

/// `in`-family operators whose right side is a list or a tabular expression.
public enum SetOperator: String, Sendable, CaseIterable {
    case `in` = "in", notIn = "!in", inCaseInsensitive = "in~", notInCaseInsensitive = "!in~"
    case hasAny = "has_any", hasAll = "has_all"
}

/// A scalar or tabular expression. KQL mixes both (`let x = ...` may bind either), so one tree
/// holds both and the binder decides which each node is.
public indirect enum ExpressionSyntax: Sendable {
    /// A literal with its type; `long(null)` is `.literal(.null, .long)`.
    case literal(Value, ScalarType, SourceSpan)
    /// A column, table, `let` name or `$left`/`$right`.
    case name(NameSyntax)
    /// `*` where an expression may stand for "all columns" (`count(*)` is written `count()`, but `union *`, `distinct *`).
    case star(SourceSpan)
    /// A function call `f(args)`; also aggregates and tabular functions like `materialize(T)`.
    case call(name: NameSyntax, arguments: [ArgumentSyntax], span: SourceSpan)
    case unary(op: UnaryOperator, operand: ExpressionSyntax, span: SourceSpan)
    case binary(op: BinaryOperator, left: ExpressionSyntax, right: ExpressionSyntax, span: SourceSpan)
    /// Three or more operands of one precedence level, applied from the left: `a + b - c` is `(a + b) - c`.
    /// A list rather than nested `.binary` nodes, so that no walk of a long chain (`x == 1 or x == 2 or …`)
    /// recurses once per operand.
    case chain(first: ExpressionSyntax, links: [ChainLinkSyntax], span: SourceSpan)
    /// `x in (a, b)`, `x !in~ (T | project c)`, `s has_any ("a", "b")`.
    case setMembership(op: SetOperator, left: ExpressionSyntax, right: [ExpressionSyntax], span: SourceSpan)
    /// `x between (low .. high)`; `negated` for `!between`.
    case between(
        value: ExpressionSyntax, low: ExpressionSyntax, high: ExpressionSyntax, negated: Bool, span: SourceSpan)
    /// `d.key` or `$left.col`.
    case member(base: ExpressionSyntax, name: NameSyntax, span: SourceSpan)
    /// `d[0]` or `d['key']`.
    case index(base: ExpressionSyntax, index: ExpressionSyntax, span: SourceSpan)
    /// `(expr)`.
    case parenthesized(ExpressionSyntax, SourceSpan)
    /// `typeof(long)` or `typeof(a:long, *)`.
    case schema(SchemaSyntax)
    /// A pipeline `source | op | op`.
    case pipeline(source: ExpressionSyntax, operators: [OperatorSyntax], span: SourceSpan)
    /// A tabular source that is not a name: `datatable`, `range`, `print`, `union`, `evaluate` at the start.
    case source(SourceSyntax)

    /// The text range the expression covers.
    public var span: SourceSpan {
        switch self {
        case .literal(_, _, let s), .star(let s), .parenthesized(_, let s): return s
        case .name(let n): return n.span
        case .call(_, _, let s), .unary(_, _, let s), .binary(_, _, _, let s), .chain(_, _, let s),
            .setMembership(_, _, _, let s),
            .between(_, _, _, _, let s), .member(_, _, let s), .index(_, _, let s), .pipeline(_, _, let s):
            return s
        case .schema(let s): return s.span
        case .source(let s): return s.span
        }
    }
}

/// One step of a `.chain`: the operator and its right operand.
public struct ChainLinkSyntax: Sendable {
    public var op: BinaryOperator
    public var operand: ExpressionSyntax
    public init(op: BinaryOperator, operand: ExpressionSyntax) { self.op = op; self.operand = operand }
}

public enum UnaryOperator: String, Sendable {
    case negate = "-", plus = "+"
}
