import Columnar
import KQLSyntax

/// Rewrites the `where` and `project` expressions of `graph-match` and `graph-shortest-paths` into ordinary
/// expressions over the match table: each `n.prop`, bare variable, `node_degree_in(n)`, `labels(n)` and
/// `map`/`all`/`any(e, ...)` becomes a column of that table (``GraphMatchColumn``), added the first time it is
/// met. What the expression reads is recorded, so that a condition on one variable alone can be tested before
/// matching.
///
/// The walk over the syntax is as deep as the expression's nesting, which the parser bounds
/// (`QueryLimits.maxNestingDepth`), and binding runs on the deep-stack thread.
struct GraphExpressionRewriter {
    let nodeNames: [String: Int]
    let edgeNames: [String: Int]
    /// Which edge variables are variable length edges.
    let walks: Set<Int>
    let nodeSchema: Schema
    let edgeSchema: Schema
    /// Binds an element expression (`map(e, expr)`'s `expr`) over an element schema.
    let bindElement: (ExpressionSyntax, Schema) throws(KQLError) -> BoundExpression

    init(
        nodeNames: [String: Int], edgeNames: [String: Int], walks: Set<Int>, nodeSchema: Schema, edgeSchema: Schema,
        bindElement: @escaping (ExpressionSyntax, Schema) throws(KQLError) -> BoundExpression
    ) {
        self.nodeNames = nodeNames; self.edgeNames = edgeNames; self.walks = walks
        self.nodeSchema = nodeSchema; self.edgeSchema = edgeSchema; self.bindElement = bindElement
    }

    private(set) var columns: [GraphMatchColumn] = []
    private(set) var fields: [Field] = []
    private var known: [String: Int] = [:]

    /// Variables the expressions rewritten since the last `startRecording` read.
    private(set) var nodesRead = Set<Int>()
    private(set) var edgesRead = Set<Int>()
    private(set) var readsElementwise = false

    mutating func startRecording() { nodesRead = []; edgesRead = []; readsElementwise = false }

    /// The match table's schema so far.
    var schema: Schema { Schema(fields) }

    /// The column for `key`, added with `make` when it is new, as a name expression.
    private mutating func column(
        _ key: String, span: SourceSpan, _ make: () throws(KQLError) -> (GraphMatchColumn, ScalarType)
    ) throws(KQLError) -> ExpressionSyntax {
        let index: Int
        if let k = known[key] {
            index = k
        } else {
            let (c, type) = try make()
            index = columns.count
            columns.append(c)
            fields.append(Field(GraphExpressionRewriter.columnName(index), type))
            known[key] = index
        }
        return .name(NameSyntax(GraphExpressionRewriter.columnName(index), span: span))
    }

    /// Names no query can write (they start with a space).
    static func columnName(_ i: Int) -> String { " graph#\(i)" }

    mutating func rewrite(_ e: ExpressionSyntax) throws(KQLError) -> ExpressionSyntax {
        switch e {
        case .literal, .star, .schema, .pipeline, .source:
            return e
        case .name(let n):
            if let v = nodeNames[n.name] {
                nodesRead.insert(v)
                return try column("node \(v)", span: n.span) { (.node(v), .dynamic) }
            }
            if let x = edgeNames[n.name] {
                edgesRead.insert(x)
                return try column("edge \(x)", span: n.span) { (.edge(x), .dynamic) }
            }
            return e
        case .member(.name(let base), let property, let span)
        where nodeNames[base.name] != nil || edgeNames[base.name] != nil:
            return try self.property(of: base, property, span: span)
        case .member(let base, let name, let span):
            return .member(base: try rewrite(base), name: name, span: span)
        case .index(let base, let index, let span):
            return .index(base: try rewrite(base), index: try rewrite(index), span: span)
        case .parenthesized(let inner, let span):
            return .parenthesized(try rewrite(inner), span)
        case .unary(let op, let operand, let span):
            return .unary(op: op, operand: try rewrite(operand), span: span)
        case .binary(let op, let l, let r, let span):
            return .binary(op: op, left: try rewrite(l), right: try rewrite(r), span: span)
        case .chain(let first, let links, let span):
            var out: [ChainLinkSyntax] = []
            for l in links { out.append(ChainLinkSyntax(op: l.op, operand: try rewrite(l.operand))) }
            return .chain(first: try rewrite(first), links: out, span: span)
        case .setMembership(let op, let left, let right, let span):
            var out: [ExpressionSyntax] = []
            for r in right { out.append(try rewrite(r)) }
            return .setMembership(op: op, left: try rewrite(left), right: out, span: span)
        case .between(let value, let low, let high, let negated, let span):
            return .between(
                value: try rewrite(value), low: try rewrite(low), high: try rewrite(high), negated: negated, span: span)
        case .call(let name, let args, let span):
            if let special = try graphFunction(name, args, span: span) { return special }
            var out: [ArgumentSyntax] = []
            for a in args { out.append(ArgumentSyntax(name: a.name, value: try rewrite(a.value))) }
            return .call(name: name, arguments: out, span: span)
        }
    }

