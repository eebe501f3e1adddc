import Columnar

/// A chart worked out from a result table and a `render` request: which column is x, which columns
/// name the series and which are measured, and the data series themselves, as ADX's documentation
/// of `render` and of each visualization defines them. The SVG and Vega-Lite writers draw from this.
public struct ChartModel: Sendable {
    /// The request the chart was built from.
    public let request: ChartRequest
    /// The column of the x axis (for a bar chart, the category axis; for a pie, the colour axis), or nil.
    public let xColumn: String?
    /// The columns whose combined values name a series.
    public let seriesColumns: [String]
    /// The measured columns.
    public let yColumns: [String]
    /// Columns of the result the chart does not draw (a timechart uses one string column as its series).
    public let ignoredColumns: [String]
    /// What is drawn.
    public let content: ChartContent

    /// Builds the model; a request the table cannot satisfy is a coded error (`E_CHART_COLUMN` for a
    /// named column the table lacks, `E_CHART_COLUMN_TYPE` when no column has the type the kind needs).
    public init(table: Table, request: ChartRequest) throws(ChartError) {
        let built = try ChartBuilder(table: table, request: request).build()
        self.request = request
        xColumn = built.roles.x
        seriesColumns = built.roles.series
        yColumns = built.roles.y
        ignoredColumns = built.roles.ignored
        content = built.content
    }

    /// A model put together by a renderer (the pivot chart draws its sums as a column chart).
    init(request: ChartRequest, xColumn: String?, seriesColumns: [String], yColumns: [String], content: ChartContent) {
        self.request = request; self.xColumn = xColumn; self.seriesColumns = seriesColumns
        self.yColumns = yColumns; ignoredColumns = []; self.content = content
    }

    /// The title to show: `title`, or none.
    public var title: String? { request.title }
}

/// The drawable content of a chart, by the family of visualization.
public enum ChartContent: Sendable {
    /// Lines, areas, points, columns or bars over an x axis (timechart, linechart, areachart,
    /// stackedareachart, scatterchart, anomalychart, columnchart, barchart).
    case xy(XYChart)
    /// One pie per y column.
    case pie(PieChart)
    /// Points (scatterchart) or pies (piechart) at longitude/latitude: `kind=map`.
    case map(MapChart)
    /// The first row's values, one big number each.
    case card(CardChart)
    /// The rows as a table.
    case table(TableChart)
    /// Intervals (the last two columns) on rungs labelled by the other columns.
    case ladder(LadderChart)
    /// Events on a time line, one lane per series value.
    case timePivot(TimePivotChart)
    /// A pivot table of sums and the column chart of it.
    case pivot(PivotChart)
    /// Nested rectangles whose areas are the values, one level per series column.
    case treemap(TreemapChart)
}

/// How the values of an axis are read and labelled.
public enum AxisValues: String, Sendable, Hashable, Codable {
    /// Numbers.
    case number
    /// Datetimes, as nanoseconds since the epoch.
    case datetime
    /// Timespans, as nanoseconds.
    case timespan
    /// Distinct labels; positions are their indices in `XYChart.categories`.
    case category
}
