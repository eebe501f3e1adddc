import Columnar

/// The graph operators: `make-graph`, `graph-match`, `graph-shortest-paths`, `graph-to-table` and
/// `graph-mark-components`, and the pattern notation `(a)-[e*1..3]->(b)` they share.
extension SyntaxParser {
    /// `Source --> Target [with T on k [, T2 on k2]] [with_node_id=N] [partitioned-by C (ops)]`, after `make-graph`.
    func parseMakeGraph() throws(KQLError) -> MakeGraphSyntax {
        let source = try parseName(after: "'make-graph'", what: "the column of source node ids")
        guard isPunct("-"), isPunct("-", 1), isPunct(">", 2) else {
            throw expected("'-->' between the source and target columns", after: "'make-graph \(source.name)'")
        }
        position += 3
        let target = try parseName(after: "'-->'", what: "the column of target node ids")
        var nodes: [MakeGraphSyntax.NodeTable] = []
        var nodeId: NameSyntax?
        if eatWord("with") {
            repeat {
                let table = try parseGraphNodeTable()
                try expectWord("on", after: "the nodes table of 'make-graph'")
                nodes.append(
                    MakeGraphSyntax.NodeTable(
                        table: table, key: try parseName(after: "'on'", what: "the node id column")))
            } while eatPunct(",")
        } else if isWord("with_node_id"), isPunct("=", 1) {
            position += 2
            nodeId = try parseName(after: "'with_node_id='", what: "a property name")
        }
        var partition: (column: NameSyntax, operators: [OperatorSyntax])?
        if isWord("partitioned"), isPunct("-", 1), isWord("by", 2) {
            position += 3
            let column = try parseName(after: "'partitioned-by'", what: "the partition column")
            let open = try expectPunct("(", after: "'partitioned-by \(column.name)'")
            var ops: [OperatorSyntax] = []
            repeat { ops.append(try parseOperator()) } while eatPunct("|")
            guard eatPunct(")") else { throw expected("')'", after: "the graph operators opened at \(location(open))") }
            partition = (column, ops)
        }
        return MakeGraphSyntax(
            source: source, target: target, nodes: nodes, nodeIdProperty: nodeId, partition: partition)
    }

    /// A nodes table after `with` or `,`: a name, a call (`table("T")`) or a parenthesized query.
    private func parseGraphNodeTable() throws(KQLError) -> ExpressionSyntax {
        if isPunct("(") { return try parsePrimary() }
        let name = try parseName(after: "'with'", what: "a table of node properties")
        if isPunct("("), adjacent(0) {
            position -= 1
            return try parseCall()
        }
        return .name(name)
    }

    /// `[options] pattern [where condition] project items`, after `graph-match` or `graph-shortest-paths`.
    func parseGraphMatch(operatorName: String, optionNames: Set<String>, start: Token) throws(KQLError)
        -> GraphMatchSyntax
    {
        let options = try parseOptions { optionNames.contains($0) }
        var sequences: [[GraphPatternElementSyntax]] = []
        repeat { sequences.append(try parseGraphSequence(operatorName: operatorName)) } while eatPunct(",")
        var constraint: ExpressionSyntax?
        if eatWord("where") { constraint = try parseExpression(expecting: "a condition", after: "'where'") }
        guard eatWord("project") else {
            throw expected("'project' and the columns to return", after: "the pattern of '\(operatorName)'")
        }
        let items = try parseAssignments(after: "'project'")
        return GraphMatchSyntax(
            options: options, sequences: sequences, constraint: constraint, projection: items,
            span: span(from: start))
    }

    /// `(a)-[e]->(b)<--(c)`: nodes and edges alternating, a node at each end.
    private func parseGraphSequence(operatorName: String) throws(KQLError) -> [GraphPatternElementSyntax] {
        var elements = [try parseGraphNode(operatorName: operatorName)]
        while isPunct("-") || (isPunct("<") && isPunct("-", 1)) {
            elements.append(.edge(try parseGraphEdge()))
            elements.append(try parseGraphNode(operatorName: operatorName))
        }
        return elements
    }