    /// `v.prop` of a node or edge variable.
    private mutating func property(of base: NameSyntax, _ property: NameSyntax, span: SourceSpan) throws(KQLError)
        -> ExpressionSyntax
    {
        if let v = nodeNames[base.name] {
            guard let p = nodeSchema.index(of: property.name) else {
                throw unknownProperty(base, property, nodeSchema, "node")
            }
            nodesRead.insert(v)
            let type = nodeSchema.fields[p].type
            return try column("node \(v).\(p)", span: span) { (.nodeProperty(node: v, property: p), type) }
        }
        let x = edgeNames[base.name]!
        guard let p = edgeSchema.index(of: property.name) else {
            throw unknownProperty(base, property, edgeSchema, "edge")
        }
        edgesRead.insert(x)
        let type = walks.contains(x) ? ScalarType.dynamic : edgeSchema.fields[p].type
        return try column("edge \(x).\(p)", span: span) { (.edgeProperty(edge: x, property: p), type) }
    }

    private func unknownProperty(_ base: NameSyntax, _ property: NameSyntax, _ schema: Schema, _ what: String)
        -> KQLError
    {
        NameSuggestion.unknown(
            "property of \(what) '\(base.name)'", property, among: schema.names,
            otherwise: schema.names.isEmpty
                ? "the \(what)s of this graph have no properties"
                : "the \(what) properties are: \(schema.names.joined(separator: ", "))")
    }

    /// The graph functions: `node_degree_in/out(n)`, `labels(v)`, `map/all/any(e, expr)`, `inner_nodes(e)`;
    /// nil for any other call.
    private mutating func graphFunction(_ name: NameSyntax, _ args: [ArgumentSyntax], span: SourceSpan) throws(KQLError)
        -> ExpressionSyntax?
    {
        switch name.name {
        case "node_degree_in", "node_degree_out":
            guard args.count == 1, case .name(let n) = args[0].value, let v = nodeNames[n.name] else {
                throw KQLError(
                    .argument,
                    "\(name.name)() takes a node variable of the pattern (or nothing inside map(), all() or any() over inner_nodes())",
                    span: span)
            }
            nodesRead.insert(v)
            let incoming = name.name == "node_degree_in"
            return try column("degree \(v) \(incoming)", span: span) { (.degree(node: v, incoming: incoming), .long) }
        case "labels":
            guard args.count == 1, case .name(let n) = args[0].value,
                nodeNames[n.name] != nil || edgeNames[n.name] != nil
            else {
                throw KQLError(
                    .argument,
                    "labels() takes a node or edge variable of the pattern (or nothing inside map(), all() or any())",
                    span: span)
            }
            // Graphs made by make-graph carry no labels: the reference says labels() is then always empty.
            return .literal(.dynamic(.array([])), .dynamic, span)
        case "inner_nodes":
            throw KQLError(
                .argument, "inner_nodes() can only be the first argument of map(), all() or any()", span: span)
        case "map", "all", "any":
            guard args.count == 2, let (edge, inner) = walkArgument(args[0].value) else {
                if args.count == 2, case .name(let n) = args[0].value,
                    nodeNames[n.name] != nil || edgeNames[n.name] != nil
                {
                    throw KQLError(
                        .argument,
                        "\(name.name)() takes a variable length edge (`-[e*1..3]->`) or inner_nodes() of one, and '\(n.name)' is not one",
                        span: args[0].value.span)
                }
                return nil
            }
            let kind = BoundGraphElementwise.Kind(rawValue: name.name)!
            let w = try elementwise(kind, edge: edge, innerNodes: inner, args[1].value)
            edgesRead.insert(edge)
            readsElementwise = true
            let key = "\(kind.rawValue) \(edge) \(inner) \(columns.count)"
            return try column(key, span: span) { (.elementwise(w), kind == .map ? .dynamic : .bool) }
        default:
            return nil
        }
    }

