import Columnar

/// A point of a series; `y` nil is a gap (a null value), drawn as a break in a line.
public struct ChartPoint: Sendable, Hashable {
    /// The x value (see `AxisValues` for its unit), or a category's index.
    public var x: Double
    /// The measured value, nil for null.
    public var y: Double?
    public init(x: Double, y: Double?) { self.x = x; self.y = y }
}

/// A point an anomaly column flags: drawn as a marker on the series it belongs to.
public struct AnomalyMark: Sendable, Hashable {
    /// Where: the x value and the series' value there.
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
    /// The points, in x order (categories: in row order).
    public var points: [ChartPoint]
    /// Anomalies flagged on this series (anomalychart).
    public var anomalies: [AnomalyMark]
    /// The panel (`ysplit=panels`) it is drawn in; 0 otherwise.
    public var panel: Int
    /// The y axis (`ysplit=axes`) it is measured on; 0 otherwise.
    public var axis: Int
}

/// The content of the charts over an x axis.
public struct XYChart: Sendable {
    /// How values are marked.
    public enum Mark: String, Sendable, Hashable, Codable { case line, area, point, column, bar }
    /// How series add up at the same x.
    public enum Stacking: String, Sendable, Hashable, Codable { case none, stacked, stacked100 }

    /// The mark of the visualization (a bar chart's bars run across).
    public var mark: Mark
    /// `kind=stacked|stacked100` for areas, columns and bars (always stacked for stackedareachart).
    public var stacking: Stacking
    /// The x axis: its values, and its labels when categorical.
    public var xValues: AxisValues
    /// The category labels in order, when `xValues` is `.category`.
    public var categories: [String]
    /// The series, grouped by series key, then by y column.
    public var series: [ChartSeries]
    /// Panel titles (`ysplit=panels`); one empty name otherwise.
    public var panels: [String]
    /// Y-axis titles (`ysplit=axes`); one empty name otherwise.
    public var axes: [String]
    /// Names of the anomaly columns whose marks the series carry.
    public var anomalyColumns: [String]
}

/// The content of a pie chart: one pie per measured column.
public struct PieChart: Sendable {
    /// A slice: its name (colour-axis value and series values) and size.
    public struct Slice: Sendable, Hashable {
        public var label: String
        public var value: Double
    }
    /// The pie of one measured column.
    public struct Pie: Sendable, Hashable {
        /// The measured column.
        public var yColumn: String
        /// Slices with positive values, in the order of the rows (rows with the same name added up).
        public var slices: [Slice]
        /// Rows whose value was null, zero or negative: they have no slice.
        public var omitted: Int
    }
    /// One pie per measured column.
    public var pies: [Pie]
}

/// The content of `kind=map`: points or pies placed at longitude/latitude.
public struct MapChart: Sendable {
    /// A row placed on the map.
    public struct Place: Sendable, Hashable {
        /// Degrees east and north.
        public var longitude: Double
        public var latitude: Double
        /// The series (scatter) or the colour-axis value (pie) of the point.
        public var series: String
        /// The measured value (pie slices); 1 for a plain point.
        public var value: Double
    }
    /// Points (scatterchart) or pies of the places at one location (piechart).
    public enum Mark: String, Sendable, Hashable, Codable { case point, pie }
    /// Points or pies.
    public var mark: Mark
    /// The rows with a location on the globe, in row order.
    public var places: [Place]
    /// The series names in order of appearance.
    public var seriesNames: [String]
}

/// The content of a card: the first row, one labelled value per column.
public struct CardChart: Sendable {
    /// A column's name and its value in the first row.
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
    /// The result's columns.
    public var columns: [Field]
    /// The first `maxRows` rows, each cell as text (empty for null).
    public var rows: [[String]]
    /// How many rows the result has.
    public var totalRows: Int
}

/// The content of a ladder chart.
public struct LadderChart: Sendable {
    /// One row: an interval on its own rung.
    public struct Rung: Sendable, Hashable {
        /// The label columns' values, joined with ", ".
        public var label: String
        /// The interval (see `xValues` for the unit).
        public var start: Double
        public var end: Double
        /// The series the interval is coloured by (empty without `series`).
        public var series: String
    }
    /// Datetimes, timespans or numbers.
    public var xValues: AxisValues
    /// The interval's columns: the result's last two.
    public var startColumn: String
    public var endColumn: String
    /// One per row with both ends, in row order.
    public var rungs: [Rung]
    /// The series names in order of appearance.
    public var seriesNames: [String]
}

/// The content of a time pivot: events on a time line, one lane per value of the pivot column(s).
public struct TimePivotChart: Sendable {
    /// One row: a moment, or an interval.
    public struct Event: Sendable, Hashable {
        /// When it starts, in nanoseconds since the epoch.
        public var start: Double
        /// The end of the event, when the result has a second datetime column.
        public var end: Double?
    }
    /// The events of one pivot value.
    public struct Lane: Sendable, Hashable {
        public var label: String
        public var events: [Event]
    }
    /// The columns the events start and (when there is one) end at.
    public var startColumn: String
    public var endColumn: String?
    /// In order of appearance.
    public var lanes: [Lane]
}

/// The content of a pivot chart: sums of each measured column by the row dimension (and, with a
/// series, by the column dimension), shown as a table and as columns.
public struct PivotChart: Sendable {
    /// At most this many columns: series values past the first `maxColumns - 1` are added up in one.
    public static let maxColumns = 50
    /// The header of the column that adds up the rest.
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
    /// The rows of one path, added up.
    public struct Leaf: Sendable, Hashable {
        /// One value per level, outermost first.
        public var path: [String]
        public var value: Double
    }
    /// The level columns, outermost first.
    public var levels: [String]
    /// The column that sizes the rectangles.
    public var sizeColumn: String
    /// Leaves with positive sizes; rows with the same path are added up.
    public var leaves: [Leaf]
    /// Rows whose size was null, zero or negative.
    public var omitted: Int
}
