import Columnar
import KQLSyntax

/// `T | evaluate ipv4_lookup(LookupTable, SourceIPv4Key, IPv4LookupKey [, ExtraKey...] [, return_unmatched])` and
/// `ipv6_lookup(LookupTable, SourceIPv6Key, IPv6LookupKey [, return_unmatched])`: a lookup join of each input
/// row to the lookup rows whose network contains its address (either side may be a network in prefix
/// notation: they match when one contains the other) and, for `ipv4_lookup`, whose extra key columns equal
/// the input's.
///
/// As the reference shows, `ipv4_lookup` returns the input's columns then the lookup table's (the extra keys
/// once, from the input), and `ipv6_lookup` the lookup table's columns then the input's. Rows without a
/// match are dropped, or kept with nulls when `return_unmatched` is true. Text that is not an address of
/// the family never matches.
struct IPLookupPlugin: TabularPlugin {
    let name: String
    let ipv4Only: Bool

    static let ipv4 = IPLookupPlugin(name: "ipv4_lookup", ipv4Only: true)
    static let ipv6 = IPLookupPlugin(name: "ipv6_lookup", ipv4Only: false)

    private struct Options {
        var sourceKey: String
        var lookupKey: String
        var extraKeys: [String] = []
        var returnUnmatched = false
    }

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        guard case .query(let q)? = arguments.positional.first else { return nil }
        return try layout(source: input, lookup: q.schema, try options(arguments), span: arguments.span).schema
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let o = try options(arguments)
        let lookup = try arguments.lookupTable(of: name)
        let (schema, lookupColumns) = try layout(source: input.schema, lookup: lookup.schema, o, span: arguments.span)
        let sourceKey = input.columns[input.schema.index(of: o.sourceKey)!]
        let lookupKey = lookup.columns[lookup.schema.index(of: o.lookupKey)!]
        let extras = o.extraKeys.map {
            (input.columns[input.schema.index(of: $0)!], lookup.columns[lookup.schema.index(of: $0)!])
        }

        // Lookup networks by prefix length, each list sorted by address: an input network is matched
        // against every length with one binary search, as CIDR blocks are aligned (nested or disjoint).
        var byPrefix: [Int: [(address: UInt128, row: Int)]] = [:]
        for r in 0..<lookup.rowCount {
            guard case .string(let s) = lookupKey.value(r), let n = IPNetwork(s, ipv4Only: ipv4Only) else { continue }
            byPrefix[n.prefix, default: []].append((n.address, r))
        }
        for k in byPrefix.keys { byPrefix[k]!.sort { ($0.address, $0.row) < ($1.address, $1.row) } }
        let lengths = byPrefix.keys.sorted()

