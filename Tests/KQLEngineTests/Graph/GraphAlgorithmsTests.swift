import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

/// The graph algorithms on graphs built by hand: adjacency, components, and that deep graphs cost no call depth.
@Suite struct GraphAlgorithmsTests {
    /// A graph whose nodes are 0..<count and whose edges are the given pairs.
    static func graph(_ count: Int, _ edges: [(Int, Int)]) -> Graph {
        let nodes = Table([("id", Column(type: .long, int64s: (0..<count).map(Int64.init)))])
        let table = Table([
            ("s", Column(type: .long, int64s: edges.map { Int64($0.0) })),
            ("t", Column(type: .long, int64s: edges.map { Int64($0.1) })),
        ])
        return Graph(
            nodes: nodes, edges: table, nodeIDs: (0..<count).map { .long(Int64($0)) },
            edgeSource: edges.map(\.0), edgeTarget: edges.map(\.1))
    }

    @Test func adjacencyListsEdgesInInputOrder() {
        let g = Self.graph(3, [(0, 1), (2, 1), (0, 2), (1, 1)])
        #expect(Array(g.outgoing(0)) == [0, 2])
        #expect(Array(g.incoming(1)) == [0, 1, 3])
        #expect(g.degreeIn(1) == 3 && g.degreeOut(1) == 1)
    }

    @Test func weakComponentsIgnoreDirectionAndNumberInNodeOrder() {
        let g = Self.graph(6, [(1, 0), (3, 2), (4, 0)])
        #expect(GraphComponents.weak(g) == [0, 0, 1, 1, 0, 2])
    }

    @Test func strongComponentsFollowDirection() {
        let g = Self.graph(5, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 3)])
        #expect(GraphComponents.strong(g) == [0, 0, 0, 1, 1])
    }

    /// A chain of 200,000 nodes: Tarjan's walk and union-find run on explicit stacks.
    @Test func longChainsCostNoCallDepth() {
        let n = 200_000
        let g = Self.graph(n, (0..<(n - 1)).map { ($0, $0 + 1) } + [(n - 1, 0)])
        #expect(Set(GraphComponents.strong(g)) == [0])
        #expect(Set(GraphComponents.weak(g)) == [0])
    }

    /// Walks of a variable length edge along a long chain: the search is iterative.
    @Test func longWalksAreFoundWithoutRecursion() throws {
        let n = 20_000
        let g = Self.graph(n, (0..<(n - 1)).map { ($0, $0 + 1) })
        let pattern = BoundGraphPattern(
            nodeNames: ["a", "b"], edgeNames: ["e"],
            edges: [
                .init(left: 0, right: 1, direction: .leftToRight, length: (n - 1)...(n - 1), span: SourceSpan(0, 0))
            ],
            first: 0)
        var start = [Bool](repeating: false, count: n)
        start[0] = true
        let candidates = GraphCandidates(nodes: [start, nil], edges: [nil], walkEdges: [nil], walkNodes: [nil])
        let matches = try GraphMatcher(
            graph: g, pattern: pattern, cycles: .uniqueEdges, candidates: candidates,
            budget: .unlimited, operatorName: "graph-match"
        ).run()
        #expect(matches.count == 1)
        #expect(matches.node(0, 1) == n - 1)
        #expect(matches.walk(0, 0).inner.count == n - 2)
    }

    /// A walk search that would go on for ever (cycles=all on a complete graph) stops with E_LIMIT.
    @Test func explodingWalksStopWithLimit() {
        let g = Self.graph(4, [(0, 1), (1, 0), (1, 2), (2, 1), (2, 3), (3, 2), (0, 3), (3, 0)])
        let pattern = BoundGraphPattern(
            nodeNames: ["a", "b"], edgeNames: ["e"],
            edges: [.init(left: 0, right: 1, direction: .any, length: 1...40, span: SourceSpan(0, 0))],
            first: 0)
        let candidates = GraphCandidates(nodes: [nil, nil], edges: [nil], walkEdges: [nil], walkNodes: [nil])
        var steps = GraphMatcher(
            graph: g, pattern: pattern, cycles: .all, candidates: candidates, budget: .unlimited,
            operatorName: "graph-match")
        steps.maxSteps = 10_000
        #expect { try steps.run() } throws: { ($0 as? KQLError)?.code == .limit }
        var matches = steps
        matches.maxSteps = .max
        matches.maxMatches = 1_000
        #expect { try matches.run() } throws: {
            ($0 as? KQLError)?.code == .limit && ($0 as? KQLError)?.message.contains("1000 matches") == true
        }
    }
}
