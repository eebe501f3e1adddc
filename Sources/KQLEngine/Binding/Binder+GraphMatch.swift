import Columnar
import KQLSyntax

/// Binding of `graph-match` and `graph-shortest-paths`: the pattern's variables, the order matching visits its
/// edges, and `where`/`project` rewritten over the match table. The `where` condition is split at its top-level
/// `and`s: a part reading one node (or single edge) variable alone, or `all(e, …)`/`all(inner_nodes(e), …)`,
/// narrows the candidates before matching; the rest is tested on the matches.
extension Binder {
    func bindGraphMatch(
        _ m: GraphMatchSyntax, shortestPaths: Bool, graph: BoundGraphPipeline,
        scope: Scope
    ) throws(KQLError) -> BoundGraphMatch {
        let pattern = try bindGraphPattern(m, shortestPaths: shortestPaths)
        var cycles = GraphCycles.uniqueEdges
        var keepAll = false
        for o in m.options {
            guard case .name(let n) = o.value else {
                throw KQLError(.argument, "'\(o.name)' takes a word", span: o.span)
            }
            if shortestPaths {
                guard ["any", "all"].contains(n.name) else {
                    throw KQLError(.argument, "output must be any or all, not '\(n.name)'", span: o.span)
                }
                keepAll = n.name == "all"
            } else {
                guard let c = GraphCycles(rawValue: n.name) else {
                    throw KQLError(.argument, "cycles must be all, none or unique_edges, not '\(n.name)'", span: o.span)
                }
                cycles = c
            }
        }
        var nodeIndex: [String: Int] = [:], edgeIndex: [String: Int] = [:]
        for (i, n) in pattern.nodeNames.enumerated() { nodeIndex[n] = i }
        for (i, n) in pattern.edgeNames.enumerated() { edgeIndex[n] = i }
        let walks = Set(pattern.edges.indices.filter { pattern.edges[$0].length != nil })
        var rewriter = GraphExpressionRewriter(
            nodeNames: nodeIndex, edgeNames: edgeIndex, walks: walks, nodeSchema: graph.nodeSchema,
            edgeSchema: graph.build.edgeSchema,
            bindElement: { (e: ExpressionSyntax, s: Schema) throws(KQLError) -> BoundExpression in
                try self.bindScalar(e, schema: s, scope: scope)
            })
        var nodeFilters: [(node: Int, predicate: BoundExpression)] = []
        var edgeFilters: [(edge: Int, predicate: BoundExpression)] = []
        var pathEdgeFilters: [(edge: Int, predicate: BoundExpression)] = []
        var pathNodeFilters: [(edge: Int, predicate: BoundExpression)] = []
        var residual: [(BoundExpression, SourceSpan)] = []
        for part in Binder.conjuncts(m.constraint) {
            // `all(e, cond)` restricts every step of the walk.
            if case .call(let f, let args, _) = Binder.unparenthesized(part), f.name == "all", args.count == 2,
                let (edge, inner) = rewriter.walkArgument(args[0].value)
            {
                let w = try rewriter.elementwise(.all, edge: edge, innerNodes: inner, args[1].value)
                if inner {
                    pathNodeFilters.append((edge, w.expression))
                } else {
                    pathEdgeFilters.append((edge, w.expression))
                }
                continue
            }
            rewriter.startRecording()
            let rewritten = try rewriter.rewrite(part)
            let bound = try bindScalar(rewritten, schema: rewriter.schema, scope: scope)
            guard bound.type == .bool || bound.type == .dynamic else {
                throw KQLError(
                    .type, "the `where` condition must be bool, but it is \(bound.type.rawValue)", span: part.span)
            }
            if !rewriter.readsElementwise, rewriter.edgesRead.isEmpty, rewriter.nodesRead.count == 1 {
                nodeFilters.append((rewriter.nodesRead.first!, bound))
            } else if !rewriter.readsElementwise, rewriter.nodesRead.isEmpty, rewriter.edgesRead.count == 1,
                let e = rewriter.edgesRead.first, !walks.contains(e)
            {
                edgeFilters.append((e, bound))
            } else {
                residual.append((bound, part.span))
            }
        }
        var projection: [(name: String, value: BoundExpression)] = []
        var namer = ColumnNamer(existing: [])
        for item in m.projection {
            guard item.names.count <= 1 else {
                throw KQLError(
                    .unsupported, "assigning several names at once is not supported in graph-match",
                    span: item.value.span)
            }
            let rewritten = try rewriter.rewrite(item.value)
            let bound = try bindScalar(rewritten, schema: rewriter.schema, scope: scope)
            let name = item.names.first?.name ?? Binder.graphColumnName(item.value) ?? namer.anonymous()
            guard !projection.contains(where: { $0.name == name }) else {
                throw KQLError(.argument, "project names column '\(name)' twice", span: item.value.span)
            }
            namer.take(name)
            projection.append((name, bound))
        }
        return BoundGraphMatch(
            pattern: pattern, cycles: cycles,
            shortestPaths: shortestPaths ? (edge: 0, all: keepAll) : nil,
            columns: rewriter.columns, matchSchema: rewriter.schema,
            nodeFilters: nodeFilters, edgeFilters: edgeFilters, pathEdgeFilters: pathEdgeFilters,
            pathNodeFilters: pathNodeFilters, residual: try conjunction(residual), projection: projection)
    }

