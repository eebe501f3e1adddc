import Columnar
import KQLSyntax

/// The matches of a pattern: for each match, the node bound to each node variable and what each edge variable
/// took (a single edge, or a walk for a variable length edge), stored flat, one stride per match.
struct GraphMatches: Sendable {
    /// The edges of a variable length edge from the pattern's left node to its right one, and the nodes
    /// between them in that order.
    struct Walk: Sendable {
        var edges: [Int]
        var inner: [Int]
    }
    let nodeVariables: Int
    let edgeVariables: Int
    /// `nodes[m * nodeVariables + v]`.
    private(set) var nodes: [Int] = []
    /// `edges[m * edgeVariables + e]`: an edge, or for a variable length edge an index into `walks`.
    private(set) var edges: [Int] = []
    private(set) var walks: [Walk] = []
    private(set) var count = 0

    init(nodeVariables: Int, edgeVariables: Int) {
        self.nodeVariables = nodeVariables; self.edgeVariables = edgeVariables
    }

    func node(_ m: Int, _ v: Int) -> Int { nodes[m * nodeVariables + v] }
    func edge(_ m: Int, _ e: Int) -> Int { edges[m * edgeVariables + e] }
    func walk(_ m: Int, _ e: Int) -> Walk { walks[edges[m * edgeVariables + e]] }

    /// Appends one match; `walkOf[e]` holds the walk of each variable length edge.
    mutating func append(nodes n: [Int], edges e: [Int], walkOf: [Walk?]) {
        nodes.append(contentsOf: n)
        for (k, edge) in e.enumerated() {
            if let w = walkOf[k] {
                edges.append(walks.count)
                walks.append(w)
            } else {
                edges.append(edge)
            }
        }
        count += 1
    }

    /// One match per node (`nodes`) or per edge, `count` of them: every variable of that kind bound to the
    /// match's number and the others to nothing, so only columns of the former may be built from them.
    static func each(_ count: Int, nodes: Bool, nodeVariables: Int, edgeVariables: Int) -> GraphMatches {
        var m = GraphMatches(nodeVariables: nodeVariables, edgeVariables: edgeVariables)
        m.nodes.reserveCapacity(count * nodeVariables)
        m.edges.reserveCapacity(count * edgeVariables)
        for r in 0..<count {
            for _ in 0..<nodeVariables { m.nodes.append(nodes ? r : -1) }
            for _ in 0..<edgeVariables { m.edges.append(nodes ? -1 : r) }
        }
        m.count = count
        return m
    }

    /// The matches at `rows`, in that order.
    func selecting(_ rows: [Int]) -> GraphMatches {
        var out = GraphMatches(nodeVariables: nodeVariables, edgeVariables: edgeVariables)
        for m in rows {
            out.nodes.append(contentsOf: nodes[(m * nodeVariables)..<((m + 1) * nodeVariables)])
            out.edges.append(contentsOf: edges[(m * edgeVariables)..<((m + 1) * edgeVariables)])
            out.count += 1
        }
        out.walks = walks
        return out
    }

    /// The bytes one match takes, for charging the budget before matches pile up.
    static func bytes(nodeVariables: Int, edgeVariables: Int, walkLength: Int) -> Int {
        (nodeVariables + edgeVariables) * 8 + walkLength * 16 + 64
    }
}

/// The limits that keep matching finite whatever the pattern and the graph.
enum GraphLimits {
    /// Matches (or shortest paths) one graph operator may produce before it stops with `E_LIMIT`.
    static let maxMatches = 10_000_000
    /// Steps of walking the graph (edges tried) one graph operator may take before it stops with `E_LIMIT`.
    static let maxSteps = 200_000_000

    static func tooManyMatches(_ operatorName: String, _ limit: Int) -> KQLError {
        KQLError(
            .limit, "\(operatorName) found more than \(limit) matches",
            hint:
                "narrow the pattern with `where` conditions on its nodes and edges, shorten the variable length edges, or filter the input first; see docs/limits.md"
        )
    }

    static func tooManySteps(_ operatorName: String, _ limit: Int) -> KQLError {
        KQLError(
            .limit, "\(operatorName) walked more than \(limit) edges without finishing",
            hint:
                "bound the variable length edges (*1..3 rather than *1..20), use cycles=none, or add `where` conditions on the path with all(); see docs/limits.md"
        )
    }
}
