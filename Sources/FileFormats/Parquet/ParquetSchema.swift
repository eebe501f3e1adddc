/// A Parquet schema as a tree: the footer lists its elements depth-first, each group with its child count.
/// Leaves are the file's columns, in the order of each row group's column chunks. Each node knows its
/// definition and repetition level (the optional or repeated nodes from the root down to it, itself
/// included) and the leaves beneath it, which are contiguous.
struct ParquetSchema {
    struct Node {
        var element: ParquetSchemaElement
        var children: [Int] = []
        var defLevel = 0
        var repLevel = 0
        var leaves: Range<Int> = 0..<0
        var isLeaf: Bool { element.numChildren == 0 }
    }

    /// The deepest nesting the reader accepts; the nested assembly recurses once per level.
    static let maxDepth = 64

    var nodes: [Node] = []
    /// The node of each leaf column.
    var leafNodes: [Int] = []

    var root: Node { nodes[0] }

    init(_ elements: [ParquetSchemaElement], file: String) throws(FileFormatError) {
        guard let first = elements.first, first.numChildren > 0 else {
            throw FileFormatError.malformed(file, at: 0, "a schema without columns")
        }
        nodes.append(Node(element: first))
        // Open groups: the node and how many of its children are still to come.
        var open: [(node: Int, left: Int)] = [(0, Int(first.numChildren))]
        for element in elements.dropFirst() {
            guard let parent = open.last else {
                throw FileFormatError.malformed(
                    file, at: 0, "schema element '\(element.name)' outside the root's children")
            }
            guard element.numChildren >= 0 else {
                throw FileFormatError.malformed(
                    file, at: 0, "schema element '\(element.name)' with \(element.numChildren) children")
            }
            let index = nodes.count
            var node = Node(element: element)
            let p = nodes[parent.node]
            let counts = element.repetition != .required ? 1 : 0
            node.defLevel = p.defLevel + counts
            node.repLevel = p.repLevel + (element.repetition == .repeated ? 1 : 0)
            node.leaves = leafNodes.count..<leafNodes.count
            nodes[parent.node].children.append(index)
            nodes.append(node)
            open[open.count - 1].left -= 1
            if element.numChildren > 0 {
                guard open.count < Self.maxDepth else {
                    throw FileFormatError.unsupported(file, "a schema nested deeper than \(Self.maxDepth) levels")
                }
                open.append((index, Int(element.numChildren)))
            } else {
                guard element.type != nil else {
                    throw FileFormatError.malformed(file, at: 0, "column '\(element.name)' without a physical type")
                }
                leafNodes.append(index)
            }
            // Close every group whose last child has been placed, recording the leaves beneath it.
            while let top = open.last, top.left == 0 {
                nodes[top.node].leaves = nodes[top.node].leaves.lowerBound..<leafNodes.count
                open.removeLast()
            }
            if node.isLeaf { nodes[index].leaves = leafNodes.count - 1..<leafNodes.count }
        }
        guard open.isEmpty else { throw FileFormatError.malformed(file, at: 0, "a schema whose groups lack children") }
    }

    /// The leaf's path of names below the root, as column chunks name it.
    func path(ofLeaf leaf: Int) -> [String] {
        var names: [String] = []
        // Walk down from the root, choosing the child whose leaves contain this one.
        var node = 0
        while !nodes[node].isLeaf {
            guard let next = nodes[node].children.first(where: { nodes[$0].leaves.contains(leaf) }) else { break }
            names.append(nodes[next].element.name)
            node = next
        }
        return names
    }
}
