import Testing
import Columnar
import KQLSyntax
@testable import KQLEngine

/// Calls scalar function `name` on constants and returns the constant result.
func call(_ name: String, _ args: Value...) throws -> Value {
    let f = try #require(FunctionRegistry.scalar(named: name))
    let typed = args.map { v -> ColumnarValue in .scalar(v, v.type ?? .long) }
    _ = try f.returnType(typed.map { ArgumentInfo(type: $0.type, constant: $0.constantValue) })
    let r = try f.evaluate(typed, context: FunctionContext(now: 0, rowCount: 1))
    return r.value(0)
}

/// Runs `f` over column arguments and returns the boxed result rows.
func rows(_ f: any ScalarFunction, _ args: [ColumnarValue], count: Int) throws -> [Value] {
    _ = try f.returnType(args.map { ArgumentInfo(type: $0.type, constant: $0.constantValue) })
    let r = try f.evaluate(args, context: FunctionContext(now: 0, rowCount: count))
    return (0..<count).map { r.value($0) }
}

/// Runs aggregate `name` over one column grouped by `groups`.
func aggregate(
    _ name: String, _ args: [ColumnarValue], groups: [Int32], groupCount: Int,
    columnNames: [String?] = []
) throws -> (fields: [Field], columns: [Column]) {
    let f = try #require(FunctionRegistry.aggregate(named: name))
    let infos = args.enumerated().map { i, a in
        ArgumentInfo(type: a.type, constant: a.constantValue, columnName: i < columnNames.count ? columnNames[i] : nil)
    }
    let fields = try f.outputColumns(infos, star: [])
    let cols = try f.aggregate(
        args, star: [], groups: GroupIndex(groupIDs: groups, groupCount: groupCount),
        context: FunctionContext(now: 0, rowCount: groups.count))
    return (fields, cols)
}
