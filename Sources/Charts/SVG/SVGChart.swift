/// Writes a chart model as SVG, choosing the renderer by the content's family.
struct SVGChart {
    let model: ChartModel
    let style: ChartStyle

    func render() -> String {
        switch model.content {
        case .xy(let chart): return XYRenderer(model: model, chart: chart, style: style).render()
        case .pie(let chart): return PieRenderer(model: model, chart: chart, style: style).render()
        case .map(let chart): return MapRenderer(model: model, chart: chart, style: style).render()
        case .card(let chart): return CardRenderer(model: model, chart: chart, style: style).render()
        case .table(let chart): return TableRenderer(model: model, chart: chart, style: style).render()
        case .ladder(let chart): return LadderRenderer(model: model, chart: chart, style: style).render()
        case .timePivot(let chart): return TimePivotRenderer(model: model, chart: chart, style: style).render()
        case .pivot(let chart): return PivotRenderer(model: model, chart: chart, style: style).render()
        case .treemap(let chart): return TreemapRenderer(model: model, chart: chart, style: style).render()
        }
    }
}
