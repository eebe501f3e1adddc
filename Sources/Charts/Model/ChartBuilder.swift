import Columnar

/// The columns a chart assigned to each role.
struct ChartRoles {
    var x: String?
    var series: [String] = []
    var y: [String] = []
    var ignored: [String] = []
}

/// Works out a `ChartModel` from a table and a request, one visualization family per file
/// (`ChartBuilder+XY.swift`, `+Pie`, `+Map`, `+Card`, `+Ladder`, `+TimePivot`, `+Pivot`, `+Treemap`).
struct ChartBuilder {
    let table: Table
    let request: ChartRequest
    let shapes: [ColumnShape]
    var names: [String] { table.schema.names }

    init(table: Table, request: ChartRequest) {
        self.table = table
        self.request = request
        shapes = table.columns.map(ColumnShape.init)
    }

    func build() throws(ChartError) -> (roles: ChartRoles, content: ChartContent) {
        switch request.kind {
        case .card: return card()
        case .table: return tableContent()
        case .ladderchart: return try ladder()
        case .timepivot: return try timePivot()
        case .pivotchart: return try pivot()
        case .treemap: return try treemap()
        case .piechart where request.variant == .map: return try map(mark: .pie)
        case .scatterchart where request.variant == .map: return try map(mark: .point)
        case .piechart: return try pie()
        default: return try xy()
        }
    }

    // MARK: Shared helpers

    /// The index of a column a property names, or `E_CHART_COLUMN`.
    func index(of name: String, for property: ChartProperty) throws(ChartError) -> Int {
        if let i = table.schema.index(of: name) { return i }
        throw ChartError(
            .chartColumn, "\(property.rawValue) names the column '\(name)', which the result does not have",
            hint: "the result's columns are: " + names.joined(separator: ", "))
    }

    func indices(of list: [String], for property: ChartProperty) throws(ChartError) -> [Int] {
        var out: [Int] = []
        for name in list { out.append(try index(of: name, for: property)) }
        return out
    }

    /// `E_CHART_COLUMN_TYPE` for a named column of the wrong shape.
    func wrongType(_ i: Int, _ property: ChartProperty, needs: String) -> ChartError {
        ChartError(
            .chartColumnType,
            "\(property.rawValue) names '\(names[i])' (\(table.schema.fields[i].type.rawValue)), but \(request.kind.rawValue) needs \(needs) there"
        )
    }

    /// `E_CHART_COLUMN_TYPE` for a result that has no column the visualization can use.
    func missing(_ what: String) -> ChartError {
        ChartError(
            .chartColumnType, "\(request.kind.rawValue) needs \(what), and the result has none",
            hint: "the result's columns are: "
                + zip(names, table.schema.fields).map { "\($0.0):\($0.1.type.rawValue)" }.joined(separator: ", "))
    }

    /// Every column not in `used`, in table order, as names.
    func unused(_ used: [Int]) -> [String] {
        names.indices.filter { !used.contains($0) }.map { names[$0] }
    }

    /// The label of row `i` over `columns` (values joined with ", "); empty without columns.
    func key(_ columns: [Int], _ i: Int) -> [String] {
        columns.map { ChartValues.label(table.columns[$0], i) }
    }

    /// The column whose values are the sizes or measures of a one-value chart: the first `ycolumns`
    /// entry, else the first number column not in `excluding`.
    func measure(excluding: [Int]) throws(ChartError) -> Int? {
        if let first = request.yColumns.first {
            let i = try index(of: first, for: .ycolumns)
            guard shapes[i] == .number else { throw wrongType(i, .ycolumns, needs: "a numeric column") }
            return i
        }
        return shapes.indices.first { shapes[$0] == .number && !excluding.contains($0) }
    }
}
