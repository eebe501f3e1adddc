import Columnar
import KQLSyntax

/// Which nodes and edges each variable may take, worked out from the `where` conditions that test one
/// variable alone (nil: any).
struct GraphCandidates: Sendable {
    var nodes: [[Bool]?]
    var edges: [[Bool]?]
    /// For a variable length edge: the edges its walk may use, and the nodes it may pass through.
    var walkEdges: [[Bool]?]
    var walkNodes: [[Bool]?]
}

/// Finds every match of a pattern (`graph-match`): a backtracking search over the pattern's edges in the order
/// the binder chose (each touches a node already bound), kept on an explicit stack of frames so neither the
/// pattern nor the walks' lengths can deepen the call stack. Each frame holds the choices for one pattern edge
/// given the nodes bound so far: the graph edges it can take, or the walks of a variable length edge.
struct GraphMatcher {
    let graph: Graph
    let pattern: BoundGraphPattern
    let cycles: GraphCycles
    let candidates: GraphCandidates
    let budget: QueryBudget
    let operatorName: String
    /// Where matching stops with `E_LIMIT` (smaller in tests).
    var maxMatches = GraphLimits.maxMatches
    var maxSteps = GraphLimits.maxSteps

    /// One way to satisfy a pattern edge: the edges taken (left to right), the inner nodes, the far node.
    struct Choice {
        var edges: [Int]
        var inner: [Int]
        var end: Int
    }

    private struct Frame {
        var step: Int
        var choices: [Choice]
        var next = 0
        /// The node variable this frame's choice bound (nil when it was bound before).
        var binds: Int?
    }

    /// Every match, in the order the search meets them.
    func run() throws(KQLError) -> GraphMatches {
        var matches = GraphMatches(nodeVariables: pattern.nodeNames.count, edgeVariables: pattern.edges.count)
        var nodeOf = [Int](repeating: -1, count: pattern.nodeNames.count)
        var edgeOf = [Int](repeating: -1, count: pattern.edges.count)
        var walkOf = [GraphMatches.Walk?](repeating: nil, count: pattern.edges.count)
        var used = [Int32](repeating: 0, count: cycles == .all ? 0 : graph.edgeCount)
        var steps = 0
        let firstChoices = (0..<graph.nodeCount).filter { allowed(candidates.nodes[pattern.first], $0) }
            .map { Choice(edges: [], inner: [], end: $0) }
        var stack = [Frame(step: 0, choices: firstChoices, binds: pattern.first)]
        while !stack.isEmpty {
            let f = stack.count - 1
            // Undo the frame's previous choice before taking the next one.
            if stack[f].next > 0 { undo(stack[f], &nodeOf, &edgeOf, &walkOf, &used) }
            guard stack[f].next < stack[f].choices.count else { stack.removeLast(); continue }
            let choice = stack[f].choices[stack[f].next]
            stack[f].next += 1
            let step = stack[f].step
            if let v = stack[f].binds { nodeOf[v] = choice.end }
            if step > 0 {
                let e = step - 1
                if pattern.edges[e].length == nil {
                    edgeOf[e] = choice.edges[0]
                } else {
                    walkOf[e] = GraphMatches.Walk(edges: choice.edges, inner: choice.inner)
                }
                if cycles != .all { for x in choice.edges { used[x] += 1 } }
            }
            if step == pattern.edges.count {
                guard matches.count < maxMatches else { throw GraphLimits.tooManyMatches(operatorName, maxMatches) }
                if matches.count & 0xFFF == 0 {
                    try budget.charge(
                        count: 4096,
                        bytesEach: GraphMatches.bytes(
                            nodeVariables: nodeOf.count,
                            edgeVariables: edgeOf.count, walkLength: 4),
                        for: operatorName)
                    try budget.checkDeadline()
                }
                matches.append(nodes: nodeOf, edges: edgeOf, walkOf: walkOf)
                continue
            }
            let edge = pattern.edges[step]
            let forward = nodeOf[edge.left] >= 0
            let from = forward ? nodeOf[edge.left] : nodeOf[edge.right]
            let farVariable = forward ? edge.right : edge.left
            let choices = try self.choices(
                for: step, from: from, forward: forward, far: farVariable, nodeOf: nodeOf,
                used: used, steps: &steps)
            stack.append(Frame(step: step + 1, choices: choices, binds: nodeOf[farVariable] < 0 ? farVariable : nil))
        }
        return matches
    }

    private func undo(
        _ frame: Frame, _ nodeOf: inout [Int], _ edgeOf: inout [Int], _ walkOf: inout [GraphMatches.Walk?],
        _ used: inout [Int32]
    ) {
        let previous = frame.choices[frame.next - 1]
        if let v = frame.binds { nodeOf[v] = -1 }
        guard frame.step > 0 else { return }
        let e = frame.step - 1
        edgeOf[e] = -1
        walkOf[e] = nil
        if cycles != .all { for x in previous.edges { used[x] -= 1 } }
    }

    private func allowed(_ mask: [Bool]?, _ i: Int) -> Bool { mask?[i] ?? true }

