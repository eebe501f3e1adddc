import Columnar
import KQLSyntax

/// Binding of graph expressions. `make-graph` turns a query into a graph (``BoundQuery/pendingGraph``), graph
/// operators transform it, and `graph-match`, `graph-shortest-paths` or `graph-to-table` turn it back into a
/// table: the whole run becomes one `.graph` operator appended to the query of the edges.
extension Binder {
    static func graphWithoutTable(_ span: SourceSpan) -> KQLError {
        KQLError(
            .type, "this expression is a graph, not a table", span: span,
            hint: "follow make-graph with graph-match, graph-shortest-paths or graph-to-table")
    }

    /// Binds `op` when it is a graph operator or applies to a graph; nil for a table operator over a table.
    func bindGraphOperator(_ op: OperatorSyntax, input q: BoundQuery, scope: Scope) throws(KQLError) -> BoundQuery? {
        let isGraphOperator: Bool
        switch op.kind {
        case .makeGraph, .graphMatch, .graphToTable, .graphMarkComponents: isGraphOperator = true
        default: isGraphOperator = false
        }
        guard let pending = q.pendingGraph else {
            guard isGraphOperator else { return nil }
            if case .makeGraph(let m) = op.kind {
                return try bindMakeGraph(m, input: q, scope: scope, span: op.keywordSpan)
            }
            throw KQLError(
                .type, "'\(Binder.graphOperatorName(op))' needs a graph, and its input is a table",
                span: op.keywordSpan,
                hint: "build the graph first: `| make-graph Source --> Target` before it")
        }
        guard isGraphOperator else {
            throw KQLError(
                .type, "this operator needs a table, and its input is a graph", span: op.keywordSpan,
                hint: "turn the graph into a table first with graph-match, graph-shortest-paths or graph-to-table")
        }
        var out = q
        switch try bindGraphStep(op, pending, scope: scope) {
        case .graph(let p):
            out.pendingGraph = p
        case .table(let g):
            out.pendingGraph = nil
            out.append(.graph(g), producing: g.schema)
            out.isSerialized = false
        }
        return out
    }

    static func graphOperatorName(_ op: OperatorSyntax) -> String {
        switch op.kind {
        case .makeGraph: return "make-graph"
        case .graphMatch(_, let shortest): return shortest ? "graph-shortest-paths" : "graph-match"
        case .graphToTable: return "graph-to-table"
        case .graphMarkComponents: return "graph-mark-components"
        default: return "operator"
        }
    }

    /// What one graph operator made of a graph.
    enum GraphStepResult {
        case graph(BoundGraphPipeline)
        case table(BoundGraphQuery)
    }

    /// One graph operator applied to `pending`.
    func bindGraphStep(_ op: OperatorSyntax, _ pending: BoundGraphPipeline, scope: Scope) throws(KQLError)
        -> GraphStepResult
    {
        switch op.kind {
        case .makeGraph:
            throw KQLError(
                .type, "make-graph needs a table of edges, and its input is already a graph", span: op.keywordSpan)
        case .graphMarkComponents(let options):
            var strong = false, property = "ComponentId"
            for o in options {
                guard case .name(let n) = o.value else {
                    throw KQLError(.argument, "'\(o.name)' of graph-mark-components takes a name", span: o.span)
                }
                if o.name.lowercased() == "kind" {
                    guard ["weak", "strong"].contains(n.name) else {
                        throw KQLError(
                            .argument, "graph-mark-components kind must be weak or strong, not '\(n.name)'",
                            span: o.span)
                    }
                    strong = n.name == "strong"
                } else {
                    property = n.name
                }
            }
            var p = pending
            p.steps.append(.markComponents(strong: strong, property: property))
            var fields = p.nodeSchema.fields.filter { $0.name != property }
            fields.append(Field(property, .long))
            p.nodeSchema = Schema(fields)
            return .graph(p)
        case .graphToTable(let t):
            guard t.nodes == nil || t.edges == nil else {
                throw KQLError(
                    .argument, "graph-to-table exports nodes and edges together only as named results",
                    span: op.span,
                    hint: "write `graph-to-table nodes as N, edges as E;` and end the statement there, then use N and E"
                )
            }
            return .table(try bindGraphToTable(t.nodes ?? t.edges!, nodes: t.nodes != nil, pending))
        case .graphMatch(let m, let shortest):
            let bound = try bindGraphMatch(m, shortestPaths: shortest, graph: pending, scope: scope)
            return .table(
                BoundGraphQuery(
                    pipeline: pending, output: .match(bound),
                    schema: Schema(bound.projection.map { Field($0.name, $0.value.type) })))
        default:
            throw KQLError(.type, "this operator needs a table, and its input is a graph", span: op.keywordSpan)
        }
    }

