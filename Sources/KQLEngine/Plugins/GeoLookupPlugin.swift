import Columnar
import Geospatial
import KQLSyntax

/// `T | evaluate geo_polygon_lookup(LookupTable, LookupPolygonKey, SourceLongitude, SourceLatitude
/// [, radius] [, return_unmatched] [, lookup_area_radius] [, return_lookup_key])` and
/// `geo_line_lookup(LookupTable, LookupLineKey, SourceLongitude, SourceLatitude, Radius, ...)`: a lookup
/// join of each source point to the lookup rows whose polygon contains it (or, with a radius, lies within
/// that many meters) or whose line lies within the radius.
///
/// The result is the source columns followed by the lookup table's columns (its key column only with
/// `return_lookup_key = true`), one row per match; with `return_unmatched = true` a point without a match
/// keeps one row with nulls. Invalid shapes in the lookup table never match; invalid points never match.
/// `lookup_area_radius` only tunes ADX's search and does not change the answer, so it is checked and
/// otherwise unused: the S2 shape index (`GeoLookup`) needs no such hint.
struct GeoLookupPlugin: TabularPlugin {
    enum Kind: Sendable { case polygons, lines }
    let name: String
    let kind: Kind

    static let polygons = GeoLookupPlugin(name: "geo_polygon_lookup", kind: .polygons)
    static let lines = GeoLookupPlugin(name: "geo_line_lookup", kind: .lines)

    private struct Options {
        var keyColumn: String
        var longitude: String
        var latitude: String
        var radius: Double?
        var returnUnmatched = false
        var returnLookupKey = false
    }

    /// The names ADX gives the optional arguments, in their positional order after the four required ones.
    private var optionalNames: [String] {
        ["radius", "return_unmatched", "lookup_area_radius", "return_lookup_key"]
    }

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        guard case .query(let q)? = arguments.positional.first else { return nil }
        let o = try options(arguments)
        return try layout(source: input, lookup: q.schema, o, span: arguments.span).schema
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let o = try options(arguments)
        let lookup = try arguments.lookupTable(of: name)
        let (schema, lookupColumns) = try layout(source: input.schema, lookup: lookup.schema, o, span: arguments.span)
        guard let key = lookup.schema.index(of: o.keyColumn) else {
            throw missing(o.keyColumn, "lookup table", arguments.span)
        }
        guard let lngIndex = input.schema.index(of: o.longitude) else {
            throw missing(o.longitude, "input", arguments.span)
        }
        guard let latIndex = input.schema.index(of: o.latitude) else {
            throw missing(o.latitude, "input", arguments.span)
        }
        guard lookup.schema.fields[key].type == .dynamic else {
            throw KQLError(
                .type,
                "\(name): the lookup column '\(o.keyColumn)' must be dynamic (GeoJSON), not \(lookup.schema.fields[key].type.rawValue)",
                span: arguments.span)
        }

