import Columnar

extension ChartModel {
    /// An equivalent Vega-Lite v5 specification, data inlined, as compact JSON.
    public func vegaLite(style: ChartStyle = ChartStyle()) -> String {
        vegaLiteSpec(style: style).jsonText
    }

    /// The Vega-Lite v5 specification as a `dynamic` value (object keys in a fixed order).
    public func vegaLiteSpec(style: ChartStyle = ChartStyle()) -> Dynamic {
        VegaLiteSpec(model: self, style: style).spec()
    }
}

/// Builds Vega-Lite specifications: the same marks, fields, scales and stacking as the SVG.
struct VegaLiteSpec {
    static let schema = "https://vega.github.io/schema/vega-lite/v5.json"

    let model: ChartModel
    let style: ChartStyle

    var request: ChartRequest { model.request }

    func spec() -> Dynamic {
        var top: [(String, Dynamic)] = [("$schema", .string(VegaLiteSpec.schema))]
        if let title = request.title { top.append(("title", .string(title))) }
        let body: [(String, Dynamic)]
        switch model.content {
        case .xy(let chart): body = xy(chart)
        case .pie(let chart): body = pie(chart)
        case .map(let chart): body = map(chart)
        case .card(let chart): body = card(chart)
        case .table(let chart): body = table(chart)
        case .ladder(let chart): body = ladder(chart)
        case .timePivot(let chart): body = timePivot(chart)
        case .pivot(let chart): body = pivot(chart)
        case .treemap(let chart): body = treemap(chart)
        }
        top += body
        let config = obj(("view", obj(("stroke", .null))), ("font", str("DejaVu Sans, Arial, sans-serif")))
        top.append(("config", config))
        return .bag(PropertyBag(top))
    }

    // MARK: Helpers

    func obj(_ pairs: (String, Dynamic)...) -> Dynamic { .bag(PropertyBag(pairs)) }
    func obj(_ pairs: [(String, Dynamic)]) -> Dynamic { .bag(PropertyBag(pairs)) }
    func str(_ s: String) -> Dynamic { .string(s) }
    func num(_ v: Double?) -> Dynamic {
        guard let v, v.isFinite else { return .null }
        return v == v.rounded() && v.magnitude < 1e15 ? .long(Int64(v)) : .real(v)
    }
    func values(_ rows: [Dynamic]) -> Dynamic { obj(("values", .array(rows))) }

    /// A value of an axis as data: ISO text for datetimes (Vega-Lite parses it), seconds for timespans.
    func axisValue(_ v: Double, _ kind: AxisValues, categories: [String] = []) -> Dynamic {
        switch kind {
        case .datetime: return .string(DateTimeFormat.iso8601(ChartValues.nanos(v)))
        case .timespan: return num(v / 1e9)
        case .number: return num(v)
        case .category:
            let i = Int(v)
            return categories.indices.contains(i) ? .string(categories[i]) : .string(String(i))
        }
    }

    func fieldType(_ kind: AxisValues) -> String {
        switch kind {
        case .datetime: return "temporal"
        case .number, .timespan: return "quantitative"
        case .category: return "nominal"
        }
    }

    func title(of kind: AxisValues, _ title: String) -> String {
        kind == .timespan ? title + " (seconds)" : title
    }

    /// A colour scale with the palette, or fixed colours where the style names them.
    func colorScale(_ names: [String]) -> Dynamic {
        if names.contains(where: { style.seriesColors[$0] != nil }) {
            return obj(
                ("domain", .array(names.map(str))),
                (
                    "range",
                    .array(
                        names.enumerated().map {
                            str(style.seriesColors[$1] ?? Palette.color($0, palette: style.palette))
                        })
                ))
        }
        return obj(("range", .array(style.palette.map(str))))
    }

    func legend(_ visible: Bool) -> [(String, Dynamic)] { visible ? [] : [("legend", .null)] }

    var size: [(String, Dynamic)] {
        [("width", num(max(100, style.width - 260))), ("height", num(max(80, style.height - 120)))]
    }
}