    /// The ways pattern edge `e` can go from node `from` (at its left end when `forward`, else its right).
    private func choices(
        for e: Int, from: Int, forward: Bool, far: Int, nodeOf: [Int], used: [Int32],
        steps: inout Int
    ) throws(KQLError) -> [Choice] {
        let edge = pattern.edges[e]
        let farBound = nodeOf[far]
        func farOK(_ n: Int) -> Bool { farBound >= 0 ? n == farBound : allowed(candidates.nodes[far], n) }
        guard let length = edge.length else {
            var out: [Choice] = []
            for (x, other) in neighbours(from, edge.direction, forward: forward) {
                steps += 1
                guard allowed(candidates.edges[e], x), farOK(other) else { continue }
                if cycles != .all, used[x] > 0 { continue }
                out.append(Choice(edges: [x], inner: [], end: other))
            }
            return out
        }
        return try walks(e, from: from, length: length, forward: forward, used: used, steps: &steps, accept: farOK)
    }

    /// Every walk of a variable length edge from `from`, its length within `length`, ending at a node `accept`s.
    /// A depth-first search over an explicit stack of (node, position in its neighbour list).
    private func walks(
        _ e: Int, from: Int, length: ClosedRange<Int>, forward: Bool, used: [Int32], steps: inout Int,
        accept: (Int) -> Bool
    ) throws(KQLError) -> [Choice] {
        let direction = pattern.edges[e].direction
        var out: [Choice] = []
        var pathEdges: [Int] = [], pathNodes = [from]
        var onPath: Set<Int> = cycles == .none ? [from] : []
        var inWalk: Set<Int> = []
        var lists = [neighbours(from, direction, forward: forward)]
        var positions = [0]
        func record() {
            guard accept(pathNodes[pathNodes.count - 1]) else { return }
            var edges = pathEdges, inner = Array(pathNodes.dropFirst().dropLast())
            if !forward { edges.reverse(); inner.reverse() }
            out.append(Choice(edges: edges, inner: inner, end: pathNodes[pathNodes.count - 1]))
        }
        if length.lowerBound == 0 { record() }
        while let depth = positions.indices.last {
            guard pathEdges.count < length.upperBound, positions[depth] < lists[depth].count else {
                positions.removeLast(); lists.removeLast()
                if let x = pathEdges.popLast() {
                    inWalk.remove(x)
                    let n = pathNodes.removeLast()
                    if cycles == .none { onPath.remove(n) }
                }
                continue
            }
            let (x, next) = lists[depth][positions[depth]]
            positions[depth] += 1
            steps += 1
            guard steps < maxSteps else { throw GraphLimits.tooManySteps(operatorName, maxSteps) }
            if steps & 0xFFFF == 0 { try budget.checkDeadline() }
            guard allowed(candidates.walkEdges[e], x) else { continue }
            if cycles != .all, used[x] > 0 || inWalk.contains(x) { continue }
            if cycles == .none, onPath.contains(next) { continue }
            pathEdges.append(x); pathNodes.append(next)
            if cycles != .all { inWalk.insert(x) }
            if cycles == .none { onPath.insert(next) }
            if pathEdges.count >= length.lowerBound { record() }
            guard out.count < maxMatches else { throw GraphLimits.tooManyMatches(operatorName, maxMatches) }
            // The walk goes on through `next` only if it may be an inner node.
            if pathEdges.count < length.upperBound, allowed(candidates.walkNodes[e], next) {
                lists.append(neighbours(next, direction, forward: forward))
                positions.append(0)
            } else {
                pathEdges.removeLast(); pathNodes.removeLast()
                inWalk.remove(x)
                if cycles == .none { onPath.remove(next) }
            }
        }
        return out
    }

    /// The edges a pattern edge of `direction` can take from `node`, with the node at their other end: walking
    /// the pattern left to right (`forward`) a `-->` edge leaves the node; walking it right to left it enters it.
    func neighbours(_ node: Int, _ direction: GraphEdgeSyntax.Direction, forward: Bool) -> [(Int, Int)] {
        GraphMatcher.neighbours(graph, node, direction, forward: forward)
    }

    static func neighbours(_ graph: Graph, _ node: Int, _ direction: GraphEdgeSyntax.Direction, forward: Bool) -> [(
        Int, Int
    )] {
        var out: [(Int, Int)] = []
        let leaving: Bool
        switch direction {
        case .leftToRight: leaving = forward
        case .rightToLeft: leaving = !forward
        case .any:
            for x in graph.outgoing(node) { out.append((x, graph.edgeTarget[x])) }
            // A loop is both outgoing and incoming: taken once.
            for x in graph.incoming(node) where graph.edgeSource[x] != graph.edgeTarget[x] {
                out.append((x, graph.edgeSource[x]))
            }
            return out
        }
        if leaving {
            for x in graph.outgoing(node) { out.append((x, graph.edgeTarget[x])) }
        } else {
            for x in graph.incoming(node) { out.append((x, graph.edgeSource[x])) }
        }
        return out
    }
}
