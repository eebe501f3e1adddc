import Foundation

/// Numbers as a chart labels them: tick labels with as many decimals as their step needs, in SI
/// units (`12k`, `3.5M`) once an axis reaches ten thousand, with thousands separators below that.
enum NumberText {
    /// How the labels of one axis are written: every label in the same SI unit, or plain with separators.
    enum Style: Equatable { case grouped, si(unit: Double, suffix: String) }

    private static let prefixes: [(Double, String)] = [
        (1e18, "E"), (1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"),
    ]

    /// The style of an axis whose ticks reach `maxMagnitude`: SI from ten thousand on, in the unit of the largest.
    static func style(forMax maxMagnitude: Double) -> Style {
        guard maxMagnitude >= 10_000, let p = prefixes.first(where: { maxMagnitude >= $0.0 }) else { return .grouped }
        return .si(unit: p.0, suffix: p.1)
    }

    /// A tick label for `v` on an axis whose ticks are `step` apart.
    static func tick(_ v: Double, step: Double, style: Style) -> String {
        if v == 0 { return "0" }
        if case .si(let unit, let suffix) = style {
            return fixed(v / unit, decimals: decimals(step / unit)) + suffix
        }
        return grouped(v, decimals: decimals(step))
    }

    /// `v` in the SI unit of its own size, to three significant digits (`25G`, `2.5M`, `12.3k`).
    static func si(_ v: Double) -> String {
        guard let (unit, suffix) = prefixes.first(where: { v.magnitude >= $0.0 }) else { return plain(v) }
        let m = v / unit
        var s = fixed(m, decimals: m.magnitude < 10 ? 2 : m.magnitude < 100 ? 1 : 0)
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s + suffix
    }

    /// Decimals that tell apart values `step` apart (0 for whole steps).
    static func decimals(_ step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        var d = 0, s = step
        while d < 12, (s - s.rounded()).magnitude > 1e-9 * max(1, s.magnitude) { s *= 10; d += 1 }
        return d
    }

    /// `v` with `decimals` decimals and commas between thousands.
    static func grouped(_ v: Double, decimals: Int) -> String {
        let text = fixed(v.magnitude, decimals: decimals)
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        if whole.count >= 4 {
            var out = "", n = 0
            for c in whole.reversed() {
                if n > 0, n % 3 == 0 { out.append(",") }
                out.append(c); n += 1
            }
            whole = String(out.reversed())
        }
        let sign = v < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + whole + (parts.count > 1 ? "." + parts[1] : "")
    }

    static func fixed(_ v: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", v)
    }

    /// A value for a label or a card: whole numbers as they are, others to six significant digits.
    static func plain(_ v: Double) -> String {
        if v == v.rounded(), v.magnitude < 1e15 { return String(Int64(v)) }
        if v.magnitude >= 1e15 || v.magnitude < 1e-4 { return String(format: "%.6g", v) }
        var s = String(format: "%.6g", v)
        if s.contains("."), !s.contains("e") { while s.hasSuffix("0") { s.removeLast() } }
        return s
    }

    /// A card's big number: thousands separated, at most two decimals; SI beyond a billion.
    static func card(_ v: Double) -> String {
        if v.magnitude >= 1e9 { return si(v) }
        let d = v == v.rounded() ? 0 : (v.magnitude >= 100 ? 1 : 2)
        var s = grouped(v, decimals: d)
        if d > 0 { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s
    }

    /// A log axis tick at 10^e: `1`, `10`, `1k`, `0.01`, `1e-6`.
    static func power(_ e: Int) -> String {
        if e >= 3 { return si(pow(10, Double(e))) }
        if e >= 0 { return String(Int(pow(10, Double(e)))) }
        if e >= -4 { return "0." + String(repeating: "0", count: -e - 1) + "1" }
        return "1e\(e)"
    }
}
