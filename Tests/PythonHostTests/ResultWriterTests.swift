import CPython
import Columnar
import Foundation
import SharedTable
import Testing
@testable import PythonHost

/// `result` back to KQL: every dtype the README's table lists becomes its KQL type, values intact; and
/// a column the script left untouched goes back by reference to the input's block, a written one is copied.
@Suite(.enabled(if: HostTestEnvironment.sitePackages != nil, HostTestEnvironment.skip))
struct ResultWriterTests {
    /// Writes the `result` the code makes and reads it back as the engine does.
    static func roundTrip(_ code: String) throws -> Table? {
        try BarePython.withHost { python -> Table in
            let result = try python.value(of: "result", after: code)
            defer { sp_decref(result) }
            let region = try SharedRegion.create(capacity: 1 << 20)
            _ = try ResultWriter(python: python).write(result, into: region)
            return try SharedTableReader.read(region)
        }
    }

    @Test func everyDtypeBecomesItsKQLType() throws {
        let table = try #require(
            try Self.roundTrip(
                """
                stamps = ['2024-01-01T00:00:00', '2024-01-02T00:00:00', '2024-01-03T00:00:00']
                result = pd.DataFrame({
                    'int64': np.array([1, 2, 3], dtype=np.int64), 'Int64': pd.array([1, None, 3], dtype='Int64'),
                    'uint32': np.array([1, 2, 3], dtype=np.uint32), 'uint64': np.array([1, 2, 3], dtype=np.uint64),
                    'int8': np.array([1, 2, 3], dtype=np.int8), 'int16': np.array([1, 2, 3], dtype=np.int16),
                    'int32': np.array([1, 2, 3], dtype=np.int32), 'uint8': np.array([1, 2, 3], dtype=np.uint8),
                    'uint16': np.array([1, 2, 3], dtype=np.uint16),
                    'float32': np.array([0.5, 1.5, 2.5], dtype=np.float32), 'float64': np.array([0.5, np.nan, 2.5]),
                    'bool': np.array([True, False, True]), 'boolean': pd.array([True, None, False], dtype='boolean'),
                    'datetime_ns': pd.to_datetime(stamps), 'datetime_ms': np.array(stamps, dtype='datetime64[ms]'),
                    'datetime_tz': pd.to_datetime(stamps).tz_localize('Europe/Paris'),
                    'timedelta': pd.to_timedelta([1, 2, 3], unit='s'),
                    'object_str': np.array(['a', 'b', 'c'], dtype=object), 'string': pd.array(['a', None, 'c'], dtype='string'),
                    'category': pd.Categorical(['a', 'b', 'a']),
                    'dicts': np.array([{'k': 1}, [1, 2], {'x': None}], dtype=object),
                })
                """))
        let expected: [(String, ScalarType)] = [
            ("int64", .long), ("Int64", .long), ("uint32", .long), ("uint64", .long),
            ("int8", .int), ("int16", .int), ("int32", .int), ("uint8", .int), ("uint16", .int),
            ("float32", .real), ("float64", .real), ("bool", .bool), ("boolean", .bool),
            ("datetime_ns", .datetime), ("datetime_ms", .datetime), ("datetime_tz", .datetime),
            ("timedelta", .timespan),
            ("object_str", .string), ("string", .string), ("category", .string), ("dicts", .dynamic),
        ]
        #expect(
            table.schema.fields.map { "\($0.name):\($0.type.rawValue)" } == expected.map { "\($0.0):\($0.1.rawValue)" })
        func cell(_ name: String, _ row: Int) -> Value? {
            table.schema.index(of: name).map { table.columns[$0].value(row) }
        }
        let day: Int64 = 86_400 * 1_000_000_000, hour: Int64 = 3_600 * 1_000_000_000
        #expect(cell("Int64", 1) == .null && cell("Int64", 2) == .long(3))
        #expect(cell("uint64", 2) == .long(3) && cell("uint16", 0) == .int(1))
        #expect(cell("float32", 1) == .real(1.5) && cell("float64", 1) == .null)
        #expect(cell("boolean", 1) == .null && cell("boolean", 2) == .bool(false))
        #expect(cell("datetime_ns", 0) == .datetime(19_723 * day) && cell("datetime_ms", 1) == .datetime(19_724 * day))
        // Midnight in Paris (UTC+1 in winter) is 23:00 UTC the day before.
        #expect(cell("datetime_tz", 0) == .datetime(19_723 * day - hour))
        #expect(cell("timedelta", 2) == .timespan(3_000_000_000))
        #expect(cell("string", 2) == .string("c") && cell("category", 1) == .string("b"))
        #expect(cell("dicts", 0) == .dynamic(.bag(PropertyBag([("k", .long(1))]))))
        #expect(cell("dicts", 1) == .dynamic(.array([.long(1), .long(2)])))
    }

    @Test func anUntouchedColumnGoesBackByReferenceAndAWrittenOneIsCopied() throws {
        // 4 MiB and up: each column's values live in a memfd of their own, which the child maps privately.
        let n = 600_000
        let input = Table([
            ("kept", Column(int64s: (0..<Int64(n)).map { $0 })),
            ("written", Column(int64s: (0..<Int64(n)).map { $0 * 2 })),
        ])
        let mapped = try MappedInput(input)
        #expect(mapped.blocks.count == 2)
        let extents = try BarePython.withHost { python -> [ColumnExtent] in
            let df = try mapped.frame(python)
            defer { sp_decref(df) }
            let result = try python.value(
                of: "result", after: "df['written'].values[0] = -1\nresult = df", bindings: ["df": df])
            defer { sp_decref(result) }
            let region = try SharedRegion.create(capacity: 1 << 20)
            let bytes = try ResultWriter(python: python).write(
                result, into: region, inputBlocks: mapped.blocks,
                inputBuffers: QueryRunner.referencedBuffers(mapped.header))
            let base = try #require(region.base)
            return try SharedTableHeader(base: base, length: bytes, blockLengths: mapped.blocks.map(\.length)).columns
        }
        let columns = try #require(extents)
        #expect(columns.map(\.name) == ["kept", "written"])
        #expect(columns[0].valuesBlock != 0, "the untouched column was copied instead of referenced")
        #expect(
            columns[1].valuesBlock == 0,
            "the written column was referenced, so the engine would see the input, not the script's change")
    }
}
