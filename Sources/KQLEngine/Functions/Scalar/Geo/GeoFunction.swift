import Columnar

/// A `geo_*` scalar function: its signature and a per-row kernel over boxed arguments.
///
/// `kernel` is made afresh for every batch, so a kernel may keep state across the batch's rows (a
/// `ShapeCache` that parses a constant polygon once). It is told which arguments are constants.
/// Nulls reach the kernel, which turns them into null (or "") as ADX's pages say.
struct GeoFunction: ScalarFunction {
    typealias RowKernel = ([Value]) throws(FunctionError) -> Value
    let name: String
    let kinds: [ArgumentKind]
    let arity: ClosedRange<Int>
    let out: ScalarType
    let makeKernel: @Sendable (_ constant: [Bool]) -> RowKernel

    /// A function whose kernel keeps state across a batch's rows; `required` arguments of `kinds` are
    /// mandatory, the rest optional.
    static func batch(
        _ name: String, _ kinds: [ArgumentKind], required: Int? = nil, out: ScalarType,
        _ makeKernel: @escaping @Sendable (_ constant: [Bool]) -> RowKernel
    ) -> GeoFunction {
        GeoFunction(
            name: name, kinds: kinds, arity: (required ?? kinds.count)...kinds.count, out: out, makeKernel: makeKernel)
    }

    private init(
        name: String, kinds: [ArgumentKind], arity: ClosedRange<Int>, out: ScalarType,
        makeKernel: @escaping @Sendable (_ constant: [Bool]) -> RowKernel
    ) {
        self.name = name; self.kinds = kinds; self.arity = arity; self.out = out; self.makeKernel = makeKernel
    }

    /// A function without per-batch state.
    init(
        _ name: String, _ kinds: [ArgumentKind], required: Int? = nil, out: ScalarType,
        row: @escaping @Sendable ([Value]) -> Value
    ) {
        self.init(
            name: name, kinds: kinds, arity: (required ?? kinds.count)...kinds.count, out: out,
            makeKernel: { _ in { (r: [Value]) throws(FunctionError) -> Value in row(r) } })
    }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, kinds, arity: arity)
        return out
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let kernel = makeKernel(args.map { $0.constantValue != nil })
        let budget = context.budget, out = out
        return try Kernel.boxed(args, out: out, rows: context.rowCount) { (r: [Value]) throws(FunctionError) -> Value in
            let v = try kernel(r)
            // Shapes, coverings and cell lists can be large (up to 65536 tokens, 10485760 densified
            // points): charged to the statement's budget like any other value a function builds.
            if out == .dynamic { try budget.chargeValue(MemorySize.of(v)) }
            return v
        }
    }
}

/// Geo argument kinds, named as the pages name them.
extension ArgumentKind {
    /// A `real` parameter: any number.
    static let real = ArgumentKind.number
    /// GeoJSON: a dynamic value.
    static let geoJSON = ArgumentKind.dynamic
}
