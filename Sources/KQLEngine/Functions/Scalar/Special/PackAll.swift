import Columnar

/// `pack_all([ignore_null_empty])`: a property bag of every column of the row, by column name. The binder
/// passes the row's columns as arguments and their names here (`Binder+SchemaFunctions.swift`); with
/// `ignore_null_empty` true, null values and empty strings are left out.
struct PackAllFunction: ScalarFunction {
    let name = "pack_all"
    let names: [String]
    let ignoreNullEmpty: Bool

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType { .dynamic }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var meter = BudgetMeter(context)
        let names = self.names, ignore = ignoreNullEmpty
        let result = try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            var bag = PropertyBag()
            var size = 0
            for (k, v) in zip(names, r) {
                let d = v.asDynamic
                if ignore {
                    if case .null = d { continue }
                    if case .string("") = d { continue }
                }
                size = MemorySize.sum(size, MemorySize.sum(k.utf8.count, MemorySize.deep(d)))
                bag[k] = d
            }
            try meter.add(size)
            return .dynamic(.bag(bag))
        }
        try meter.flush()
        return result
    }
}