        var sourceRows: [Int] = [], lookupRows: [Int] = []
        for row in 0..<input.rowCount {
            var hits: [Int] = []
            if case .string(let s) = sourceKey.value(row), let n = IPNetwork(s, ipv4Only: ipv4Only) {
                for length in lengths {
                    let outer = IPNetwork(masking: n.address, prefix: min(length, n.prefix)).range
                    let list = byPrefix[length]!
                    var i = IPLookupPlugin.lowerBound(list, outer.lowerBound)
                    while i < list.count, list[i].address <= outer.upperBound {
                        let r = list[i].row
                        if extras.allSatisfy({ $0.0.value(row) == $0.1.value(r) }) { hits.append(r) }
                        i += 1
                    }
                }
            }
            hits.sort()
            for r in hits { sourceRows.append(row); lookupRows.append(r) }
            if hits.isEmpty && o.returnUnmatched { sourceRows.append(row); lookupRows.append(-1) }
            if row % 4096 == 0 { try arguments.budget.checkDeadline() }
        }
        try arguments.budget.charge(count: sourceRows.count, bytesEach: 16 * schema.fields.count, for: name)
        let fromSource = input.columns.map { $0.gather(sourceRows) }
        let fromLookup = lookupColumns.map { lookup.columns[$0].gather(lookupRows).withEmptyStringsForNulls }
        let columns = ipv4Only ? fromSource + fromLookup : fromLookup + fromSource
        return PluginResult(table: Table(schema: schema, columns: columns, rowCount: sourceRows.count))
    }

    /// The first index whose address is at least `a`.
    private static func lowerBound(_ list: [(address: UInt128, row: Int)], _ a: UInt128) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].address < a { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The output schema and the lookup columns in it (all but the extra keys).
    private func layout(source: Schema, lookup: Schema, _ o: Options, span: SourceSpan) throws(KQLError) -> (
        schema: Schema, lookupColumns: [Int]
    ) {
        func check(_ column: String, in schema: Schema, _ what: String) throws(KQLError) {
            guard let i = schema.index(of: column) else {
                throw KQLError(.unknownName, "\(name): no column '\(column)' in the \(what)", span: span)
            }
            if column == o.sourceKey || column == o.lookupKey, schema.fields[i].type != .string {
                throw KQLError(
                    .type,
                    "\(name): the key column '\(column)' must be a string, not \(schema.fields[i].type.rawValue)",
                    span: span)
            }
        }
        try check(o.sourceKey, in: source, "input")
        try check(o.lookupKey, in: lookup, "lookup table")
        for k in o.extraKeys {
            try check(k, in: source, "input")
            try check(k, in: lookup, "lookup table")
        }
        let extras = Set(o.extraKeys)
        let lookupColumns = lookup.fields.indices.filter { !extras.contains(lookup.fields[$0].name) }
        var names = Set(source.names)
        var lookupFields: [Field] = []
        for i in lookupColumns {
            var f = lookup.fields[i]
            // A name both tables have gets a suffix, as `lookup` gives the right side's copy.
            if names.contains(f.name) {
                var k = 1; while names.contains("\(f.name)\(k)") { k += 1 }; f.name = "\(f.name)\(k)"
            }
            names.insert(f.name)
            lookupFields.append(f)
        }
        let fields = ipv4Only ? source.fields + lookupFields : lookupFields + source.fields
        return (Schema(fields), lookupColumns)
    }

    private func options(_ a: PluginArguments) throws(KQLError) -> Options {
        var names: [String] = []
        var unmatched: Bool?
        for (i, arg) in a.positional.enumerated().dropFirst() {
            switch arg {
            case .value(.string(let s), _): names.append(s)
            case .value(.bool(let b), _) where i == a.positional.count - 1: unmatched = b
            default:
                throw KQLError(
                    .argument,
                    "\(name): argument \(i + 1) must be a column name\(i >= 3 ? " or, last, return_unmatched (a bool)" : "")",
                    span: a.span)
            }
        }
        if let arg = a.named["return_unmatched"] {
            guard case .value(.bool(let b), _) = arg else {
                throw KQLError(.argument, "\(name): return_unmatched must be true or false", span: a.span)
            }
            unmatched = b
        }
        for key in a.named.keys where key != "return_unmatched" {
            throw KQLError(
                .argument, "\(name) has no argument named '\(key)'", span: a.span,
                hint: "its only named argument is return_unmatched")
        }
        guard names.count >= 2 else {
            throw KQLError(
                .argument,
                "\(name) needs the lookup table, the input's key column and the lookup table's key column: "
                    + "\(name)(LookupTable, SourceKey, LookupKey\(ipv4Only ? " [, ExtraKey...]" : "") [, return_unmatched])",
                span: a.span)
        }
        guard ipv4Only || names.count == 2 else {
            throw KQLError(
                .argument,
                "ipv6_lookup takes no extra key columns: ipv6_lookup(LookupTable, SourceKey, LookupKey [, return_unmatched])",
                span: a.span)
        }
        return Options(
            sourceKey: names[0], lookupKey: names[1], extraKeys: Array(names.dropFirst(2)),
            returnUnmatched: unmatched ?? false)
    }
}
