import Columnar

/// `hint.x = y` / `kind = y` style options written before an operator's arguments.
public struct OptionSyntax: Sendable {
    public var name: String
    public var value: ExpressionSyntax
    public var span: SourceSpan
    /// The further names of a comma-delimited list value (`render ... with (ycolumns=a, b, c)`: `b`, `c`).
    public var moreNames: [NameSyntax]
    public init(name: String, value: ExpressionSyntax, span: SourceSpan, moreNames: [NameSyntax] = []) {
        self.name = name; self.value = value; self.span = span; self.moreNames = moreNames
    }
}

/// One `order by` / `top` key.
public struct SortKeySyntax: Sendable {
    public var value: ExpressionSyntax
    /// `asc`/`desc` as written; nil means the operator's default (descending for sort and top).
    public var ascending: Bool?
    /// `nulls first`/`nulls last` as written; nil means the default for the direction.
    public var nullsFirst: Bool?
    public init(value: ExpressionSyntax, ascending: Bool? = nil, nullsFirst: Bool? = nil) {
        self.value = value; self.ascending = ascending; self.nullsFirst = nullsFirst
    }
}

/// A join condition: `col`, or `$left.a == $right.b`.
public enum JoinConditionSyntax: Sendable {
    case sameName(NameSyntax)
    case equality(left: NameSyntax, right: NameSyntax, span: SourceSpan)
}

/// `mv-expand` target: `col [to typeof(t)]` or `name = expr [to typeof(t)]`.
public struct MvExpandItemSyntax: Sendable {
    public var assignment: AssignmentSyntax
    public var toType: ScalarType?
    public init(assignment: AssignmentSyntax, toType: ScalarType?) {
        self.assignment = assignment; self.toType = toType
    }
}

/// A column pattern in project-away/keep/reorder: a name, possibly with `*` wildcards.
public struct ColumnPatternSyntax: Sendable {
    public var pattern: String
    /// project-reorder's `asc`/`desc`/`granny-asc`/`granny-desc`, if written.
    public var order: String?
    public var span: SourceSpan
    public init(pattern: String, order: String? = nil, span: SourceSpan) {
        self.pattern = pattern; self.order = order; self.span = span
    }
}

/// One tabular operator after a `|`.
public struct OperatorSyntax: Sendable {
    public var kind: Kind
    /// The whole operator, from its keyword to its last token.
    public var span: SourceSpan
    /// The operator keyword's span (for "operator X is not supported" and similar).
    public var keywordSpan: SourceSpan

    public init(kind: Kind, span: SourceSpan, keywordSpan: SourceSpan) {
        self.kind = kind; self.span = span; self.keywordSpan = keywordSpan
    }

    public enum Kind: Sendable {
        case `as`(name: NameSyntax, options: [OptionSyntax])
        /// `consume [decodeblocks=b]`: reads its input and returns no rows.
        case consume(options: [OptionSyntax])
        case count(name: NameSyntax?)
        case distinct(columns: [ExpressionSyntax], options: [OptionSyntax])
        /// `evaluate [hints] plugin(args)`, and the seed's `| python(...)` form with `inlineForm` set.
        case evaluate(EvaluateSyntax)
        case extend([AssignmentSyntax])
        case facet(FacetSyntax)
        case fork(ForkSyntax)
        case getschema
        case invoke(function: NameSyntax, arguments: [ArgumentSyntax])
        case join(JoinSyntax)
        case lookup(LookupSyntax)
        case mvExpand(MvExpandSyntax)
        case mvApply(MvApplySyntax)
        case makeSeries(MakeSeriesSyntax)
        /// `parse` and `parse-where` (`keepsOnlyMatches`).
        case parse(ParseSyntax)
        case parseKv(ParseKvSyntax)
        case partition(PartitionSyntax)
        /// `order by` and `sort by`.
        case sort(keys: [SortKeySyntax], options: [OptionSyntax])
        case project([AssignmentSyntax])
        case projectAway([ColumnPatternSyntax])
        case projectKeep([ColumnPatternSyntax])
        /// `project-by-names "a", dynamic(["b"]), "c*"`: column specifiers, evaluated as constants when bound.
        case projectByNames([ExpressionSyntax])
        /// `new = old` pairs.
        case projectRename([(new: NameSyntax, old: NameSyntax)])
        case projectReorder([ColumnPatternSyntax])
        case reduce(ReduceSyntax)
        case render(kind: NameSyntax, properties: [OptionSyntax])
        case sample(count: ExpressionSyntax)
        /// `sample-distinct N of Column`.
        case sampleDistinct(count: ExpressionSyntax, column: NameSyntax)
        case scan(ScanSyntax)
        /// `T | search ...`.
        case search(SearchSyntax)
        case serialize([AssignmentSyntax])
        case summarize(SummarizeSyntax)
        /// `take`/`limit`.
        case take(count: ExpressionSyntax)
        case top(count: ExpressionSyntax, key: SortKeySyntax)
        case topHitters(TopHittersSyntax)
        case topNested(TopNestedSyntax)
        case union(UnionSyntax)
        /// `where`/`filter`.
        case `where`(ExpressionSyntax)
        /// `make-graph`: the input rows become the edges of a graph (see `GraphSyntax.swift`).
        case makeGraph(MakeGraphSyntax)
        /// `graph-match`, or `graph-shortest-paths` when `shortestPaths` is set.
        case graphMatch(GraphMatchSyntax, shortestPaths: Bool)
        case graphToTable(GraphToTableSyntax)
        /// `graph-mark-components [kind=...] [with_component_id=...]`.
        case graphMarkComponents(options: [OptionSyntax])
    }
}

