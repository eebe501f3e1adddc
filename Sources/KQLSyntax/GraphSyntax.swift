import Columnar

/// `make-graph Source --> Target [with Nodes on Key [, Nodes2 on Key2]] [with_node_id=Name]
/// [partitioned-by Column ( graph operators )]`.
public struct MakeGraphSyntax: Sendable {
    /// One `with` table of node properties and its key column.
    public struct NodeTable: Sendable {
        public var table: ExpressionSyntax
        public var key: NameSyntax
        public init(table: ExpressionSyntax, key: NameSyntax) { self.table = table; self.key = key }
    }
    public var source: NameSyntax
    public var target: NameSyntax
    public var nodes: [NodeTable]
    /// `with_node_id=`: the node property that holds each node's id.
    public var nodeIdProperty: NameSyntax?
    /// `partitioned-by Column (ops)`: a graph per value of the column, each run through `operators`.
    public var partition: (column: NameSyntax, operators: [OperatorSyntax])?
    public init(
        source: NameSyntax, target: NameSyntax, nodes: [NodeTable], nodeIdProperty: NameSyntax?,
        partition: (column: NameSyntax, operators: [OperatorSyntax])?
    ) {
        self.source = source; self.target = target; self.nodes = nodes
        self.nodeIdProperty = nodeIdProperty; self.partition = partition
    }
}

/// One element of a graph pattern: a node `(n)` or an edge `-[e]->`, `<-[e*1..3]-`, `--`.
public enum GraphPatternElementSyntax: Sendable {
    case node(name: NameSyntax?, span: SourceSpan)
    case edge(GraphEdgeSyntax)
}

/// An edge of a pattern, read from the node on its left to the node on its right.
public struct GraphEdgeSyntax: Sendable {
    public enum Direction: Sendable { case leftToRight, rightToLeft, any }
    public var name: NameSyntax?
    public var direction: Direction
    /// `*min..max` of a variable length edge; nil for a single edge.
    public var length: (min: Int, max: Int)?
    public var span: SourceSpan
    public init(name: NameSyntax?, direction: Direction, length: (min: Int, max: Int)?, span: SourceSpan) {
        self.name = name; self.direction = direction; self.length = length; self.span = span
    }
}

/// `graph-match [cycles=...] pattern [where c] project ...` and
/// `graph-shortest-paths [output=...] pattern [where c] project ...`.
public struct GraphMatchSyntax: Sendable {
    /// `cycles=` (graph-match) or `output=` (graph-shortest-paths).
    public var options: [OptionSyntax]
    /// Comma-separated sequences, each alternating nodes and edges, starting and ending with a node.
    public var sequences: [[GraphPatternElementSyntax]]
    public var constraint: ExpressionSyntax?
    public var projection: [AssignmentSyntax]
    public var span: SourceSpan
    public init(
        options: [OptionSyntax], sequences: [[GraphPatternElementSyntax]], constraint: ExpressionSyntax?,
        projection: [AssignmentSyntax], span: SourceSpan
    ) {
        self.options = options; self.sequences = sequences; self.constraint = constraint
        self.projection = projection; self.span = span
    }
}

/// `graph-to-table nodes [as N] [with_node_id=C] [, edges [as E] [with_source_id=S] [with_target_id=T]]`.
public struct GraphToTableSyntax: Sendable {
    /// One exported part: `nodes` or `edges`, its `as` name and its `with_*_id=` options.
    public struct Part: Sendable {
        public var alias: NameSyntax?
        public var options: [OptionSyntax]
        public var span: SourceSpan
        public init(alias: NameSyntax?, options: [OptionSyntax], span: SourceSpan) {
            self.alias = alias; self.options = options; self.span = span
        }
    }
    public var nodes: Part?
    public var edges: Part?
    /// True when `nodes` was written first (the order the results come out in).
    public var nodesFirst: Bool
    public init(nodes: Part?, edges: Part?, nodesFirst: Bool) {
        self.nodes = nodes; self.edges = edges; self.nodesFirst = nodesFirst
    }
}
