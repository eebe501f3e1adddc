import Columnar

/// `estimate_data_size(columns)`: an estimate of the bytes a row's values take, summed over the columns
/// the binder passes (`*` is every column). A string counts its UTF-8 bytes (the reference's example:
/// a long and a ten-character string make 18), a fixed-width type its width whether null or not
/// (bool 1, int 4, long/real/datetime/timespan 8, decimal and guid 16), and a dynamic value the memory its
/// representation takes, which is larger than its JSON text, as the reference says it should be.
struct EstimateDataSizeFunction: ScalarFunction {
    let name = "estimate_data_size"

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType { .long }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let types = args.map(\.type)
        return try Kernel.boxed(args, out: .long, rows: context.rowCount) { (r: [Value]) -> Value in
            var total = 0
            for (v, t) in zip(r, types) { total = MemorySize.sum(total, Self.size(v, t)) }
            return .long(Int64(total))
        }
    }

    static func size(_ v: Value, _ t: ScalarType) -> Int {
        switch t {
        case .bool: return 1
        case .int: return 4
        case .long, .real, .datetime, .timespan: return 8
        case .decimal, .guid: return 16
        case .string: return v.text.utf8.count
        case .dynamic:
            if case .dynamic(let d) = v, d != .null { return MemorySize.deep(d) }
            return 0
        }
    }
}