/// `evaluate python(...)` and friends.
public struct EvaluateSyntax: Sendable {
    public var options: [OptionSyntax]
    public var plugin: NameSyntax
    public var arguments: [ArgumentSyntax]
    /// True for the seed document's `| python(...)` form (no `evaluate`, schema inferred).
    public var inlineForm: Bool
    /// Script text written after the call between lines of three backticks (seed form only).
    public var inlineCode: ExpressionSyntax?
    /// `evaluate plugin(...) : (a:long, ...)`: the output schema written after the call.
    public var outputSchema: SchemaSyntax?
    public init(
        options: [OptionSyntax], plugin: NameSyntax, arguments: [ArgumentSyntax], inlineForm: Bool = false,
        inlineCode: ExpressionSyntax? = nil, outputSchema: SchemaSyntax? = nil
    ) {
        self.options = options; self.plugin = plugin; self.arguments = arguments
        self.inlineForm = inlineForm; self.inlineCode = inlineCode; self.outputSchema = outputSchema
    }
}

public struct JoinSyntax: Sendable {
    /// `kind=`, `hint.*` and other options as written.
    public var options: [OptionSyntax]
    public var right: ExpressionSyntax
    public var conditions: [JoinConditionSyntax]
    public init(options: [OptionSyntax], right: ExpressionSyntax, conditions: [JoinConditionSyntax]) {
        self.options = options; self.right = right; self.conditions = conditions
    }
}

public struct LookupSyntax: Sendable {
    public var options: [OptionSyntax]
    public var right: ExpressionSyntax
    public var conditions: [JoinConditionSyntax]
    public init(options: [OptionSyntax], right: ExpressionSyntax, conditions: [JoinConditionSyntax]) {
        self.options = options; self.right = right; self.conditions = conditions
    }
}

/// `parse [kind=k] [flags=f] expr with * "text" name:type ...` (and `parse-where`).
public struct ParseSyntax: Sendable {
    /// One element of the pattern after `with`.
    public enum Item: Sendable {
        /// `*`: skip any text.
        case wildcard(SourceSpan)
        /// A string constant (a regular expression for `kind=regex`).
        case text(String, SourceSpan)
        /// A column to extract, with the type written after `:` (string when nil).
        case column(NameSyntax, ScalarType?)
    }
    /// `kind=` and `flags=`.
    public var options: [OptionSyntax]
    public var source: ExpressionSyntax
    public var items: [Item]
    /// True for `parse-where`: rows that do not match are dropped.
    public var keepsOnlyMatches: Bool
    public init(options: [OptionSyntax], source: ExpressionSyntax, items: [Item], keepsOnlyMatches: Bool) {
        self.options = options; self.source = source; self.items = items; self.keepsOnlyMatches = keepsOnlyMatches
    }
}

