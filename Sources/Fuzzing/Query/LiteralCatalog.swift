import Columnar

/// Literals of every KQL type as a query writes them: ordinary values first (picked most often), then
/// the edges (limits, nulls, NaN, empty and odd strings, nested dynamics) where kernels go wrong.
enum LiteralCatalog {
    /// The literals of `type`; the first few are the ordinary ones.
    static func literals(_ type: ScalarType) -> [String] {
        switch type {
        case .bool: return ["true", "false", "bool(null)", "bool(true)"]
        case .int: return ["int(1)", "int(0)", "int(-3)", "int(null)", "int(2147483647)", "int(-2147483648)", "int(7)"]
        case .long:
            return [
                "1", "2", "0", "-1", "10", "3", "long(null)", "100", "9223372036854775807", "-9223372036854775808",
                "4294967296", "0x7f", "1000000",
            ]
        case .real:
            return [
                "1.5", "0.0", "-2.25", "2.0", "real(null)", "real(nan)", "real(+inf)", "real(-inf)", "1e308", "-0.0",
                "5e-324", "0.1", "1e-7",
            ]
        case .decimal:
            return [
                "decimal(1.5)", "decimal(0)", "decimal(-3)", "decimal(null)", "decimal(79228162514264337593543950335)",
                "decimal(0.0000000000000000000000000001)",
            ]
        case .datetime:
            return [
                "datetime(2024-01-01)", "datetime(2024-03-15 10:30:00)", "datetime(null)", "datetime(1970-01-01)",
                "datetime(2000-02-29 23:59:59.9999999)", "datetime(0001-01-01)", "datetime(9999-12-31 23:59:59)",
                "datetime(1677-09-21)", "datetime(2262-04-11)", "now()", "ago(1d)",
            ]
        case .timespan:
            return [
                "1d", "1h", "30m", "10s", "100ms", "0s", "time(null)", "-1d", "1tick", "1microsecond", "365d",
                "time(1.02:03:04)", "10675199d", "time(-10675199.02:48:05.4775808)",
            ]
        case .guid:
            return [
                "guid(74be27de-1e4e-49d9-b579-fe0b331d3642)", "guid(null)",
                "guid(00000000-0000-0000-0000-000000000000)",
            ]
        case .string:
            return [
                "\"abc\"", "\"a,b,c\"", "''", "\"x\"", "\"Hello World\"", "\"42\"", "\"2024-01-01\"", "\"1.5\"",
                "\"a.b.c\"", "\"ünïcödé ✓\"", "\"\\t\\n\"", "@\"c:\\\\dir\"", "\"{\\\"a\\\":1}\"", "\"[1,2,3]\"",
                "\"true\"", "\"%\"", "\"(a|b)+\"", "\"ab\\u0000cd\"", "h\"hidden\"", "\"\\\\d+\"",
                "\"key=value; k2=v2\"",
            ]
        case .dynamic:
            return [
                "dynamic([1, 2, 3])", "dynamic({\"a\": 1, \"b\": \"x\"})", "dynamic(null)", "dynamic([])",
                "dynamic({})",
                "dynamic(\"s\")", "dynamic(5)", "dynamic([1, \"a\", null, 2.5, true])",
                "dynamic({\"a\": {\"b\": [1, {\"c\": 2}]}})", "dynamic([[1, 2], [3]])",
                "dynamic([datetime(2024-01-01), 1d])", "dynamic({\"\": 1, \"k k\": [null]})",
            ]
        }
    }

    /// How many of `literals(type)` count as ordinary.
    static let ordinaryCount = 4
}
