import Columnar

/// `graph-mark-components`: the connected components of a graph, numbered from zero in the order of their
/// first node (so the numbering follows the input, though KQL promises no particular one).
///
/// Weak components ignore direction (union-find); strong ones follow it (Tarjan's algorithm with an explicit
/// stack, so a long chain of nodes costs memory, not call depth).
enum GraphComponents {
    /// The component of each node.
    static func weak(_ g: Graph) -> [Int] {
        var parent = Array(0..<g.nodeCount)
        func root(_ n: Int) -> Int {
            var r = n
            while parent[r] != r { r = parent[r] }
            var k = n
            while parent[k] != r { let next = parent[k]; parent[k] = r; k = next }
            return r
        }
        for e in 0..<g.edgeCount {
            let a = root(g.edgeSource[e]), b = root(g.edgeTarget[e])
            // The smaller index stays the root, so a component's root is its first node.
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        return numbered((0..<g.nodeCount).map(root))
    }

    /// The strongly connected component of each node.
    static func strong(_ g: Graph) -> [Int] {
        let n = g.nodeCount
        var index = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var label = [Int](repeating: -1, count: n)
        var next = 0
        // Frames of the depth-first walk: a node and how many of its outgoing edges were followed.
        var frames: [(node: Int, edge: Int)] = []
        for start in 0..<n where index[start] < 0 {
            frames.append((start, 0))
            index[start] = next; low[start] = next; next += 1
            stack.append(start); onStack[start] = true
            while let top = frames.last {
                let out = g.outgoing(top.node)
                if top.edge < out.count {
                    frames[frames.count - 1].edge += 1
                    let w = g.edgeTarget[out[out.startIndex + top.edge]]
                    if index[w] < 0 {
                        index[w] = next; low[w] = next; next += 1
                        stack.append(w); onStack[w] = true
                        frames.append((w, 0))
                    } else if onStack[w] {
                        low[top.node] = min(low[top.node], index[w])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[parent.node] = min(low[parent.node], low[top.node]) }
                if low[top.node] == index[top.node] {
                    // The component's label is its smallest node, renumbered below.
                    var members: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        members.append(w)
                        if w == top.node { break }
                    }
                    let first = members.min() ?? top.node
                    for w in members { label[w] = first }
                }
            }
        }
        return numbered(label)
    }

    /// Labels renumbered 0, 1, 2... in the order of the nodes that carry them first.
    private static func numbered(_ labels: [Int]) -> [Int] {
        var seen: [Int: Int] = [:]
        return labels.map { l in
            if let k = seen[l] { return k }
            let k = seen.count
            seen[l] = k
            return k
        }
    }
}