/// `mv-apply [with_itemindex=i] items [limit n] on (subquery)`: the subquery's operators run over each row's
/// expanded subtable (their implicit source).
public struct MvApplySyntax: Sendable {
    public var options: [OptionSyntax]
    public var items: [MvExpandItemSyntax]
    public var limit: ExpressionSyntax?
    public var subquery: [OperatorSyntax]
    public init(
        options: [OptionSyntax], items: [MvExpandItemSyntax], limit: ExpressionSyntax?, subquery: [OperatorSyntax]
    ) {
        self.options = options; self.items = items; self.limit = limit; self.subquery = subquery
    }
}

/// `make-series [kind=nonempty] aggs [default=v] on axis [from a] [to b] step s [by keys]`.
public struct MakeSeriesSyntax: Sendable {
    /// One aggregation with the value its series holds in bins without data.
    public struct Aggregate: Sendable {
        public var assignment: AssignmentSyntax
        public var defaultValue: ExpressionSyntax?
        public init(assignment: AssignmentSyntax, defaultValue: ExpressionSyntax?) {
            self.assignment = assignment; self.defaultValue = defaultValue
        }
    }
    public var options: [OptionSyntax]
    public var aggregates: [Aggregate]
    public var axis: ExpressionSyntax
    public var from: ExpressionSyntax?
    public var to: ExpressionSyntax?
    public var step: ExpressionSyntax
    public var by: [AssignmentSyntax]
    /// The alternate form `on axis in range(start, stop, step)`: `from` and `to` are start and stop, the stop
    /// is inclusive, and bins are aligned with `bin()` rather than at the start.
    public var rangeForm = false
    public init(
        options: [OptionSyntax], aggregates: [Aggregate], axis: ExpressionSyntax, from: ExpressionSyntax?,
        to: ExpressionSyntax?, step: ExpressionSyntax, by: [AssignmentSyntax]
    ) {
        self.options = options; self.aggregates = aggregates; self.axis = axis
        self.from = from; self.to = to; self.step = step; self.by = by
    }
}

public struct MvExpandSyntax: Sendable {
    /// `bagexpansion=`, `with_itemindex=` and hints.
    public var options: [OptionSyntax]
    public var items: [MvExpandItemSyntax]
    public var limit: ExpressionSyntax?
    public init(options: [OptionSyntax], items: [MvExpandItemSyntax], limit: ExpressionSyntax?) {
        self.options = options; self.items = items; self.limit = limit
    }
}

public struct SummarizeSyntax: Sendable {
    public var options: [OptionSyntax]
    public var aggregates: [AssignmentSyntax]
    public var by: [AssignmentSyntax]
    public init(options: [OptionSyntax], aggregates: [AssignmentSyntax], by: [AssignmentSyntax]) {
        self.options = options; self.aggregates = aggregates; self.by = by
    }
}

public struct UnionSyntax: Sendable {
    /// `kind=inner|outer`, `withsource=Name`, `isfuzzy=`.
    public var options: [OptionSyntax]
    /// Table names (possibly with wildcards as `.name`), or parenthesized tabular expressions.
    public var tables: [ExpressionSyntax]
    public init(options: [OptionSyntax], tables: [ExpressionSyntax]) { self.options = options; self.tables = tables }
}

/// A tabular source that starts a pipeline without naming a table.
public struct SourceSyntax: Sendable {
    public var kind: Kind
    public var span: SourceSpan
    public init(kind: Kind, span: SourceSpan) { self.kind = kind; self.span = span }

    public enum Kind: Sendable {
        /// `datatable (a:long, b:string) [1, "x"]`: values row-major.
        case datatable(columns: [ColumnDeclarationSyntax], values: [ExpressionSyntax])
        /// `range x from a to b step s`.
        case range(column: NameSyntax, from: ExpressionSyntax, to: ExpressionSyntax, step: ExpressionSyntax)
        /// `print a = 1, 2`.
        case print([AssignmentSyntax])
        /// `union T1, T2` at the start of a pipeline.
        case union(UnionSyntax)
        /// `evaluate plugin(...)` at the start of a pipeline.
        case evaluate(EvaluateSyntax)
        /// `find ...` over the database's tables.
        case find(FindSyntax)
        /// `search ...` over the database's tables.
        case search(SearchSyntax)
        /// `externaldata (...) [...]`: rows read from files.
        case externalData(ExternalDataSyntax)
        /// `macro-expand ...`: a subquery run once per entity of a group.
        case macroExpand(MacroExpandSyntax)
    }
}
