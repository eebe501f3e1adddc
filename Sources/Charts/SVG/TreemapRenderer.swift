/// Draws a treemap: the first level's rectangles (with a header naming them, room permitting)
/// hold the next level's, down to the leaves; areas follow the values. Rectangles are laid out by the
/// squarified algorithm (Bruls, Huizing and van Wijk), which keeps them close to square.
struct TreemapRenderer {
    let model: ChartModel
    let chart: TreemapChart
    let style: ChartStyle

    func render() -> String {
        var frame = ChartFrame(
            style: style, title: model.request.title, label: "treemap of \(chart.sizeColumn)", legend: [])
        let body = frame.body
        let area = Rect(x: body.x, y: body.y, width: body.width, height: body.height - (chart.omitted > 0 ? 14 : 0))
        frame.svg.open("g", ["class": "treemap"])
        for node in TreemapRenderer.layout(chart, in: area) {
            let r = node.rect
            let base = style.seriesColors[node.name] ?? Palette.color(node.top, palette: style.palette)
            let value = NumberText.plain(node.value)
            if node.isLeaf {
                let fill = node.level == 0 ? base : Palette.tint(base, towardWhite: Double(node.sibling % 3) * 0.18)
                frame.svg.rect(
                    r.x, r.y, r.width, r.height, fill: fill, stroke: "white", className: "leaf",
                    title: "\(node.path): \(value)")
                if r.width > 36, r.height > 16 {
                    let ink = TreemapRenderer.inkOn(fill)
                    frame.svg.label(
                        TextMetrics.fit(node.name, size: 11, maxWidth: r.width - 8), x: r.x + 4, y: r.y + 14, fill: ink,
                        className: "leaf-label")
                    if r.height > 32 {
                        frame.svg.label(
                            TextMetrics.fit(value, size: 10, maxWidth: r.width - 8), x: r.x + 4, y: r.y + 27,
                            size: 10, fill: ink, className: "leaf-value")
                    }
                }
            } else {
                frame.svg.rect(
                    r.x, r.y, r.width, r.height, fill: Palette.tint(base, towardWhite: 0.75), stroke: "white",
                    className: "group", title: "\(node.path): \(value)")
                if node.hasHeader {
                    frame.svg.label(
                        TextMetrics.fit(node.name, size: 11, maxWidth: r.width - 8), x: r.x + 4, y: r.y + 13,
                        weight: "bold", className: "group-label")
                }
            }
        }
        frame.svg.close("g")
        if chart.omitted > 0 { frame.note("\(chart.omitted) rows with a null, zero or negative size are not shown") }
        return frame.svg.finish()
    }

    /// A rectangle of the layout: a group (drawn first, under its members) or a leaf.
    struct Node {
        var rect: Rect
        var name: String
        /// The names from the first level down, joined with " / ".
        var path: String
        var level: Int
        var value: Double
        var isLeaf: Bool
        /// The index of the first-level rectangle it is in (its colour), and its index among its siblings.
        var top: Int
        var sibling: Int
        /// A group with room for its name above its members.
        var hasHeader: Bool
        /// The name of the first-level rectangle it is in.
        var group: String
    }

    /// At most this many rectangles side by side in one parent.
    static let maxChildren = 150

