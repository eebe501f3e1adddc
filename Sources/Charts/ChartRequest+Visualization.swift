import Columnar
import Foundation

extension ChartRequest {
    /// The request `render` recorded on a result: its kind and `with (...)` properties as text.
    ///
    /// Column lists (`ycolumns`, `series`, `anomalycolumns`) are comma-delimited names. A property `render`
    /// does not have, or a value it cannot take, is `E_CHART_PROPERTY`; the kind is checked as `ChartKind(name:)` does.
    public init(_ visualization: Visualization) throws(ChartError) {
        self.init(kind: try ChartKind(name: visualization.kind))
        var given: Set<ChartProperty> = []
        // Sorted so that of several bad properties the same one is reported every time.
        for (name, value) in visualization.properties.sorted(by: { $0.key < $1.key }) {
            guard let property = ChartProperty(rawValue: name.lowercased()) else {
                throw ChartError(
                    .chartProperty, "'\(name)' is not a property of render",
                    hint: "the properties are: " + ChartProperty.allCases.map(\.rawValue).joined(separator: ", "))
            }
            given.insert(property)
            try set(property, to: value)
        }
        givenProperties = given
    }

    private mutating func set(_ property: ChartProperty, to value: String) throws(ChartError) {
        let word = value.trimmingCharacters(in: .whitespaces)
        switch property {
        case .title: title = value
        case .xtitle: xTitle = value
        case .ytitle: yTitle = value
        case .xcolumn: xColumn = word
        case .ycolumns: yColumns = ChartRequest.names(value)
        case .series: series = ChartRequest.names(value)
        case .anomalycolumns: anomalyColumns = ChartRequest.names(value)
        case .xaxis: xAxis = try ChartRequest.choice(property, word)
        case .yaxis: yAxis = try ChartRequest.choice(property, word)
        case .legend: legend = try ChartRequest.choice(property, word)
        case .ysplit: ySplit = try ChartRequest.choice(property, word)
        case .kind: variant = try ChartRequest.choice(property, word)
        case .ymin: yMin = try ChartRequest.number(property, word)
        case .ymax: yMax = try ChartRequest.number(property, word)
        case .accumulate:
            switch word.lowercased() {
            case "true": accumulate = true
            case "false": accumulate = false
            default: throw ChartError(.chartProperty, "accumulate must be true or false, not '\(value)'")
            }
        }
    }

    /// A comma-delimited list of column names.
    static func names(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ property: ChartProperty, _ word: String) throws(ChartError)
        -> T
    where T.RawValue == String {
        if let v = T(rawValue: word) { return v }
        throw ChartError(
            .chartProperty, "\(property.rawValue) cannot be '\(word)'",
            hint: "use one of: " + T.allCases.map(\.rawValue).joined(separator: ", "))
    }

    static func number(_ property: ChartProperty, _ word: String) throws(ChartError) -> Double {
        if let v = Double(word), v.isFinite { return v }
        throw ChartError(.chartProperty, "\(property.rawValue) must be a number, not '\(word)'")
    }
}