    /// The parts of residual conditions joined with `and`.
    private func conjunction(_ parts: [(BoundExpression, SourceSpan)]) throws(KQLError) -> BoundExpression? {
        guard var (out, span) = parts.first else { return nil }
        guard let and = functions.binaryFunction(.and) else { throw unsupported("operator `and`", span) }
        for (p, s) in parts.dropFirst() {
            out = try makeCall(and, [out, p], argumentSpans: [span, s], span: span.union(s))
            span = span.union(s)
        }
        return out
    }

    /// The name a projected expression gets: `n.prop` is `n_prop`, `node_degree_in(n)` is `node_degree_in`.
    static func graphColumnName(_ e: ExpressionSyntax) -> String? {
        if case .call(let f, _, _) = e, ["node_degree_in", "node_degree_out"].contains(f.name) { return f.name }
        return ColumnNamer.derivedName(e)
    }

    /// The operands of top-level `and`s (through parentheses), left to right, found without recursion.
    static func conjuncts(_ e: ExpressionSyntax?) -> [ExpressionSyntax] {
        guard let e else { return [] }
        var out: [ExpressionSyntax] = []
        var work = [e]
        while let next = work.popLast() {
            switch unparenthesized(next) {
            case .binary(.and, let l, let r, _): work.append(r); work.append(l)
            case .chain(let first, let links, _) where links.allSatisfy({ $0.op == .and }):
                for l in links.reversed() { work.append(l.operand) }
                work.append(first)
            default: out.append(next)
            }
        }
        return out
    }

    /// The pattern's variables and edges, the edges reordered so each touches a node an earlier one bound.
    func bindGraphPattern(_ m: GraphMatchSyntax, shortestPaths: Bool) throws(KQLError) -> BoundGraphPattern {
        var nodeNames: [String] = [], nodeIndex: [String: Int] = [:]
        var edgeNames: [String] = []
        var edges: [BoundGraphPattern.Edge] = []
        func node(_ element: GraphPatternElementSyntax) throws(KQLError) -> Int {
            guard case .node(let name, _) = element else {
                throw KQLError(.parse, "a pattern alternates nodes and edges", span: m.span)
            }
            if let name, let i = nodeIndex[name.name] { return i }
            let i = nodeNames.count
            let n = name?.name ?? " node#\(i)"
            nodeNames.append(n)
            nodeIndex[n] = i
            return i
        }
        for sequence in m.sequences {
            var left = try node(sequence[0])
            var k = 1
            while k + 1 < sequence.count {
                guard case .edge(let e) = sequence[k] else {
                    throw KQLError(.parse, "a pattern alternates nodes and edges", span: m.span)
                }
                let right = try node(sequence[k + 1])
                if let n = e.name {
                    guard !edgeNames.contains(n.name) else {
                        throw KQLError(
                            .argument, "edge variable '\(n.name)' appears twice in the pattern", span: n.span,
                            hint: "an edge variable names one edge of the pattern; node variables may repeat")
                    }
                    guard nodeIndex[n.name] == nil else {
                        throw KQLError(
                            .argument, "'\(n.name)' names both a node and an edge of the pattern", span: n.span)
                    }
                }
                edgeNames.append(e.name?.name ?? " edge#\(edges.count)")
                edges.append(
                    BoundGraphPattern.Edge(
                        left: left, right: right, direction: e.direction,
                        length: e.length.map { $0.min...$0.max }, span: e.span))
                left = right
                k += 2
            }
        }
        for n in edgeNames where nodeIndex[n] != nil {
            throw KQLError(.argument, "'\(n)' names both a node and an edge of the pattern", span: m.span)
        }
        if shortestPaths {
            guard m.sequences.count == 1, edges.count == 1, edges[0].length != nil else {
                throw KQLError(
                    .unsupported,
                    "graph-shortest-paths supports one variable length edge between two nodes, `(a)-[e*1..5]->(b)`",
                    span: m.span)
            }
        }
        // Order the edges so each touches a node bound before it: a walk over the pattern from its first node.
        var bound = Set([0])
        var order: [Int] = []
        var remaining = Array(edges.indices)
        while !remaining.isEmpty {
            guard
                let k = remaining.firstIndex(where: {
                    bound.contains(edges[$0].left) || bound.contains(edges[$0].right)
                })
            else {
                throw KQLError(
                    .argument,
                    "the pattern's sequences must share node variables: only single connected component patterns are supported",
                    span: m.span, hint: "name a node of one sequence in the other, as in (a)--(n), (n)--(b)")
            }
            let e = remaining.remove(at: k)
            order.append(e)
            bound.insert(edges[e].left); bound.insert(edges[e].right)
        }
        guard bound.count == nodeNames.count else {
            throw KQLError(
                .argument,
                "the pattern's sequences must share node variables: only single connected component patterns are supported",
                span: m.span, hint: "name a node of one sequence in the other, as in (a)--(n), (n)--(b)")
        }
        return BoundGraphPattern(
            nodeNames: nodeNames, edgeNames: order.map { edgeNames[$0] }, edges: order.map { edges[$0] }, first: 0)
    }
}