    /// The nested rectangles, parents before children. Work items rather than recursion: the depth is
    /// the number of series columns.
    static func layout(_ chart: TreemapChart, in area: Rect) -> [Node] {
        let depth = chart.levels.count
        var out: [Node] = []
        var work: [(leaves: [Int], rect: Rect, level: Int, top: Int, group: String)] = [
            (Array(chart.leaves.indices), area, 0, 0, "")
        ]
        var next = 0
        while next < work.count {
            let item = work[next]
            next += 1
            var order: [String] = [], members: [String: [Int]] = [:], totals: [String: Double] = [:]
            for l in item.leaves {
                let name = chart.leaves[l].path[item.level]
                if members[name] == nil { order.append(name) }
                members[name, default: []].append(l)
                totals[name, default: 0] += chart.leaves[l].value
            }
            order.sort { (totals[$0]!, $1) > (totals[$1]!, $0) }
            // Past `maxChildren`, the smallest are one rectangle (a leaf): thousands would be specks.
            var folded: String?
            if order.count > maxChildren {
                let rest = order[(maxChildren - 1)...]
                let name = "other (\(rest.count))"
                totals[name] = rest.reduce(0) { $0 + totals[$1]! }
                members[name] = rest.flatMap { members[$0]! }
                order = Array(order.prefix(maxChildren - 1)) + [name]
                folded = name
            }
            let rects = squarify(order.map { totals[$0]! }, in: item.rect)
            for (k, name) in order.enumerated() {
                let r = rects[k]
                // A rectangle smaller than a pixel shows nothing, and neither would its members.
                if r.width * r.height < 1 { continue }
                let top = item.level == 0 ? k : item.top
                let group = item.level == 0 ? name : item.group
                let path =
                    name == folded
                    ? name : chart.leaves[members[name]![0]].path.prefix(item.level + 1).joined(separator: " / ")
                let leaf = item.level == depth - 1 || name == folded
                let header = !leaf && r.height > 40 && r.width > 40
                out.append(
                    Node(
                        rect: r, name: name, path: path, level: item.level, value: totals[name]!, isLeaf: leaf,
                        top: top, sibling: k, hasHeader: header, group: group))
                if !leaf {
                    let inner =
                        header
                        ? Rect(x: r.x + 2, y: r.y + 18, width: r.width - 4, height: r.height - 20)
                        : Rect(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2)
                    work.append((members[name]!, inner, item.level + 1, top, group))
                }
            }
        }
        return out
    }

    /// Dark text on light fills, white on dark ones (by the fill's relative luminance).
    static func inkOn(_ hex: String) -> String {
        guard hex.count == 7, let v = Int(hex.dropFirst(), radix: 16) else { return Palette.text }
        let r = Double(v >> 16 & 0xFF), g = Double(v >> 8 & 0xFF), b = Double(v & 0xFF)
        return (0.299 * r + 0.587 * g + 0.114 * b) > 150 ? Palette.text : "white"
    }

    /// Rectangles for `values` (largest first) filling `rect`: rows along the shorter side, each row
    /// growing while that makes its worst aspect ratio better.
    static func squarify(_ values: [Double], in rect: Rect) -> [Rect] {
        var out = [Rect](repeating: Rect(x: rect.x, y: rect.y, width: 0, height: 0), count: values.count)
        let total = values.reduce(0, +)
        guard total > 0, rect.width > 0, rect.height > 0 else { return out }
        let scale = rect.width * rect.height / total
        var free = rect
        var i = 0
        while i < values.count {
            let side = min(free.width, free.height)
            var row: [Int] = [i], sum = values[i] * scale
            var largest = values[i] * scale, smallest = values[i] * scale
            // The worst aspect ratio of a row depends only on its sum and its largest and smallest areas.
            func worst(_ s: Double, _ big: Double, _ small: Double) -> Double {
                guard s > 0, small > 0 else { return .infinity }
                return max(side * side * big / (s * s), s * s / (side * side * small))
            }
            var j = i + 1
            while j < values.count {
                let a = values[j] * scale
                let next = sum + a
                if worst(next, max(largest, a), min(smallest, a)) > worst(sum, largest, smallest) { break }
                row.append(j); sum = next; largest = max(largest, a); smallest = min(smallest, a); j += 1
            }
            // Lay the row along the shorter side of what is left.
            let thickness = side > 0 ? sum / side : 0
            var offset = 0.0
            for m in row {
                let length = thickness > 0 ? values[m] * scale / thickness : 0
                if free.width >= free.height {
                    out[m] = Rect(x: free.x, y: free.y + offset, width: thickness, height: length)
                } else {
                    out[m] = Rect(x: free.x + offset, y: free.y, width: length, height: thickness)
                }
                offset += length
            }
            if free.width >= free.height {
                free = Rect(
                    x: free.x + thickness, y: free.y, width: max(0, free.width - thickness), height: free.height)
            } else {
                free = Rect(
                    x: free.x, y: free.y + thickness, width: free.width, height: max(0, free.height - thickness))
            }
            i = j
        }
        return out
    }
}
