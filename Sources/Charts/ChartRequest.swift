/// What a `render` operator asks for: the visualization and its `with (...)` properties as plain values.
///
/// Every property is optional; an empty list or nil means "let the chart pick", as ADX's user agents do.
public struct ChartRequest: Sendable, Hashable {
    /// The visualization.
    public var kind: ChartKind
    /// `title`: the chart's title.
    public var title: String?
    /// `xcolumn`: the column of the x axis.
    public var xColumn: String?
    /// `ycolumns`: the columns of measured values.
    public var yColumns: [String]
    /// `series`: the columns whose combined values name the series a row belongs to.
    public var series: [String]
    /// `xtitle`, `ytitle`: the axes' titles.
    public var xTitle: String?
    public var yTitle: String?
    /// `xaxis`, `yaxis`: how each axis is scaled.
    public var xAxis: AxisScale
    public var yAxis: AxisScale
    /// `ymin`, `ymax`: the range shown on the y axis.
    public var yMin: Double?
    public var yMax: Double?
    /// `legend`: whether the legend is shown.
    public var legend: LegendVisibility
    /// `kind`: the elaboration of the visualization (stacking, or points on a map).
    public var variant: ChartVariant
    /// `ysplit`: one y axis, one per series, or one panel per series.
    public var ySplit: YSplit
    /// `accumulate`: each value is added to its predecessors in its series.
    public var accumulate: Bool
    /// `anomalycolumns` (anomalychart): columns drawn as anomaly points rather than lines.
    public var anomalyColumns: [String]
    /// The properties given that this kind does not use (ADX's user agents ignore them; a caller may warn).
    public var givenProperties: Set<ChartProperty>

    /// A request with the given properties; `givenProperties` defaults to those that differ from the defaults.
    public init(
        kind: ChartKind, title: String? = nil, xColumn: String? = nil, yColumns: [String] = [],
        series: [String] = [], xTitle: String? = nil, yTitle: String? = nil,
        xAxis: AxisScale = .linear, yAxis: AxisScale = .linear, yMin: Double? = nil, yMax: Double? = nil,
        legend: LegendVisibility = .visible, variant: ChartVariant = .default, ySplit: YSplit = .none,
        accumulate: Bool = false, anomalyColumns: [String] = [], givenProperties: Set<ChartProperty>? = nil
    ) {
        self.kind = kind; self.title = title; self.xColumn = xColumn; self.yColumns = yColumns
        self.series = series; self.xTitle = xTitle; self.yTitle = yTitle; self.xAxis = xAxis; self.yAxis = yAxis
        self.yMin = yMin; self.yMax = yMax; self.legend = legend; self.variant = variant; self.ySplit = ySplit
        self.accumulate = accumulate; self.anomalyColumns = anomalyColumns
        var given: Set<ChartProperty> = []
        if title != nil { given.insert(.title) }
        if xColumn != nil { given.insert(.xcolumn) }
        if !yColumns.isEmpty { given.insert(.ycolumns) }
        if !series.isEmpty { given.insert(.series) }
        if xTitle != nil { given.insert(.xtitle) }
        if yTitle != nil { given.insert(.ytitle) }
        if xAxis != .linear { given.insert(.xaxis) }
        if yAxis != .linear { given.insert(.yaxis) }
        if yMin != nil { given.insert(.ymin) }
        if yMax != nil { given.insert(.ymax) }
        if legend != .visible { given.insert(.legend) }
        if variant != .default { given.insert(.kind) }
        if ySplit != .none { given.insert(.ysplit) }
        if accumulate { given.insert(.accumulate) }
        if !anomalyColumns.isEmpty { given.insert(.anomalycolumns) }
        self.givenProperties = givenProperties ?? given
    }

    /// The given properties this visualization does not use, by its documentation page.
    public var ignoredProperties: [ChartProperty] {
        ChartProperty.allCases.filter { givenProperties.contains($0) && !kind.uses($0, variant: variant) }
    }
}

/// A property of `render ... with (...)`.
public enum ChartProperty: String, Sendable, Hashable, CaseIterable, Codable {
    case accumulate, kind, legend, series, ymin, ymax, title, xaxis, xcolumn, xtitle, yaxis, ycolumns, ysplit, ytitle
    case anomalycolumns
}

/// `xaxis`/`yaxis`.
public enum AxisScale: String, Sendable, Hashable, CaseIterable, Codable { case linear, log }

/// `legend`.
public enum LegendVisibility: String, Sendable, Hashable, CaseIterable, Codable { case visible, hidden }

/// `ysplit`.
public enum YSplit: String, Sendable, Hashable, CaseIterable, Codable { case none, axes, panels }

/// The `kind` property: how areas, bars and columns stack, or points on a map for scatter and pie charts.
public enum ChartVariant: String, Sendable, Hashable, CaseIterable, Codable {
    case `default`, unstacked, stacked, stacked100, map
}

extension ChartKind {
    /// Whether this visualization's page lists `property` (with `kind`, only the values it lists).
    func uses(_ property: ChartProperty, variant: ChartVariant) -> Bool {
        switch self {
        case .card, .pivotchart: return property == .title
        case .timepivot, .treemap: return property == .series || property == .title
        case .table: return property == .title
        case .ladderchart: return ![.kind, .ysplit, .anomalycolumns, .xcolumn, .xaxis].contains(property)
        case .timechart, .linechart: return property != .kind && property != .anomalycolumns
        case .anomalychart: return property != .kind
        case .stackedareachart: return ![.kind, .ysplit, .anomalycolumns].contains(property)
        case .areachart, .columnchart, .barchart:
            if property == .kind { return variant != .map }
            return property != .anomalycolumns
        case .scatterchart:
            if property == .kind { return variant == .map || variant == .default }
            return property != .ysplit && property != .anomalycolumns
        case .piechart:
            if property == .kind { return variant == .map || variant == .default }
            return ![.ysplit, .ymin, .ymax, .anomalycolumns, .xaxis, .yaxis].contains(property)
        }
    }
}
