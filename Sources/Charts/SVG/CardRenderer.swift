import Columnar

/// Draws a card: each value of the first row large, its column's name under it; several values
/// share the card in a row (or rows of up to four).
struct CardRenderer {
    let model: ChartModel
    let chart: CardChart
    let style: ChartStyle

    static func text(_ v: Value) -> String {
        switch v {
        case .int(let x): return NumberText.card(Double(x))
        case .long(let x): return NumberText.card(Double(x))
        case .real(let x): return x.isFinite ? NumberText.card(x) : v.text
        default: return v.isNull ? "—" : ChartValues.display(v)
        }
    }

    func render() -> String {
        let height = min(style.height, model.request.title == nil ? 200 : 240)
        var frame = ChartFrame(style: style, title: model.request.title, label: "card", legend: [], height: height)
        let body = frame.body
        guard !chart.fields.isEmpty else {
            frame.svg.label(
                "no rows", x: body.x + body.width / 2, y: body.y + body.height / 2, anchor: "middle", size: 20,
                fill: Palette.mutedText, className: "card-value")
            return frame.svg.finish()
        }
        // A card is a few numbers: past twelve, the first are shown and the rest counted.
        let fields = Array(chart.fields.prefix(12))
        if fields.count < chart.fields.count {
            frame.note("\(chart.fields.count - fields.count) more values are not shown")
        }
        let perRow = min(fields.count, 4)
        let rows = (fields.count + perRow - 1) / perRow
        let cellW = body.width / Double(perRow),
            cellH = (body.height - (fields.count < chart.fields.count ? 12 : 0)) / Double(rows)
        for (k, f) in fields.enumerated() {
            let cx = body.x + (Double(k % perRow) + 0.5) * cellW
            let top = body.y + Double(k / perRow) * cellH
            let value = CardRenderer.text(f.value)
            // The largest size (up to 56 px) at which the value fits its cell.
            var size = min(56, cellH * 0.5)
            while size > 12, TextMetrics.width(value, size: size) > cellW - 16 { size -= 2 }
            let shown = TextMetrics.fit(value, size: size, maxWidth: cellW - 16)
            frame.svg.label(
                shown, x: cx, y: top + cellH / 2 + size * 0.3, anchor: "middle", size: size, weight: "bold",
                fill: Palette.color(0, palette: style.palette), className: "card-value")
            frame.svg.label(
                TextMetrics.fit(f.name, size: 13, maxWidth: cellW - 16), x: cx, y: top + cellH / 2 + size * 0.3 + 22,
                anchor: "middle", size: 13, fill: Palette.mutedText, className: "card-label")
        }
        return frame.svg.finish()
    }
}
