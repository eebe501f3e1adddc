@testable import Charts
import Columnar
import Testing

/// ADX's Visualization property bag: the keys, order and defaults the service sends in `@ExtendedProperties`.
@Suite struct VisualizationPropertiesTests {
    /// A `render` without properties. The expected text is ADX's own bag for an unset visualization (as a v2
    /// response carries it and the official SDKs' test fixtures record it), with the kind filled in.
    @Test func unsetPropertiesAreNullAndTheBoundsNaN() {
        let bag = Visualization(kind: "timechart").adxPropertyBagJSON
        #expect(
            bag
                == #"{"Visualization":"timechart","Title":null,"XColumn":null,"Series":null,"YColumns":null,"AnomalyColumns":null,"XTitle":null,"YTitle":null,"XAxis":null,"YAxis":null,"Legend":null,"YSplit":null,"Accumulate":false,"IsQuerySorted":false,"Kind":null,"Ymin":"NaN","Ymax":"NaN","Xmin":null,"Xmax":null}"#
        )
    }

    @Test func givenPropertiesFillTheirKeys() throws {
        let v = Visualization(
            kind: "columnchart",
            properties: [
                "title": "Storms", "xcolumn": "State", "ycolumns": "a, b", "series": "EventType", "xtitle": "state",
                "ytitle": "count", "xaxis": "linear", "yaxis": "log", "legend": "hidden", "ysplit": "panels",
                "accumulate": "true", "kind": "stacked", "ymin": "0", "ymax": "1000", "anomalycolumns": "z",
            ], isQuerySorted: true)
        guard case .bag(let bag) = v.adxPropertyBag else { Issue.record("not a bag"); return }
        let expected: [(String, Dynamic)] = [
            ("Visualization", .string("columnchart")), ("Title", .string("Storms")), ("XColumn", .string("State")),
            ("Series", .string("EventType")), ("YColumns", .string("a,b")), ("AnomalyColumns", .string("z")),
            ("XTitle", .string("state")), ("YTitle", .string("count")), ("XAxis", .string("linear")),
            ("YAxis", .string("log")),
            ("Legend", .string("hidden")), ("YSplit", .string("panels")), ("Accumulate", .bool(true)),
            ("IsQuerySorted", .bool(true)), ("Kind", .string("stacked")), ("Ymin", .real(0)), ("Ymax", .real(1000)),
            ("Xmin", .null), ("Xmax", .null),
        ]
        #expect(bag.keys == expected.map(\.0))
        for (key, value) in expected { #expect(bag[key] == value, "\(key)") }
    }
}
