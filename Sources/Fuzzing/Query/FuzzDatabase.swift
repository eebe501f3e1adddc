import Columnar
import KQLEngine

/// The small database generated queries run over: `T` has a column of each of the ten types with
/// ordinary rows, a row of nulls and rows of extreme values; `U` shares `k` with it for joins.
enum FuzzDatabase {
    static let definitions: [(name: String, query: String)] = [
        (
            "T",
            """
            datatable(k:string, b:bool, i:int, l:long, r:real, m:decimal, t:datetime, ts:timespan, g:guid, s:string, d:dynamic) [
              "a", true, 1, 10, 1.5, decimal(2.5), datetime(2024-01-01), 1h, guid(74be27de-1e4e-49d9-b579-fe0b331d3642), "alpha", dynamic({"x": 1, "y": [1, 2]}),
              "b", false, -2, -20, -0.5, decimal(-1), datetime(2024-01-02 12:00:00), 30m, guid(11111111-2222-3333-4444-555555555555), "Beta beta", dynamic([1, 2, 3]),
              "a", bool(null), int(null), long(null), real(null), decimal(null), datetime(null), time(null), guid(null), "", dynamic(null),
              "c", true, int(2147483647), long(9223372036854775807), real(nan), decimal(79228162514264337593543950335), datetime(2262-04-11 23:47:16), time(106751.23:47:16.854775807), guid(00000000-0000-0000-0000-000000000000), "ünï ✓ 2024-01-01", dynamic("s"),
              "d", false, int(-2147483648), long(-9223372036854775808), real(+inf), decimal(0), datetime(1677-09-22), time(-1.00:00:00), guid(ffffffff-ffff-ffff-ffff-ffffffffffff), "x,y;z=1 (a|b)", dynamic([{"a": null}, [], {}]),
              "e", true, 0, 0, real(-inf), decimal(0.5), datetime(1970-01-01), 0s, guid(74be27de-1e4e-49d9-b579-fe0b331d3642), "key=value; k2=v2", dynamic({"x": "2024-01-01", "y": {"z": [null, 1.5]}})
            ]
            """
        ),
        (
            "U",
            """
            datatable(k:string, v:long, w:real, e:dynamic, when:datetime) [
              "a", 1, 0.5, dynamic(["p", "q"]), datetime(2024-01-01 01:00:00),
              "b", 2, real(null), dynamic({"p": 1}), datetime(2024-01-03),
              "b", 3, 2.5, dynamic([]), datetime(null),
              "z", long(null), -1.0, dynamic(null), datetime(2023-12-31)
            ]
            """
        ),
    ]

    /// The tables, built by running their definitions on the engine (so they hold exactly what a query
    /// of these literals yields).
    static let tables: [(String, Table)] = definitions.map { definition in
        do {
            let engine = Engine(database: InMemoryDatabase())
            return (definition.name, try engine.execute(definition.query).tables[0].table)
        } catch {
            fatalError("the fuzz database's table \(definition.name) does not build: \(error)")
        }
    }

    /// A fresh database over the tables (commands a query runs change only its own copy).
    static func make() -> InMemoryDatabase { InMemoryDatabase(tables: tables) }

    /// The columns of each table, for the generator.
    static let schemas: [(String, [Field])] = tables.map { ($0.0, $0.1.schema.fields) }
}
