import Columnar

/// Rebuilds the values of a nested top-level field (groups, LIST, MAP, repeated fields) from its leaves'
/// definition and repetition levels, as `dynamic` values: a group becomes a property bag, a list or a
/// repeated field an array, a map a bag keyed by the keys' text.
///
/// Each instance of a node spans a range of entries in every leaf beneath it. A repeated node's elements
/// start at the entries whose repetition level is the node's own; a node is absent (null, or an empty
/// list) when the first entry's definition level is below the node's. The recursion follows the schema,
/// whose depth ``ParquetSchema`` bounds.
struct ParquetNestedAssembly {
    let schema: ParquetSchema
    let leaves: [ParquetLeafColumn]
    let source: String
    /// For each leaf, the index of each entry's value among the non-null values.
    private let valueIndex: [[Int]]

    /// `nested`: the leaves beneath nested fields, the only ones whose entries are looked up one by one.
    init(schema: ParquetSchema, leaves: [ParquetLeafColumn], nested: Set<Int>, source: String) {
        self.schema = schema; self.leaves = leaves; self.source = source
        valueIndex = leaves.indices.map { i -> [Int] in
            guard nested.contains(i) else { return [] }
            let leaf = leaves[i]
            var next = 0
            let top = UInt8(leaf.maxDef)
            return (0..<leaf.data.entries).map { e in
                defer { if leaf.maxDef == 0 || leaf.data.defLevels[e] == top { next += 1 } }
                return next
            }
        }
    }

    private func def(_ leaf: Int, _ entry: Int) -> Int {
        leaves[leaf].maxDef == 0 ? 0 : Int(leaves[leaf].data.defLevels[entry])
    }

    private func rep(_ leaf: Int, _ entry: Int) -> Int {
        leaves[leaf].maxRep == 0 ? 0 : Int(leaves[leaf].data.repLevels[entry])
    }

    /// The column of top-level field `node`, one value per row.
    func column(_ node: Int, rows: Int) throws(FileFormatError) -> Column {
        let leafRange = schema.nodes[node].leaves
        // Each leaf's records start at the entries of repetition level 0.
        var starts: [[Int]] = []
        for leaf in leafRange {
            var s: [Int] = []
            s.reserveCapacity(rows + 1)
            for e in 0..<leaves[leaf].data.entries where rep(leaf, e) == 0 { s.append(e) }
            guard s.count == rows else {
                throw FileFormatError.malformed(
                    source, at: 0, "column '\(leaves[leaf].name)' holds \(s.count) records, not \(rows)")
            }
            s.append(leaves[leaf].data.entries)
            starts.append(s)
        }
        var b = ColumnBuilder(type: .dynamic, capacity: rows)
        for r in 0..<rows {
            let ranges = starts.map { $0[r]..<$0[r + 1] }
            b.append(dynamic: try value(node, ranges, asElement: false))
        }
        return b.finish()
    }

    /// The value of one instance of `node`, given its entry range in each leaf beneath it.
    private func value(_ node: Int, _ ranges: [Range<Int>], asElement: Bool) throws(FileFormatError) -> Dynamic {
        let n = schema.nodes[node]
        let firstLeaf = n.leaves.lowerBound
        let first = ranges[0].lowerBound
        guard first < ranges[0].upperBound else {
            throw FileFormatError.malformed(source, at: 0, "an empty record in column '\(n.element.name)'")
        }
        if n.element.repetition == .repeated && !asElement {
            return .array(
                try elements(node, ranges).map { (r) throws(FileFormatError) in try value(node, r, asElement: true) })
        }
        if n.element.repetition == .optional, def(firstLeaf, first) < n.defLevel { return .null }
        if n.isLeaf {
            let leaf = leaves[firstLeaf]
            guard leaf.maxDef == 0 || def(firstLeaf, first) == leaf.maxDef else { return .null }
            return try leaf.value(valueIndex[firstLeaf][first]).asDynamic
        }
        let isList =
            n.element.logicalType.map { if case .list = $0 { true } else { false } }
            ?? (n.element.convertedType == .list)
        let isMap =
            n.element.logicalType.map { if case .map = $0 { true } else { false } }
            ?? (n.element.convertedType == .map || n.element.convertedType == .mapKeyValue)
        if isList || isMap, n.children.count == 1, schema.nodes[n.children[0]].element.repetition == .repeated {
            let repeated = n.children[0]
            let r = schema.nodes[repeated]
            let items = try elements(repeated, childRanges(node, repeated, ranges))
            if isMap, r.children.count == 2 {
                var bag: [(String, Dynamic)] = []
                for item in items {
                    let key = try value(r.children[0], childRanges(repeated, r.children[0], item), asElement: false)
                    let v = try value(r.children[1], childRanges(repeated, r.children[1], item), asElement: false)
                    bag.append((Self.keyText(key), v))
                }
                return .bag(PropertyBag(bag))
            }
            // A list's repeated group of one field holds the element; otherwise (a legacy two-level list)
            // the repeated node is the element itself.
            let threeLevel =
                r.children.count == 1 && r.element.name != "array" && r.element.name != n.element.name + "_tuple"
            return .array(
                try items.map { (item) throws(FileFormatError) in
                    threeLevel
                        ? try value(r.children[0], childRanges(repeated, r.children[0], item), asElement: false)
                        : try value(repeated, item, asElement: true)
                })
        }
        var bag: [(String, Dynamic)] = []
        for child in n.children {
            bag.append(
                (schema.nodes[child].element.name, try value(child, childRanges(node, child, ranges), asElement: false))
            )
        }
        return .bag(PropertyBag(bag))
    }

    /// The ranges of `child`'s leaves, from those of its parent `node`.
    private func childRanges(_ node: Int, _ child: Int, _ ranges: [Range<Int>]) -> [Range<Int>] {
        let base = schema.nodes[node].leaves.lowerBound
        let c = schema.nodes[child].leaves
        return Array(ranges[(c.lowerBound - base)..<(c.upperBound - base)])
    }

    /// The entry ranges of each element of repeated `node`'s instance; none when the first entry's
    /// definition level says the list is empty.
    private func elements(_ node: Int, _ ranges: [Range<Int>]) throws(FileFormatError) -> [[Range<Int>]] {
        let n = schema.nodes[node]
        let firstLeaf = n.leaves.lowerBound
        if def(firstLeaf, ranges[0].lowerBound) < n.defLevel { return [] }
        var perLeaf: [[Range<Int>]] = []
        for (k, range) in ranges.enumerated() {
            let leaf = firstLeaf + k
            var parts: [Range<Int>] = []
            var start = range.lowerBound
            for e in range.dropFirst() where rep(leaf, e) == n.repLevel {
                parts.append(start..<e)
                start = e
            }
            parts.append(start..<range.upperBound)
            perLeaf.append(parts)
        }
        let count = perLeaf[0].count
        guard perLeaf.allSatisfy({ $0.count == count }) else {
            throw FileFormatError.malformed(
                source, at: 0, "the columns under '\(n.element.name)' disagree on a list's length")
        }
        return (0..<count).map { i in perLeaf.map { $0[i] } }
    }

    private static func keyText(_ key: Dynamic) -> String {
        if case .string(let s) = key { return s }
        return key.jsonText
    }
}
