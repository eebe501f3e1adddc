/// The colours of a chart: Okabe and Ito's palette, chosen to stay distinguishable under the common
/// forms of colour blindness, ordered so the first colours contrast most on white. Yellow comes last:
/// it is the hardest to see as a thin line.
public enum Palette {
    /// Okabe and Ito's eight colours: blue, orange, bluish green, vermillion, sky blue, reddish purple, black, yellow.
    public static let okabeIto = [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#000000", "#F0E442",
    ]

    /// The colour of the series at `index`: after the palette's colours come lighter tints of them
    /// (lines also change dash), so that many series stay told apart.
    static func color(_ index: Int, palette: [String]) -> String {
        let base = palette[index % palette.count]
        let round = index / palette.count
        return round == 0 ? base : tint(base, towardWhite: min(0.6, 0.3 * Double(round)))
    }

    /// `hex` (`#RRGGBB`) mixed with white by `amount` (0 keeps it, 1 is white).
    static func tint(_ hex: String, towardWhite amount: Double) -> String {
        guard hex.count == 7, hex.hasPrefix("#"), let v = Int(hex.dropFirst(), radix: 16) else { return hex }
        func mix(_ c: Int) -> Int { Int((Double(c) + (255 - Double(c)) * amount).rounded()) }
        let r = mix(v >> 16 & 0xFF), g = mix(v >> 8 & 0xFF), b = mix(v & 0xFF)
        return "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
    }

    /// The dash pattern of line series past the first round of colours: solid, dashed, dotted, dash-dot.
    static func dash(_ index: Int, palette: [String]) -> String? {
        switch (index / palette.count) % 4 {
        case 1: return "6 3"
        case 2: return "2 2"
        case 3: return "8 3 2 3"
        default: return nil
        }
    }

    /// Marks for anomalies, in a colour no series takes first: dark red outlined in white.
    static let anomaly = "#B2182B"
    static let text = "#222222"
    static let mutedText = "#555555"
    static let grid = "#E5E5E5"
    static let axis = "#888888"
}
