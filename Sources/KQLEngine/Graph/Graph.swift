import Columnar

/// A graph built by `make-graph`: nodes and edges with their properties as tables, and the adjacency of
/// each node in both directions (compressed rows: the edges leaving node `n` are
/// `outEdges[outStart[n]..<outStart[n + 1]]`).
///
/// Nodes are numbered in the order they were met: the nodes tables' rows first, then the ids the edges name
/// that no nodes table has, source before target, row by row; edges keep the input's row order.
struct Graph: Sendable {
    /// One row per node.
    var nodes: Table
    /// One row per edge: the `make-graph` input.
    var edges: Table
    /// Each node's id, with `int` widened to `long` so that ids of both types meet.
    var nodeIDs: [Value]
    var edgeSource: [Int]
    var edgeTarget: [Int]
    private(set) var outStart: [Int] = []
    private(set) var outEdges: [Int] = []
    private(set) var inStart: [Int] = []
    private(set) var inEdges: [Int] = []

    var nodeCount: Int { nodeIDs.count }
    var edgeCount: Int { edgeSource.count }

    init(nodes: Table, edges: Table, nodeIDs: [Value], edgeSource: [Int], edgeTarget: [Int]) {
        self.nodes = nodes; self.edges = edges; self.nodeIDs = nodeIDs
        self.edgeSource = edgeSource; self.edgeTarget = edgeTarget
        (outStart, outEdges) = Graph.adjacency(from: edgeSource, nodeCount: nodeIDs.count)
        (inStart, inEdges) = Graph.adjacency(from: edgeTarget, nodeCount: nodeIDs.count)
    }

    /// Edges leaving `node`, in input order.
    func outgoing(_ node: Int) -> ArraySlice<Int> { outEdges[outStart[node]..<outStart[node + 1]] }
    /// Edges entering `node`, in input order.
    func incoming(_ node: Int) -> ArraySlice<Int> { inEdges[inStart[node]..<inStart[node + 1]] }

    func degreeIn(_ node: Int) -> Int { inStart[node + 1] - inStart[node] }
    func degreeOut(_ node: Int) -> Int { outStart[node + 1] - outStart[node] }

    /// The node at the other end of `edge` from `node`.
    func otherEnd(of edge: Int, from node: Int) -> Int {
        edgeSource[edge] == node ? edgeTarget[edge] : edgeSource[edge]
    }

    /// The id a key value takes in a graph: `int` widened to `long`, a dynamic scalar unwrapped.
    static func key(_ v: Value) -> Value {
        switch v {
        case .int(let i): return .long(Int64(i))
        case .dynamic(let d):
            switch d {
            case .long(let l): return .long(l)
            case .string(let s): return .string(s)
            case .null: return .null
            default: return v
            }
        default: return v
        }
    }

    /// Counting sort of edges by one end: the start offsets per node and the edges in that order.
    private static func adjacency(from ends: [Int], nodeCount: Int) -> ([Int], [Int]) {
        var start = [Int](repeating: 0, count: nodeCount + 1)
        for n in ends { start[n + 1] += 1 }
        for i in stride(from: 0, to: nodeCount, by: 1) { start[i + 1] += start[i] }
        var fill = start
        var order = [Int](repeating: 0, count: ends.count)
        for (e, n) in ends.enumerated() {
            order[fill[n]] = e
            fill[n] += 1
        }
        return (start, order)
    }

    /// This graph with one more node property.
    func addingNodeProperty(_ name: String, _ column: Column) -> Graph {
        var g = self
        var fields = nodes.schema.fields, columns = nodes.columns
        if let i = fields.firstIndex(where: { $0.name == name }) {
            fields[i] = Field(name, column.type); columns[i] = column
        } else {
            fields.append(Field(name, column.type)); columns.append(column)
        }
        g.nodes = Table(schema: Schema(fields), columns: columns, rowCount: nodeCount)
        return g
    }
}
