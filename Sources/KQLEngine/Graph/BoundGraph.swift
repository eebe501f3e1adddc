import Columnar
import KQLSyntax

/// A graph expression after binding: how `make-graph` builds the graph from its input, and the graph operators
/// that transform it (`graph-mark-components`). It becomes a table only through a terminal graph operator
/// (``BoundGraphQuery``); until then a query carrying it is a graph, not a table.
public struct BoundGraphPipeline: Sendable {
    public var build: BoundMakeGraph
    public var steps: [BoundGraphStep]
    /// The node properties after the steps (`graph-mark-components` adds one).
    public var nodeSchema: Schema
}

/// `make-graph Source --> Target [with Nodes on Key ...] [with_node_id=Name]`.
public struct BoundMakeGraph: Sendable {
    /// One `with` table: its query and its key column.
    public struct NodeTable: Sendable {
        public var query: BoundQuery
        public var key: Int
    }
    public var sourceColumn: Int
    public var targetColumn: Int
    /// The columns of the input, every one of them a property of each edge.
    public var edgeSchema: Schema
    public var nodeTables: [NodeTable]
    /// `with_node_id=`: the property that holds each node's id (when no nodes tables are given).
    public var nodeIdProperty: String?
    /// The node properties the build produces: the nodes tables' columns merged by name (or the id property).
    public var nodeSchema: Schema
    /// For each node property, where its values come from: a column of each nodes table (nil: not there).
    public var nodeColumnSources: [[Int?]]
    /// `partitioned-by`: the edges' partition column, and each nodes table's.
    public var partition: (edges: Int, nodes: [Int])?
}

/// A graph-to-graph operator.
public enum BoundGraphStep: Sendable {
    /// `graph-mark-components`: each node gets the zero-based index of its component in `property`.
    case markComponents(strong: Bool, property: String)
}

/// A graph operator that makes a table: `graph-match`, `graph-shortest-paths`, `graph-to-table`.
public enum BoundGraphOutput: Sendable {
    case match(BoundGraphMatch)
    case toTable(BoundGraphToTable)
}

/// A graph expression turned into a table: what the ``GraphOperator`` runs over its input (the edges).
public struct BoundGraphQuery: Sendable {
    public var pipeline: BoundGraphPipeline
    public var output: BoundGraphOutput
    public var schema: Schema
}

/// `graph-to-table nodes|edges` with its id columns.
public struct BoundGraphToTable: Sendable {
    public var nodes: Bool
    /// `with_node_id=` (nodes), or `with_source_id=` (edges).
    public var idColumn: String?
    /// `with_target_id=` (edges).
    public var targetIdColumn: String?
}

/// Which matches `graph-match` keeps when a pattern can walk a cycle.
public enum GraphCycles: String, Sendable {
    /// Any walk.
    case all
    /// No node twice along a variable length edge (its end nodes included), and no edge twice in a match.
    case none
    /// No edge twice in a match (the default).
    case uniqueEdges = "unique_edges"
}

/// A bound pattern: node variables, and edges between them in an order where each edge touches a node
/// bound by an earlier step (so matching never has to guess a node it cannot reach).
public struct BoundGraphPattern: Sendable {
    public struct Edge: Sendable {
        /// Node variables at the pattern's left and right of the edge.
        public var left: Int
        public var right: Int
        public var direction: GraphEdgeSyntax.Direction
        /// nil for a single edge; otherwise the bounds of a variable length edge.
        public var length: ClosedRange<Int>?
        public var span: SourceSpan
    }
    /// Node variable names (anonymous nodes get names that cannot be written).
    public var nodeNames: [String]
    /// Edge variable names, one per edge (anonymous edges too).
    public var edgeNames: [String]
    public var edges: [Edge]
    /// The node variable matching starts from.
    public var first: Int
}

/// One column of the table a match becomes before `where` and `project` run over it.
public enum GraphMatchColumn: Sendable {
    /// A property of a node variable.
    case nodeProperty(node: Int, property: Int)
    /// A property of a single edge, or (as a dynamic array) of each edge of a variable length edge.
    case edgeProperty(edge: Int, property: Int)
    /// A whole node, or a single edge, as a property bag; a variable length edge as an array of bags.
    case node(Int)
    case edge(Int)
    /// `node_degree_in(n)` / `node_degree_out(n)`.
    case degree(node: Int, incoming: Bool)
    /// `map`, `all` or `any` over the edges (or with `inner_nodes`, the inner nodes) of a variable length edge.
    case elementwise(BoundGraphElementwise)
}

/// `map(e, expr)`, `all(e, cond)`, `any(inner_nodes(e), cond)`.
public struct BoundGraphElementwise: Sendable {
    public enum Kind: String, Sendable { case map, all, any }
    public var kind: Kind
    public var edge: Int
    public var innerNodes: Bool
    /// Bound over the element's properties followed by `ElementColumns` (degrees of an inner node).
    public var expression: BoundExpression
}

/// `graph-match` or `graph-shortest-paths`.
public struct BoundGraphMatch: Sendable {
    public var pattern: BoundGraphPattern
    public var cycles: GraphCycles
    /// `graph-shortest-paths`: the variable length edge searched, and whether all shortest paths are kept.
    public var shortestPaths: (edge: Int, all: Bool)?
    /// The columns of the match table, which `where` and `project` were bound against.
    public var columns: [GraphMatchColumn]
    public var matchSchema: Schema
    /// Conditions on one node (or single edge) variable alone, tested on every candidate before matching.
    public var nodeFilters: [(node: Int, predicate: BoundExpression)]
    public var edgeFilters: [(edge: Int, predicate: BoundExpression)]
    /// `all(e, cond)` and `all(inner_nodes(e), cond)` conditions, tested on each step of a walk.
    public var pathEdgeFilters: [(edge: Int, predicate: BoundExpression)]
    public var pathNodeFilters: [(edge: Int, predicate: BoundExpression)]
    /// The rest of `where`, over the match table.
    public var residual: BoundExpression?
    public var projection: [(name: String, value: BoundExpression)]
}
