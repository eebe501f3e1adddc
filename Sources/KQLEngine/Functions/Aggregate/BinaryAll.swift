import Columnar

/// `binary_all_and(x)`, `binary_all_or(x)`, `binary_all_xor(x)`: the bitwise AND, OR or XOR of the
/// group's non-null values, as a long; null for a group without values (the summarize page's default for
/// "all others"). Named `binary_all_and_x`, ...
struct BinaryAllAggregate: AggregateFunction {
    let name: String
    let combine: @Sendable (Int64, Int64) -> Int64

    static let and = BinaryAllAggregate(name: "binary_all_and") { $0 & $1 }
    static let or = BinaryAllAggregate(name: "binary_all_or") { $0 | $1 }
    static let xor = BinaryAllAggregate(name: "binary_all_xor") { $0 ^ $1 }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(name, args, [.integer])
        return [Field(AggregateSupport.name(name, args), .long)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let x = FixedArgument<Int64>(Numeric.cast(args[0], to: .long, rows: AggregateSupport.rows(groups)))
        var acc = [Int64](repeating: 0, count: groups.groupCount)
        var seen = [Bool](repeating: false, count: groups.groupCount)
        for (i, g32) in groups.groupIDs.enumerated() where !x.isNull(i) {
            let g = Int(g32)
            acc[g] = seen[g] ? combine(acc[g], x[i]) : x[i]
            seen[g] = true
        }
        return [Column(type: .long, int64s: acc, valid: seen)]
    }
}
