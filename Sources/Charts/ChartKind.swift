/// The visualizations of KQL's `render` operator that Sandpiper draws, named as ADX spells them.
public enum ChartKind: String, Sendable, Hashable, CaseIterable, Codable {
    case anomalychart, areachart, barchart, card, columnchart, ladderchart, linechart, piechart, pivotchart
    case scatterchart, stackedareachart, table, timechart, timepivot, treemap

    /// Visualizations ADX documents that Sandpiper does not draw: a 3D chart has no documented data
    /// model, and `plotly` carries a Plotly JSON document for a Plotly client to draw.
    public static let undrawn: Set<String> = ["3Dchart", "plotly"]

    /// The kind `render` names, or a coded error: `E_UNSUPPORTED` for the ones in `undrawn`,
    /// `E_CHART_KIND` for names ADX does not have.
    public init(name: String) throws(ChartError) {
        if let kind = ChartKind(rawValue: name) { self = kind; return }
        if ChartKind.undrawn.contains(name) {
            throw ChartError(
                .unsupported, "the visualization '\(name)' is not supported: Sandpiper does not draw it",
                hint: "render the result as one of: \(ChartKind.allNames)")
        }
        throw ChartError(
            .chartKind, "'\(name)' is not a visualization of render",
            hint: "use one of: \(ChartKind.allNames)")
    }

    static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Kinds whose x axis must be time (the first datetime column, or `xcolumn` of type datetime).
    var needsTimeX: Bool { self == .timechart || self == .anomalychart }
}
