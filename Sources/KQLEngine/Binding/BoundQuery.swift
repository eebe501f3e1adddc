import Columnar
import KQLSyntax

/// A tabular expression after binding: a source and the operators applied to it, with the output schema known.
public struct BoundQuery: Sendable {
    public var source: BoundSource { didSet { measure(from: 0) } }
    public internal(set) var operators: [BoundOperator] {
        // Appending (how pipelines are bound) only measures the new operators.
        didSet { measure(from: operators.count > measuredOperators ? measuredOperators : 0) }
    }
    /// The schema the query produces (for a query ending in a deferred tail, the schema before it).
    public var schema: Schema
    /// The schema `source` produces, as the query was made.
    public let sourceSchema: Schema
    /// The schema each operator produced when it was bound (`operatorSchemas[i]` for `operators[i]`),
    /// so the planner never works a schema out again; a placeholder where it is known only once it ran.
    public internal(set) var operatorSchemas: [Schema] = []
    /// True when the rows are in a defined order, so window functions (`row_number`, `prev`, ...)
    /// may be used: after `range`, `sort`, `top`, `serialize` and `getschema`, until an operator
    /// that loses the order (`summarize`, `join`, `distinct`, `mv-expand`, ...).
    public var isSerialized = false
    /// Set when the expression is a graph (`make-graph` and the graph operators after it), not a table: the
    /// query produces the edges, and a terminal graph operator must follow (``BoundGraphPipeline``).
    public internal(set) var pendingGraph: BoundGraphPipeline?

    /// Levels of subqueries the executor recurses through on the deepest path (`union` legs, `join`'s
    /// right side, `materialize` (which an `invoke` input is) and `mv-apply` bodies). A `let` or parenthesized query used as a
    /// source adds none: the executor runs such a chain in a loop.
    public private(set) var depth = 1
    /// Sources and operators in the query with every `let` and function expanded (a query used in two
    /// places counts twice); saturates rather than overflows.
    public private(set) var size = 1
    private var measuredOperators = 0

    /// A query reading `source`, which produces `schema`.
    public init(source: BoundSource, schema: Schema) {
        self.source = source; self.operators = []; self.schema = schema; self.sourceSchema = schema
        measure(from: 0)
    }

    /// Appends an operator that produces `schema`.
    mutating func append(_ op: BoundOperator, producing schema: Schema) {
        operators.append(op)
        operatorSchemas.append(schema)
        self.schema = schema
    }

    /// Updates `depth` and `size` from the source and operators from index `first` on (0: all).
    private mutating func measure(from first: Int) {
        if first == 0 {
            (depth, size) = (1, 1)
            switch source {
            case .query(let q): include(q, nested: false)
            case .materialized(_, let q): include(q, nested: true)
            case .union(let u): for leg in u.legs { include(leg, nested: true) }
            case .table, .rows, .range, .print, .evaluate, .input: break
            }
        }
        for op in operators[first...] {
            size = BoundQuery.adding(size, 1)
            switch op {
            case .join(let j): include(j.right, nested: true)
            case .union(let u): for leg in u.legs { include(leg, nested: true) }
            case .mvApply(let m): include(m.subquery, nested: true)
            case .graph(let g): for t in g.pipeline.build.nodeTables { include(t.query, nested: true) }
            default: break
            }
        }
        measuredOperators = operators.count
    }

    private mutating func include(_ q: BoundQuery, nested: Bool) {
        depth = max(depth, q.depth + (nested ? 1 : 0))
        size = BoundQuery.adding(size, q.size)
    }

    private static func adding(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}

/// Where a bound query's rows come from.
public indirect enum BoundSource: Sendable {
    /// A stored table, read when the query runs.
    case table(name: String)
    /// A table whose rows are known at bind time (`datatable`).
    case rows(Table)
    case range(BoundRange)
    case print([(name: String, value: BoundExpression)])
    case union(BoundUnion)
    case evaluate(BoundEvaluate)
    /// Another query (a `let` name, a parenthesized expression, a function body).
    case query(BoundQuery)
    /// `materialize(q)`: evaluated once per `execute`, cached under `id`.
    case materialized(id: Int, BoundQuery)
    /// The table flowing into an `mv-apply` subquery.
    case input
}

/// One tabular operator after binding.
public enum BoundOperator: Sendable {
    case `where`(BoundWhere)
    case extend(BoundExtend)
    case project(BoundProject)
    case count(name: String)
    case distinct(BoundDistinct)
    case evaluate(BoundEvaluate)
    case getschema
    case join(BoundJoin)
    case mvExpand(BoundMvExpand)
    case parse(BoundParse)
    case parseKv(BoundParseKv)
    case partition(BoundPartition)
    case mvApply(BoundMvApply)
    case makeSeries(BoundMakeSeries)
    case sort(BoundSort)
    case reduce(BoundReduce)
    case render(Visualization)
    case sample(Int)
    case scan(BoundScan)
    case summarize(BoundSummarize)
    case take(Int)
    case top(BoundTop)
    case topNested(BoundTopNested)
    case union(BoundUnion)
    /// Operators after a plugin whose output schema is only known once it ran: bound then.
    case deferred(DeferredOperators)
    /// A `join`/`lookup` whose right side's schema is only known once it ran: bound then.
    case deferredJoin(DeferredJoin)
    /// `make-graph` and the graph operators after it, up to the one that makes a table.
    case graph(BoundGraphQuery)
}

/// `range column from a to b step s` (inclusive of `b`).
public struct BoundRange: Sendable {
    public var column: String
    public var type: ScalarType
    public var from: Value
    public var to: Value
    public var step: Value
    /// The `range` source in the query, where a row count it cannot serve is reported.
    public var span: SourceSpan?
}

/// `where predicate`: keeps the rows where the predicate is true (null counts as false).
public struct BoundWhere: Sendable {
    public var predicate: BoundExpression
    /// The input columns to keep, when later operators read fewer than all (set by column pruning).
    public var outputColumns: [Int]?

