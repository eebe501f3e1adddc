import Columnar
import Foundation
import KQLEngine
import Testing
@testable import PythonPlugin

/// Every KQL type into `df` and every pandas dtype back, with and without nulls.
extension PythonSuites {
    @Suite
    struct PythonTypeTests {
        let plugin = PythonTestEnvironment.plugin()
        static let guid = UUID(uuidString: "0F8FAD5B-D9CB-469F-A165-70867728950E")!

        /// One column per KQL type; `nulls` puts a null in the last row of each.
        static func table(nulls: Bool) -> Table {
            let v: [Bool]? = nulls ? [true, false] : nil
            return Table([
                ("l", Column(int64s: [1, -2], valid: v)),
                ("i", Column(int32s: [3, -4], valid: v)),
                ("r", Column(reals: [0.5, 2], valid: v)),
                ("b", Column(bools: [true, false], valid: v)),
                ("t", Column(type: .datetime, int64s: [1_700_000_000_123_456_700, 0], valid: v)),
                ("ts", Column(type: .timespan, int64s: [90_061_000_000_000, -5], valid: v)),
                ("s", Column(strings: ["héllo", nulls ? nil : ""])),
                ("g", Column(type: .guid, values: [.guid(guid), nulls ? .null : .guid(guid)])),
                (
                    "d",
                    Column(
                        type: .dynamic,
                        values: [
                            .dynamic(.bag(PropertyBag([("k", .array([.long(1), .string("z")]))]))),
                            nulls ? .dynamic(.null) : .dynamic(.real(1.5)),
                        ])
                ),
                (
                    "m",
                    Column(type: .decimal, values: [.decimal(Decimal(string: "1.25")!), nulls ? .null : .decimal(3)])
                ),
            ])
        }

        @Test(arguments: [false, true])
        func kqlTypesBecomeTheDocumentedDtypes(nulls: Bool) throws {
            let script =
                "result = pd.DataFrame({'c': list(df.columns), 'dtype': [str(df[c].dtype) for c in df.columns],"
                + " 'first': [repr(df[c].iloc[0]) for c in df.columns], 'last': [repr(df[c].iloc[1]) for c in df.columns]})"
            let r = try plugin.run(input: Self.table(nulls: nulls), arguments: Call.seed(script: script))
            let dtypes = r.table.rows.map { $0[1].text }
            let expected =
                nulls
                ? [
                    "Int64", "Int32", "float64", "boolean", "datetime64[ns]", "timedelta64[ns]", "object", "object",
                    "object", "float64",
                ]
                : [
                    "int64", "int32", "float64", "bool", "datetime64[ns]", "timedelta64[ns]", "object", "object",
                    "object", "float64",
                ]
            #expect(dtypes == expected)
            let first = r.table.rows.map { $0[2].text }
            #expect(first[6] == "'héllo'")
            #expect(first[7] == "'0f8fad5b-d9cb-469f-a165-70867728950e'")
            #expect(first[8] == "{'k': [1, 'z']}")
            #expect(first[4] == "Timestamp('2023-11-14 22:13:20.123456700')")
            #expect(first[5] == "Timedelta('1 days 01:01:01')")
            if nulls {
                let last = r.table.rows.map { $0[3].text }
                #expect(last == ["<NA>", "<NA>", "nan", "<NA>", "NaT", "NaT", "None", "None", "None", "nan"])
            }
        }

        @Test(arguments: [false, true])
        func resultEqualsDfRoundTripsEveryType(nulls: Bool) throws {
            let t = Self.table(nulls: nulls)
            let r = try plugin.run(input: t, arguments: Call.seed(script: "result = df"))
            // decimal travels as float64 and comes back as real; every other type comes back as it went.
            #expect(
                r.table.schema.fields.map(\.type) == [
                    .long, .int, .real, .bool, .datetime, .timespan, .string, .string, .dynamic, .real,
                ])
            for row in 0..<2 {
                let a = r.table.row(row), b = t.row(row)
                for c in [0, 1, 2, 3, 4, 5, 6, 8] {
                    #expect(a[c] == b[c], "column \(t.schema.fields[c].name) row \(row)")
                }
                #expect(a[7].isNull == b[7].isNull)
                if !b[7].isNull { #expect(a[7] == .string("0f8fad5b-d9cb-469f-a165-70867728950e")) }
            }
        }

        @Test func pandasDtypesComeBackAsKQLTypes() throws {
            let script = """
                import datetime as dt
                result = pd.DataFrame({
                    'i8': np.array([1, -2], dtype=np.int8), 'u16': np.array([1, 65535], dtype=np.uint16),
                    'i32': np.array([1, 2], dtype=np.int32), 'u64': np.array([1, 2], dtype=np.uint64),
                    'f32': np.array([0.5, np.nan], dtype=np.float32), 'b': [True, False],
                    'dt_s': np.array(['2024-01-01T00:00:01', 'NaT'], dtype='datetime64[s]'),
                    'dt_tz': pd.to_datetime(['2024-01-01 02:00', None]).tz_localize('Europe/Paris'),
                    'td_ms': np.array([1500, 'NaT'], dtype='timedelta64[ms]'),
                    'str': ['a', None], 'cat': pd.Categorical(['x', None]),
                    'obj': [{'a': [1, 2]}, [1, 'b']], 'nint': pd.array([1, None], dtype='Int64'),
                    'nbool': pd.array([True, None], dtype='boolean'), 'pyint': [1, None],
                    'pydt': [dt.datetime(2024, 1, 1), None], 'pystr': pd.array(['q', None], dtype='string'),
                })
                """
            let r = try plugin.run(input: Table([("x", Column(int64s: [1]))]), arguments: Call.seed(script: script))
            let types = Dictionary(uniqueKeysWithValues: r.table.schema.fields.map { ($0.name, $0.type) })
            #expect(
                types == [
                    "i8": .int, "u16": .int, "i32": .int, "u64": .long, "f32": .real, "b": .bool, "dt_s": .datetime,
                    "dt_tz": .datetime,
                    "td_ms": .timespan, "str": .string, "cat": .string, "obj": .dynamic, "nint": .long, "nbool": .bool,
                    "pyint": .real, "pydt": .datetime, "pystr": .string,
                ])
            func cell(_ name: String, _ row: Int) -> Value { r.table.column(named: name)!.value(row) }
            #expect(cell("i8", 1) == .int(-2) && cell("u16", 1) == .int(65535))
            #expect(cell("dt_s", 0) == .datetime(1_704_067_201_000_000_000) && cell("dt_s", 1).isNull)
            #expect(cell("dt_tz", 0) == .datetime(1_704_070_800_000_000_000))  // 02:00 Paris is 01:00 UTC
            #expect(cell("td_ms", 0) == .timespan(1_500_000_000) && cell("td_ms", 1).isNull)
            #expect(cell("cat", 0) == .string("x") && cell("cat", 1).isNull)
            #expect(cell("obj", 0).text == "{\"a\":[1,2]}" && cell("obj", 1).text == "[1,\"b\"]")
            #expect(cell("nint", 0) == .long(1) && cell("nint", 1).isNull)
            #expect(cell("nbool", 0) == .bool(true) && cell("nbool", 1).isNull)
            #expect(cell("f32", 1).isNull && cell("str", 1).isNull && cell("pystr", 0) == .string("q"))
        }
    }
}