        let index = try buildIndex(lookup.columns[key], rows: lookup.rowCount, budget: arguments.budget)
        let lngs = input.columns[lngIndex], lats = input.columns[latIndex]
        var sourceRows: [Int] = [], lookupRows: [Int] = []
        for row in 0..<input.rowCount {
            var matched = false
            if let p = GeoArguments.point(lngs.value(row), lats.value(row)) {
                for m in index.lookup.matches(p, radius: o.radius) {
                    sourceRows.append(row); lookupRows.append(index.rows[m]); matched = true
                }
            }
            if !matched && o.returnUnmatched { sourceRows.append(row); lookupRows.append(-1) }
            if row % 4096 == 0 { try arguments.budget.checkDeadline() }
        }
        try arguments.budget.charge(count: sourceRows.count, bytesEach: 16 * schema.fields.count, for: name)
        var columns = input.columns.map { $0.gather(sourceRows) }
        columns += lookupColumns.map { lookup.columns[$0].gather(lookupRows) }
        return PluginResult(table: Table(schema: schema, columns: columns, rowCount: sourceRows.count))
    }

    /// The S2 index over the lookup table's valid shapes, and the table row of each indexed shape.
    private func buildIndex(_ column: Column, rows: Int, budget: QueryBudget) throws(KQLError) -> (
        lookup: GeoLookup, rows: [Int]
    ) {
        var indexed: [Int] = []
        switch kind {
        case .polygons:
            var shapes: [SphericalPolygon] = []
            for r in 0..<rows {
                guard let s = GeoFunctions.polygon(column.value(r)) else { continue }
                shapes.append(s); indexed.append(r)
            }
            return (GeoLookup(polygons: shapes), indexed)
        case .lines:
            var shapes: [SphericalLines] = []
            for r in 0..<rows {
                guard let s = GeoFunctions.lines(column.value(r)) else { continue }
                shapes.append(s); indexed.append(r)
            }
            return (GeoLookup(lines: shapes), indexed)
        }
    }

    /// The output schema and the lookup columns it takes: source columns, then the lookup table's (its key
    /// only when asked for), a clashing lookup name suffixed with `1` as `join` does.
    private func layout(source: Schema, lookup: Schema, _ o: Options, span: SourceSpan) throws(KQLError) -> (
        schema: Schema, lookupColumns: [Int]
    ) {
        guard lookup.index(of: o.keyColumn) != nil else { throw missing(o.keyColumn, "lookup table", span) }
        var fields = source.fields
        var taken = Set(fields.map(\.name))
        var columns: [Int] = []
        for (i, f) in lookup.fields.enumerated() where o.returnLookupKey || f.name != o.keyColumn {
            var n = f.name
            while taken.contains(n) { n += "1" }
            taken.insert(n)
            fields.append(Field(n, f.type))
            columns.append(i)
        }
        return (Schema(fields), columns)
    }

    private func options(_ a: PluginArguments) throws(KQLError) -> Options {
        let p = a.positional
        let required = kind == .lines ? 5 : 4
        guard p.count >= 4 else {
            throw KQLError(
                .argument,
                "\(name) needs the lookup table, its \(kind == .lines ? "line" : "polygon") column and the source longitude and latitude columns",
                span: a.span,
                hint:
                    "\(name)(LookupTable, \(kind == .lines ? "LookupLineKey" : "LookupPolygonKey"), SourceLongitude, SourceLatitude\(kind == .lines ? ", Radius" : "")...)"
            )
        }
        func column(_ arg: PluginArguments.Argument, _ what: String) throws(KQLError) -> String {
            guard case .value(.string(let s), _) = arg else {
                throw KQLError(.argument, "\(name): \(what) must be a column name", span: a.span)
            }
            return s
        }
        var o = Options(
            keyColumn: try column(p[1], "the lookup key"), longitude: try column(p[2], "the source longitude"),
            latitude: try column(p[3], "the source latitude"))
        var given: [String: PluginArguments.Argument] = a.named
        let names = optionalNames
        for (i, arg) in p.dropFirst(4).enumerated() {
            guard i < names.count else {
                throw KQLError(.argument, "\(name) takes at most \(4 + names.count) arguments", span: a.span)
            }
            given[names[i]] = arg
        }
        for key in given.keys where !names.contains(key) {
            throw KQLError(
                .argument, "\(name): unknown argument '\(key)'", span: a.span,
                hint: "its options are \(names.joined(separator: ", "))")
        }
        if let r = given["radius"] {
            guard case .value(let v, _) = r, let d = GeoArguments.real(v), d >= 0 else {
                throw KQLError(.argument, "\(name): radius must be a non-negative number of meters", span: a.span)
            }
            o.radius = d
        } else if required == 5 {
            throw KQLError(.argument, "\(name) needs a radius in meters (the fifth argument)", span: a.span)
        }
        if let r = given["lookup_area_radius"] {
            guard case .value(let v, _) = r, let d = GeoArguments.real(v), d > 0 else {
                throw KQLError(
                    .argument, "\(name): lookup_area_radius must be a positive number of meters", span: a.span)
            }
        }
        o.returnUnmatched = try flag(given["return_unmatched"], "return_unmatched", a.span)
        o.returnLookupKey = try flag(given["return_lookup_key"], "return_lookup_key", a.span)
        return o
    }

    private func flag(_ arg: PluginArguments.Argument?, _ what: String, _ span: SourceSpan) throws(KQLError) -> Bool {
        guard let arg else { return false }
        guard case .value(.bool(let b), _) = arg else {
            throw KQLError(.argument, "\(name): \(what) must be true or false", span: span)
        }
        return b
    }

    private func missing(_ column: String, _ side: String, _ span: SourceSpan) -> KQLError {
        KQLError(.unknownName, "\(name): no column '\(column)' in the \(side)", span: span)
    }
}
