/// Writes SVG markup: elements with escaped attributes and text, coordinates rounded to a tenth of a
/// pixel (finer than any screen shows, and it keeps files small).
struct SVGWriter {
    private(set) var text = ""
    let width: Double, height: Double

    init(width: Double, height: Double, label: String) {
        self.width = width; self.height = height
        text =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGWriter.num(width))\" height=\"\(SVGWriter.num(height))\""
            + " viewBox=\"0 0 \(SVGWriter.num(width)) \(SVGWriter.num(height))\" role=\"img\" aria-label=\"\(SVGWriter.escape(label))\""
            + " font-family=\"DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"11\">\n"
        text += "<title>\(SVGWriter.escape(label))</title>\n"
        element("rect", ["width": "100%", "height": "100%", "fill": "white"])
    }

    /// The finished document.
    mutating func finish() -> String {
        text += "</svg>\n"
        return text
    }

    /// An attribute list, written in the order given, so the same chart always writes the same bytes.
    typealias Attributes = KeyValuePairs<String, String>

    mutating func open(_ tag: String, _ attributes: Attributes = [:]) {
        text += "<" + tag + SVGWriter.attributes(attributes) + ">\n"
    }

    mutating func close(_ tag: String) { text += "</" + tag + ">\n" }

    mutating func element(_ tag: String, _ attributes: Attributes, text content: String? = nil) {
        text += "<" + tag + SVGWriter.attributes(attributes)
        if let content { text += ">" + SVGWriter.escape(content) + "</" + tag + ">\n" } else { text += "/>\n" }
    }

    /// Text at (x, y); `anchor` is start, middle or end.
    mutating func label(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Double? = nil,
        weight: String? = nil, fill: String = Palette.text, className: String? = nil, rotate: Double? = nil
    ) {
        var s = "<text x=\"\(SVGWriter.num(x))\" y=\"\(SVGWriter.num(y))\""
        if anchor != "start" { s += " text-anchor=\"\(anchor)\"" }
        if let size { s += " font-size=\"\(SVGWriter.num(size))\"" }
        if let weight { s += " font-weight=\"\(weight)\"" }
        s += " fill=\"\(fill)\""
        if let className { s += " class=\"\(className)\"" }
        if let rotate { s += " transform=\"rotate(\(SVGWriter.num(rotate)) \(SVGWriter.num(x)) \(SVGWriter.num(y)))\"" }
        text += s + ">" + SVGWriter.escape(content) + "</text>\n"
    }

    mutating func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
        dash: String? = nil, className: String? = nil
    ) {
        var s =
            "<line x1=\"\(SVGWriter.num(x1))\" y1=\"\(SVGWriter.num(y1))\" x2=\"\(SVGWriter.num(x2))\" y2=\"\(SVGWriter.num(y2))\" stroke=\"\(stroke)\""
        if width != 1 { s += " stroke-width=\"\(SVGWriter.num(width))\"" }
        if let dash { s += " stroke-dasharray=\"\(dash)\"" }
        if let className { s += " class=\"\(className)\"" }
        text += s + "/>\n"
    }

    mutating func rect(
        _ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil,
        opacity: Double? = nil, className: String? = nil, title: String? = nil
    ) {
        var s =
            "<rect x=\"\(SVGWriter.num(x))\" y=\"\(SVGWriter.num(y))\" width=\"\(SVGWriter.num(max(0, w)))\" height=\"\(SVGWriter.num(max(0, h)))\" fill=\"\(fill)\""
        if let stroke { s += " stroke=\"\(stroke)\"" }
        if let opacity { s += " fill-opacity=\"\(SVGWriter.num(opacity))\"" }
        if let className { s += " class=\"\(className)\"" }
        if let title { text += s + "><title>\(SVGWriter.escape(title))</title></rect>\n" } else { text += s + "/>\n" }
    }

    mutating func circle(
        _ cx: Double, _ cy: Double, r: Double, fill: String, stroke: String? = nil, opacity: Double? = nil
    ) {
        var s =
            "<circle cx=\"\(SVGWriter.num(cx))\" cy=\"\(SVGWriter.num(cy))\" r=\"\(SVGWriter.num(r))\" fill=\"\(fill)\""
        if let stroke { s += " stroke=\"\(stroke)\"" }
        if let opacity { s += " fill-opacity=\"\(SVGWriter.num(opacity))\"" }
        text += s + "/>\n"
    }

    /// Raw markup the caller built from escaped parts (path data, polygons).
    mutating func raw(_ markup: String) { text += markup }

    /// A coordinate to one decimal, without a trailing `.0`.
    static func num(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let r = (v * 10).rounded() / 10
        if r == r.rounded(), r.magnitude < 1e15 { return String(Int64(r)) }
        return String(r)
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // XML 1.0 forbids most control characters even as references: drop them.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func attributes(_ a: Attributes) -> String {
        var s = ""
        for (k, v) in a { s += " " + k + "=\"" + escape(v) + "\"" }
        return s
    }
}
