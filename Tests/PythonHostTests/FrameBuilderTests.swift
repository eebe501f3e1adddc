import CPython
import Columnar
import Foundation
import Testing
@testable import PythonHost

/// `df` as a script sees it: every KQL type, with and without nulls, becomes the dtype the README's
/// table of the python() plugin promises.
@Suite(.enabled(if: HostTestEnvironment.sitePackages != nil, HostTestEnvironment.skip))
struct FrameBuilderTests {
    /// A column of `values`, each a value of `type` or nil for null.
    static func column(_ type: ScalarType, _ values: [Value?]) -> Column {
        var b = ColumnBuilder(type: type, capacity: values.count)
        for v in values { if let v { b.append(v) } else { b.appendNull() } }
        return b.finish()
    }

    static let day: Int64 = 86_400 * 1_000_000_000
    /// One sample value of each type (2024-01-01 for datetime, one day for timespan).
    static let samples: [(ScalarType, Value)] = [
        (.long, .long(-7)), (.int, .int(42)), (.real, .real(2.5)), (.bool, .bool(true)),
        (.datetime, .datetime(19_723 * day)), (.timespan, .timespan(day)),
        (.string, .string("héllo")), (.guid, .guid(UUID(uuidString: "74be27de-1e4e-49d9-b579-fe0b331d3642")!)),
        (.decimal, .decimal(Decimal(string: "1.25")!)), (.dynamic, .dynamic(.bag(PropertyBag([("k", .long(1))])))),
    ]

    /// The README's table: the dtype without nulls, and with them.
    static let promised: [ScalarType: (String, String)] = [
        .long: ("int64", "Int64"), .int: ("int32", "Int32"), .real: ("float64", "float64"), .bool: ("bool", "boolean"),
        .datetime: ("datetime64[ns]", "datetime64[ns]"), .timespan: ("timedelta64[ns]", "timedelta64[ns]"),
        .string: ("object", "object"), .guid: ("object", "object"), .decimal: ("float64", "float64"),
        .dynamic: ("object", "object"),
    ]

    @Test func everyTypeBecomesItsPromisedDtype() throws {
        var columns: [(String, Column)] = []
        for (type, v) in Self.samples {
            columns.append(("\(type.rawValue)_full", Self.column(type, [v, v, v])))
            columns.append(("\(type.rawValue)_nulls", Self.column(type, [v, nil, v])))
        }
        let mapped = try MappedInput(Table(columns))
        let seen = try BarePython.withHost { python -> String in
            let df = try mapped.frame(python)
            defer { sp_decref(df) }
            return try python.evaluate(
                "out = '|'.join(c + '=' + str(df[c].dtype) for c in df.columns)", bindings: ["df": df])
        }
        var expected: [String] = []
        for (type, _) in Self.samples {
            let (full, nulls) = try #require(Self.promised[type])
            expected += ["\(type.rawValue)_full=\(full)", "\(type.rawValue)_nulls=\(nulls)"]
        }
        #expect(seen?.split(separator: "|").map(String.init) == expected)
    }

    @Test func valuesAndNullsArriveAsThemselves() throws {
        var columns: [(String, Column)] = []
        for (type, v) in Self.samples { columns.append((type.rawValue, Self.column(type, [v, nil]))) }
        let mapped = try MappedInput(Table(columns))
        let seen = try BarePython.withHost { python -> String in
            let df = try mapped.frame(python)
            defer { sp_decref(df) }
            return try python.evaluate(
                """
                r = df.iloc[0]
                out = [int(r['long']), int(r['int']), float(r['real']), bool(r['bool']), str(r['datetime']), str(r['timespan']),
                       r['string'], r['guid'], float(r['decimal']), r['dynamic'],
                       [bool(pd.isna(df[c].iloc[1])) for c in ['long', 'int', 'real', 'bool', 'datetime', 'timespan', 'decimal']]]
                """, bindings: ["df": df])
        }
        #expect(
            seen == "[-7, 42, 2.5, True, '2024-01-01 00:00:00', '1 days 00:00:00', 'héllo', "
                + "'74be27de-1e4e-49d9-b579-fe0b331d3642', 1.25, {'k': 1}, [True, True, True, True, True, True, True]]")
    }
}