    /// `graph-to-table nodes|edges` with its `with_*_id=` options.
    func bindGraphToTable(_ part: GraphToTableSyntax.Part, nodes: Bool, _ pending: BoundGraphPipeline) throws(KQLError)
        -> BoundGraphQuery
    {
        var out = BoundGraphToTable(nodes: nodes, idColumn: nil, targetIdColumn: nil)
        for o in part.options {
            guard case .name(let n) = o.value else {
                throw KQLError(.argument, "'\(o.name)' of graph-to-table takes a column name", span: o.span)
            }
            if o.name.lowercased() == "with_target_id" { out.targetIdColumn = n.name } else { out.idColumn = n.name }
        }
        var fields =
            (out.idColumn.map { [Field($0, .long)] } ?? []) + (out.targetIdColumn.map { [Field($0, .long)] } ?? [])
        fields += nodes ? pending.nodeSchema.fields : pending.build.edgeSchema.fields
        guard Set(fields.map(\.name)).count == fields.count else {
            throw KQLError(
                .argument, "graph-to-table would make two columns with the same name", span: part.span,
                hint: "choose id column names that are not properties")
        }
        return BoundGraphQuery(pipeline: pending, output: .toTable(out), schema: Schema(fields))
    }

    /// `make-graph`: the input's columns are the edges' properties; nodes come from the `with` tables.
    func bindMakeGraph(_ m: MakeGraphSyntax, input q: BoundQuery, scope: Scope, span: SourceSpan) throws(KQLError)
        -> BoundQuery
    {
        if q.schemaIsDeferred {
            throw KQLError(
                .unsupported, "make-graph cannot follow a plugin whose output columns are known only once it ran",
                span: span, hint: "give the plugin its output schema (`: (a:long, ...)` or typeof(...))")
        }
        let edges = q.schema
        guard let source = edges.index(of: m.source.name) else { throw unknownColumn(m.source, edges) }
        guard let target = edges.index(of: m.target.name) else { throw unknownColumn(m.target, edges) }
        let idType = edges.fields[source].type
        guard Binder.sameKeyType(idType, edges.fields[target].type) else {
            throw KQLError(
                .type,
                "the source column '\(m.source.name)' is \(idType.rawValue) but the target column '\(m.target.name)' is \(edges.fields[target].type.rawValue)",
                span: m.target.span,
                hint: "node ids on both sides must have the same type; convert one with tostring() or tolong()")
        }
        var tables: [BoundMakeGraph.NodeTable] = []
        var fields: [Field] = [], sources: [[Int?]] = []
        for (t, n) in m.nodes.enumerated() {
            let nq = try bindTabular(n.table, scope: scope)
            guard let key = nq.schema.index(of: n.key.name) else { throw unknownColumn(n.key, nq.schema) }
            guard Binder.sameKeyType(idType, nq.schema.fields[key].type) else {
                throw KQLError(
                    .type,
                    "the node id column '\(n.key.name)' is \(nq.schema.fields[key].type.rawValue) but the edges' ids are \(idType.rawValue)",
                    span: n.key.span, hint: "convert one side so that node ids have the same type")
            }
            tables.append(BoundMakeGraph.NodeTable(query: nq, key: key))
            for (c, f) in nq.schema.fields.enumerated() {
                if let i = fields.firstIndex(where: { $0.name == f.name }) {
                    guard fields[i].type == f.type else {
                        throw KQLError(
                            .type,
                            "node property '\(f.name)' is \(fields[i].type.rawValue) in one nodes table and \(f.type.rawValue) in another",
                            span: n.table.span, hint: "convert it to one type in both tables")
                    }
                    sources[i][t] = c
                } else {
                    fields.append(f)
                    var s = [Int?](repeating: nil, count: m.nodes.count)
                    s[t] = c
                    sources.append(s)
                }
            }
        }
        if let idName = m.nodeIdProperty {
            fields = [Field(idName.name, idType)]
            sources = [[]]
        }
        var partition: (edges: Int, nodes: [Int])?
        if let (column, _) = m.partition {
            guard let e = edges.index(of: column.name) else { throw unknownColumn(column, edges) }
            var nodeColumns: [Int] = []
            for t in tables {
                guard let c = t.query.schema.index(of: column.name) else {
                    throw KQLError(
                        .unknownName, "the nodes table has no partition column '\(column.name)'", span: column.span,
                        hint: "with partitioned-by, the edges and every nodes table must have the partition column")
                }
                nodeColumns.append(c)
            }
            partition = (e, nodeColumns)
        }
        let build = BoundMakeGraph(
            sourceColumn: source, targetColumn: target, edgeSchema: edges, nodeTables: tables,
            nodeIdProperty: m.nodeIdProperty?.name, nodeSchema: Schema(fields), nodeColumnSources: sources,
            partition: partition)
        var pending = BoundGraphPipeline(build: build, steps: [], nodeSchema: Schema(fields))
        var out = q
        guard let (column, ops) = m.partition else {
            out.pendingGraph = pending
            return out
        }
        // Each partition's graph runs through the operators in parentheses, which must end in a table.
        for (i, op) in ops.enumerated() {
            switch try bindGraphStep(op, pending, scope: scope) {
            case .graph(let p):
                pending = p
            case .table(let g) where i == ops.count - 1:
                out.append(.graph(g), producing: g.schema)
                out.isSerialized = false
                return out
            case .table:
                throw KQLError(
                    .type, "this operator makes a table, and the operators after it in partitioned-by need a graph",
                    span: ops[i + 1].keywordSpan)
            }
        }
        throw KQLError(
            .type, "the operators of partitioned-by must end with one that makes a table", span: column.span,
            hint: "end them with graph-match, graph-shortest-paths or graph-to-table")
    }