    private func parseGraphNode(operatorName: String) throws(KQLError) -> GraphPatternElementSyntax {
        let start = current
        guard eatPunct("(") else { throw expected("a node '(name)' of the pattern", after: "'\(operatorName)'") }
        var name: NameSyntax?
        if !isPunct(")") { name = try parseName(after: "'('", what: "a node variable name") }
        guard eatPunct(")") else { throw expected("')'", after: "the node variable") }
        return .node(name: name, span: span(from: start))
    }

    /// `-->`, `<--`, `--`, `-[e]->`, `<-[e]-`, `-[e]-`, `-[e*1..3]->`.
    private func parseGraphEdge() throws(KQLError) -> GraphEdgeSyntax {
        let start = current
        let leftArrow = eatPunct("<")
        _ = try expectPunct("-", after: "'<'")
        var name: NameSyntax?
        var length: (min: Int, max: Int)?
        if eatPunct("[") {
            if current.isIdentifier || isPunct("[") {
                name = try parseName(after: "'['", what: "an edge variable name")
            }
            if eatPunct("*") { length = try parseGraphEdgeLength() }
            guard eatPunct("]") else { throw expected("']'", after: "the edge variable") }
        }
        _ = try expectPunct("-", after: "the edge")
        let rightArrow = eatPunct(">")
        if leftArrow && rightArrow {
            throw KQLError(
                .parse, "an edge points one way ('-->' or '<--') or either way ('--'), not both",
                span: span(from: start))
        }
        let direction: GraphEdgeSyntax.Direction = rightArrow ? .leftToRight : leftArrow ? .rightToLeft : .any
        return GraphEdgeSyntax(name: name, direction: direction, length: length, span: span(from: start))
    }

    /// `min..max` (or one count) of a variable length edge, after `*`.
    private func parseGraphEdgeLength() throws(KQLError) -> (min: Int, max: Int) {
        func count(_ what: String) throws(KQLError) -> Int {
            guard case .long(let v) = current.kind, v >= 0, v <= Int64(Int32.max) else {
                throw expected("a non-negative whole number (\(what))", after: "'*' of a variable length edge")
            }
            advance()
            return Int(v)
        }
        let low = try count("the minimum length")
        guard eatPunct("..") else { return (low, low) }
        let high = try count("the maximum length")
        guard low <= high else {
            throw KQLError(
                .parse, "the minimum length \(low) of a variable length edge is above its maximum \(high)",
                span: previous.span)
        }
        return (low, high)
    }

    /// `nodes [as N] [with_node_id=C] [, edges ...]` or `edges [with_source_id=S] [with_target_id=T] [as E] [, nodes ...]`.
    func parseGraphToTable() throws(KQLError) -> GraphToTableSyntax {
        var nodes: GraphToTableSyntax.Part?, edges: GraphToTableSyntax.Part?
        var nodesFirst = true
        repeat {
            let start = current
            guard current.isIdentifier, ["nodes", "edges"].contains(current.text) else {
                throw expected("'nodes' or 'edges'", after: "'graph-to-table'")
            }
            let isNodes = advance().text == "nodes"
            if nodes == nil && edges == nil { nodesFirst = isNodes }
            let accepted: Set<String> = isNodes ? ["with_node_id"] : ["with_source_id", "with_target_id"]
            var options = try parseOptions { accepted.contains($0) }
            var alias: NameSyntax?
            if eatWord("as") { alias = try parseName(after: "'as'", what: "a name for the table") }
            options += try parseOptions { accepted.contains($0) }
            let part = GraphToTableSyntax.Part(alias: alias, options: options, span: span(from: start))
            if isNodes {
                guard nodes == nil else { throw KQLError(.parse, "'nodes' is exported twice", span: part.span) }
                nodes = part
            } else {
                guard edges == nil else { throw KQLError(.parse, "'edges' is exported twice", span: part.span) }
                edges = part
            }
        } while eatPunct(",")
        return GraphToTableSyntax(nodes: nodes, edges: edges, nodesFirst: nodesFirst)
    }
}