    /// `e` or `inner_nodes(e)` for a variable length edge `e`.
    func walkArgument(_ e: ExpressionSyntax) -> (Int, Bool)? {
        switch e {
        case .name(let n):
            guard let x = edgeNames[n.name], walks.contains(x) else { return nil }
            return (x, false)
        case .call(let f, let args, _) where f.name == "inner_nodes" && args.count == 1:
            guard case .name(let n) = args[0].value, let x = edgeNames[n.name], walks.contains(x) else { return nil }
            return (x, true)
        default:
            return nil
        }
    }

    /// `map`/`all`/`any`'s expression, bound over one element (an edge, or an inner node with its degrees).
    func elementwise(_ kind: BoundGraphElementwise.Kind, edge: Int, innerNodes: Bool, _ body: ExpressionSyntax)
        throws(KQLError) -> BoundGraphElementwise
    {
        let schema = innerNodes ? GraphMatchTable.elementSchema(nodes: nodeSchema) : edgeSchema
        let rewritten = try GraphExpressionRewriter.elementExpression(body, innerNodes: innerNodes)
        return BoundGraphElementwise(
            kind: kind, edge: edge, innerNodes: innerNodes, expression: try bindElement(rewritten, schema))
    }

    /// An element expression with `node_degree_in()`, `node_degree_out()` and `labels()` (no arguments) made
    /// columns of the element; property names stay plain names of the element's columns.
    static func elementExpression(_ e: ExpressionSyntax, innerNodes: Bool) throws(KQLError) -> ExpressionSyntax {
        switch e {
        case .call(let name, let args, let span):
            switch name.name {
            case "node_degree_in", "node_degree_out":
                guard args.isEmpty, innerNodes else {
                    throw KQLError(
                        .argument,
                        "\(name.name)() without arguments reads an inner node: use it in map(), all() or any() over inner_nodes(e)",
                        span: span)
                }
                let column =
                    name.name == "node_degree_in" ? GraphMatchTable.degreeInColumn : GraphMatchTable.degreeOutColumn
                return .name(NameSyntax(column, span: span))
            case "labels" where args.isEmpty:
                return .literal(.dynamic(.array([])), .dynamic, span)
            case "map", "all", "any", "inner_nodes":
                throw KQLError(.unsupported, "\(name.name)() inside map(), all() or any() is not supported", span: span)
            default:
                var out: [ArgumentSyntax] = []
                for a in args {
                    out.append(
                        ArgumentSyntax(name: a.name, value: try elementExpression(a.value, innerNodes: innerNodes)))
                }
                return .call(name: name, arguments: out, span: span)
            }
        case .member(let base, let name, let span):
            return .member(base: try elementExpression(base, innerNodes: innerNodes), name: name, span: span)
        case .index(let base, let index, let span):
            return .index(
                base: try elementExpression(base, innerNodes: innerNodes),
                index: try elementExpression(index, innerNodes: innerNodes), span: span)
        case .parenthesized(let inner, let span):
            return .parenthesized(try elementExpression(inner, innerNodes: innerNodes), span)
        case .unary(let op, let operand, let span):
            return .unary(op: op, operand: try elementExpression(operand, innerNodes: innerNodes), span: span)
        case .binary(let op, let l, let r, let span):
            return .binary(
                op: op, left: try elementExpression(l, innerNodes: innerNodes),
                right: try elementExpression(r, innerNodes: innerNodes), span: span)
        case .chain(let first, let links, let span):
            var out: [ChainLinkSyntax] = []
            for l in links {
                out.append(ChainLinkSyntax(op: l.op, operand: try elementExpression(l.operand, innerNodes: innerNodes)))
            }
            return .chain(first: try elementExpression(first, innerNodes: innerNodes), links: out, span: span)
        case .setMembership(let op, let left, let right, let span):
            var out: [ExpressionSyntax] = []
            for r in right { out.append(try elementExpression(r, innerNodes: innerNodes)) }
            return .setMembership(
                op: op, left: try elementExpression(left, innerNodes: innerNodes), right: out, span: span)
        case .between(let value, let low, let high, let negated, let span):
            return .between(
                value: try elementExpression(value, innerNodes: innerNodes),
                low: try elementExpression(low, innerNodes: innerNodes),
                high: try elementExpression(high, innerNodes: innerNodes), negated: negated, span: span)
        case .literal, .name, .star, .schema, .pipeline, .source:
            return e
        }
    }
}
