import Columnar

/// `row_rank_min(term [, restart])` and `row_rank_dense(term [, restart])`: the rank of each row of the
/// serialized (sorted) input by `term`. `row_rank_min` gives equal terms the row number of the first of
/// them (1, 2, 2, 2, 5); `row_rank_dense` counts the distinct terms so far (1, 2, 2, 2, 3). Ranking starts
/// again at 1 on rows where `restart` is true. Nulls rank equal to each other.
struct RowRankFunction: ScalarFunction {
    let name: String
    let dense: Bool
    static let min = RowRankFunction(name: "row_rank_min", dense: false)
    static let dense = RowRankFunction(name: "row_rank_dense", dense: true)
    var needsSerializedInput: Bool { true }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.any, .bool], arity: 1...2); return .long
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        let restart = args.count > 1 ? BoolView(args[1]) : nil
        let w = FixedColumnWriter<Int64>(type: .long, count: n)
        var rank: Int64 = 1, rowInPartition: Int64 = 1
        var previous = Value.null
        for i in 0..<n {
            let v = args[0].value(i)
            if i == 0 || restart?.get(i) == true {
                rank = 1; rowInPartition = 1
            } else {
                rowInPartition += 1
                if v != previous { rank = dense ? rank + 1 : rowInPartition }
            }
            previous = v
            w.set(i, rank)
        }
        return .column(w.finish())
    }
}
