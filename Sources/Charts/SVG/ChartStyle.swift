/// How a chart is drawn, beyond what the `render` request says: its size and colours.
public struct ChartStyle: Sendable {
    /// The whole image, legend and titles included, in pixels.
    public var width: Double
    public var height: Double
    /// Series colours in order; the default is colour-blind safe (`Palette.okabeIto`).
    public var palette: [String]
    /// Colours for series by legend name, before the palette (a caller that keeps one colour per
    /// method across charts, as the benchmark plot does).
    public var seriesColors: [String: String]
    /// Series drawn with a dashed line, by legend name.
    public var dashedSeries: Set<String>
    /// Lines also mark each of their points with a dot (when a line has at most 200 points).
    public var pointMarkers: Bool

    /// A style; sizes below 200×150 are raised to it, and an empty palette is the default one.
    public init(
        width: Double = 800, height: Double = 450, palette: [String] = Palette.okabeIto,
        seriesColors: [String: String] = [:], dashedSeries: Set<String> = [], pointMarkers: Bool = false
    ) {
        self.width = max(200, width); self.height = max(150, height)
        self.palette = palette.isEmpty ? Palette.okabeIto : palette
        self.seriesColors = seriesColors; self.dashedSeries = dashedSeries; self.pointMarkers = pointMarkers
    }
}

extension ChartModel {
    /// The chart as a standalone SVG document.
    public func svg(style: ChartStyle = ChartStyle()) -> String {
        SVGChart(model: self, style: style).render()
    }
}