    public init(predicate: BoundExpression, outputColumns: [Int]? = nil) {
        self.predicate = predicate; self.outputColumns = outputColumns
    }
}

/// `extend`: computed columns; a name that already exists is replaced in place.
public struct BoundExtend: Sendable {
    public var columns: [(name: String, value: BoundExpression)]
}

/// `project` and its relatives (away, keep, rename, reorder), all lowered to "these outputs in this order".
public struct BoundProject: Sendable {
    public var columns: [(name: String, value: BoundExpression)]
}

/// `distinct` over the given input columns.
public struct BoundDistinct: Sendable {
    public var columns: [Int]
}

/// A plugin call with its arguments evaluated.
public struct BoundEvaluate: Sendable {
    public var plugin: any TabularPlugin
    public var arguments: PluginArguments
    /// Known before running, or nil when the plugin infers it.
    public var schema: Schema?
}

/// Join kinds of KQL (`lookup` uses leftouter and inner).
public enum JoinKind: String, Sendable, CaseIterable {
    case innerunique, inner, leftouter, rightouter, fullouter, leftanti, rightanti, leftsemi, rightsemi
}

/// `join`/`lookup`: equality on key columns; output columns chosen at bind time.
public struct BoundJoin: Sendable {
    public var kind: JoinKind
    public var right: BoundQuery
    public var leftKeys: [Int]
    public var rightKeys: [Int]
    /// Output columns: which side and which column of it.
    public var outputs: [(side: JoinSide, column: Int)]
    public var schema: Schema
}

public enum JoinSide: Sendable { case left, right }

/// `mv-expand`: each listed column's array (or bag) is expanded to one row per element, zipped.
public struct BoundMvExpand: Sendable {
    public struct Item: Sendable {
        public var name: String
        public var value: BoundExpression
        /// Replaces input column `replaces`, or is appended when nil.
        public var replaces: Int?
        public var toType: ScalarType
    }
    public var items: [Item]
    public var bagAsArray: Bool
    public var itemIndex: String?
    public var limit: Int?
}

/// One sort key.
public struct BoundSortKey: Sendable {
    public var value: BoundExpression
    public var ascending: Bool
    public var nullsFirst: Bool
}

public struct BoundSort: Sendable {
    public var keys: [BoundSortKey]
}

public struct BoundTop: Sendable {
    public var count: Int
    public var key: BoundSortKey
}

/// `summarize aggregates by keys`.
public struct BoundSummarize: Sendable {
    public var keys: [(name: String, value: BoundExpression)]
    public var aggregates: [BoundAggregate]
    /// When some outputs are expressions over aggregates (`sum(x) / count()`): a projection over
    /// `[keys..., aggregate outputs...]` that produces the final columns.
    public var post: [(name: String, value: BoundExpression)]?
    public var schema: Schema
}

/// `union`: the legs' columns merged by name (and type); `inner` keeps only common columns.
public struct BoundUnion: Sendable {
    public var legs: [BoundQuery]
    /// When `union` is an operator, the pipeline's input is the first leg.
    public var includesInput: Bool
    public var inner: Bool
    /// Names the legs for `withsource=`.
    public var sourceColumn: String?
    public var legNames: [String]
    /// For every output column, the column of each leg feeding it (nil: nulls).
    public var mapping: [[Int?]]
    public var schema: Schema
    /// True when a leg's schema is known only once it has run (a `python()` without `typeof`):
    /// `mapping` and `schema` are then laid out from the legs' real tables when the union runs.
    public var resolvesAtRun = false
}

/// Operators bound only after the plugin before them ran: their syntax and the names they see, as
/// plain values, so the plan can carry them to where the plugin's table is known.
public struct DeferredOperators: Sendable {
    /// The operators, as written.
    public var operators: [OperatorSyntax]
    /// The `let` names, parameters and functions in scope where they stand (a snapshot: later
    /// bindings are not visible in it).
    public var scope: Scope
}
