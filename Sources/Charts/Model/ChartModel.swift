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

/// A point of a series; `y` nil is a gap (a null value), drawn as a break in a line.
public struct ChartPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double?
    public init(x: Double, y: Double?) { self.x = x; self.y = y }
}

/// A point an anomaly column flags: drawn as a marker on the series it belongs to.
public struct AnomalyMark: Sendable, Hashable {
    public var x: Double
    public var y: Double
    /// The anomaly column's value: positive for a spike, negative for a dip.
    public var direction: Double
}

/// One drawn series: the points of one y column for one combination of series values.
public struct ChartSeries: Sendable, Hashable {
    /// The legend label.
    public var name: String
    /// The values of the series columns that define it (empty without series columns).
    public var key: [String]
    /// The measured column.
    public var yColumn: String
    public var points: [ChartPoint]
    /// Anomalies flagged on this series (anomalychart).
    public var anomalies: [AnomalyMark]
    /// The panel (`ysplit=panels`) and the y axis (`ysplit=axes`) it is drawn in; 0 otherwise.
    public var panel: Int
    public var axis: Int
}

/// The content of the charts over an x axis.
public struct XYChart: Sendable {
    /// How values are marked.
    public enum Mark: String, Sendable, Hashable, Codable { case line, area, point, column, bar }
    /// How series add up at the same x.
    public enum Stacking: String, Sendable, Hashable, Codable { case none, stacked, stacked100 }

    public var mark: Mark
    public var stacking: Stacking
    /// The x axis: its values, and its labels when categorical.
    public var xValues: AxisValues
    public var categories: [String]
    public var series: [ChartSeries]
    /// Panel titles (`ysplit=panels`) or y-axis titles (`ysplit=axes`); one empty name otherwise.
    public var panels: [String]
    public var axes: [String]
    /// Names of the anomaly columns whose marks the series carry.
    public var anomalyColumns: [String]
}

/// The content of a pie chart: one pie per measured column.
public struct PieChart: Sendable {
    public struct Slice: Sendable, Hashable {
        public var label: String
        public var value: Double
    }
    public struct Pie: Sendable, Hashable {
        /// The measured column.
        public var yColumn: String
        /// Slices with positive values, in the order of the rows.
        public var slices: [Slice]
        /// Rows whose value was null, zero or negative: they have no slice.
        public var omitted: Int
    }
    public var pies: [Pie]
}

/// The content of `kind=map`: points or pies placed at longitude/latitude.
public struct MapChart: Sendable {
    public struct Place: Sendable, Hashable {
        public var longitude: Double
        public var latitude: Double
        /// The series (scatter) or the colour-axis value (pie) of the point.
        public var series: String
        /// The measured value (pie slices); 1 for a plain point.
        public var value: Double
    }
    /// Points (scatterchart) or pies of the places at one location (piechart).
    public enum Mark: String, Sendable, Hashable, Codable { case point, pie }
    public var mark: Mark
    public var places: [Place]
    /// The series names in order of appearance.
    public var seriesNames: [String]
}

/// The content of a card: the first row, one labelled value per column.
public struct CardChart: Sendable {
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: Value
    }
    /// Empty when the result has no rows.
    public var fields: [Field]
}

/// The content of a table: the first rows as text.
public struct TableChart: Sendable {
    /// At most this many rows are drawn; the rest are counted.
    public static let maxRows = 100
    public var columns: [Field]
    public var rows: [[String]]
    public var totalRows: Int
}

/// The content of a ladder chart.
public struct LadderChart: Sendable {
    public struct Rung: Sendable, Hashable {
        public var label: String
        public var start: Double
        public var end: Double
        /// The series the interval is coloured by (empty without `series`).
        public var series: String
    }
    public var xValues: AxisValues
    public var startColumn: String
    public var endColumn: String
    public var rungs: [Rung]
    public var seriesNames: [String]
}

/// The content of a time pivot: events on a time line, one lane per value of the pivot column(s).
public struct TimePivotChart: Sendable {
    public struct Event: Sendable, Hashable {
        public var start: Double
        /// The end of the event, when the result has a second datetime column.
        public var end: Double?
    }
    public struct Lane: Sendable, Hashable {
        public var label: String
        public var events: [Event]
    }
    public var startColumn: String
    public var endColumn: String?
    public var lanes: [Lane]
}

/// The content of a pivot chart: sums of each measured column by the row dimension (and, with a
/// series, by the column dimension), shown as a table and as columns.
public struct PivotChart: Sendable {
    /// At most this many columns: series values past the first `maxColumns - 1` are added up in one.
    public static let maxColumns = 50
    public static let otherColumn = "(other)"

    /// The row dimension's values, in order of appearance.
    public var rowLabels: [String]
    /// The column headers: series values, or the measured columns without a series.
    public var columnLabels: [String]
    /// `cells[row][column]`: the sum, nil where no row contributed.
    public var cells: [[Double?]]
}

/// The content of a treemap: leaves with their path (one label per level) and size.
public struct TreemapChart: Sendable {
    public struct Leaf: Sendable, Hashable {
        public var path: [String]
        public var value: Double
    }
    public var levels: [String]
    public var sizeColumn: String
    /// Leaves with positive sizes; rows with the same path are added up.
    public var leaves: [Leaf]
    /// Rows whose size was null, zero or negative.
    public var omitted: Int
}
