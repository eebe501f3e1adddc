import Columnar

/// The `Visualization` value of a result's `@ExtendedProperties` row: what `render` asked for, in the
/// shape ADX sends (every property named, null when not given), serialized as a JSON string as ADX does.
///
/// Built from the kind and `with (...)` properties the parser keeps (`Table.visualization`); kept in one
/// small file so it can read the chart model instead once `render` produces one.
enum VisualizationRow {
    /// ADX's property names, in its order, with the `with (...)` name each comes from.
    private static let names: [(key: String, property: String)] = [
        ("Title", "title"), ("XColumn", "xcolumn"), ("Series", "series"), ("YColumns", "ycolumns"),
        ("AnomalyColumns", "anomalycolumns"), ("XTitle", "xtitle"), ("YTitle", "ytitle"), ("XAxis", "xaxis"),
        ("YAxis", "yaxis"), ("Legend", "legend"), ("YSplit", "ysplit"), ("Accumulate", "accumulate"),
        ("IsQuerySorted", "isquerysorted"), ("Kind", "kind"), ("Ymin", "ymin"), ("Ymax", "ymax"),
        ("Xmin", "xmin"), ("Xmax", "xmax"),
    ]

    /// `{"Visualization":"timechart","Title":null,...}` for `visualization`.
    static func json(_ visualization: Visualization) -> String {
        var props = PropertyBag([("Visualization", .string(visualization.kind))])
        for (key, property) in names {
            let given = visualization.properties[property]
            switch key {
            case "Accumulate", "IsQuerySorted":
                props[key] = .bool(given == "true")
            case "Ymin", "Ymax":
                props[key] = given.flatMap(Double.init).map(Dynamic.real) ?? .string("NaN")
            default:
                props[key] = given.map(Dynamic.string) ?? .null
            }
        }
        return Dynamic.bag(props).jsonText
    }
}