    /// Node ids meet across types that hold the same values (`int` and `long`).
    static func sameKeyType(_ a: ScalarType, _ b: ScalarType) -> Bool {
        a == b || ([.int, .long].contains(a) && [.int, .long].contains(b))
    }

    /// A statement's results: like ``bindResults(_:scope:)`` (one table, or one per branch of a final `fork` or
    /// `facet`), except that `graph-to-table` with `as` names its results in `scope` for the statements after
    /// it (and with both nodes and edges, the statement itself returns none).
    public func bindQueryStatement(_ e: ExpressionSyntax, scope: inout Scope) throws(KQLError) -> [BoundQuery] {
        guard case .pipeline(let source, let ops, let span) = e, let last = ops.last,
            case .graphToTable(let t) = last.kind,
            t.nodes?.alias != nil || t.edges?.alias != nil
        else {
            return try bindResults(e, scope: scope)
        }
        let graph = try bindTabularOrGraph(
            .pipeline(source: source, operators: Array(ops.dropLast()), span: span), scope: scope)
        guard let pending = graph.pendingGraph else {
            throw KQLError(
                .type, "'graph-to-table' needs a graph, and its input is a table", span: last.keywordSpan,
                hint: "build the graph first: `| make-graph Source --> Target` before it")
        }
        var results: [BoundQuery] = []
        for (part, nodes) in [(t.nodes, true), (t.edges, false)] {
            guard let part else { continue }
            let g = try bindGraphToTable(part, nodes: nodes, pending)
            var q = graph
            q.pendingGraph = nil
            q.append(.graph(g), producing: g.schema)
            q.isSerialized = false
            if let alias = part.alias {
                // Computed once, however often the statements after it read the name.
                let shared = BoundQuery(source: .materialized(id: makeMaterializeID(), q), schema: q.schema)
                scope[alias.name] = .tabular(shared)
            }
            results.append(q)
        }
        return results.count == 1 ? results : []
    }
}
