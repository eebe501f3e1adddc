import Columnar

/// `rand()`: a real in [0, 1); `rand(n)`: a long in [0, n). Seeded per query from the context,
/// so re-running the same batch gives the same numbers.
struct RandFunction: ScalarFunction {
    let name = "rand"
    var isDeterministic: Bool { false }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.integer], arity: 0...1)
        return args.isEmpty ? .real : .long
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var state = context.randomSeed &+ 0x9E37_79B9_7F4A_7C15
        // SplitMix64: small, fast, and good enough for sampling.
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let n = context.rowCount
        if args.isEmpty {
            let w = FixedColumnWriter<Double>(type: .real, count: n)
            for i in 0..<n { w.set(i, Double(next() >> 11) * 0x1p-53) }
            return .column(w.finish())
        }
        let bound = FixedArgument<Int64>(Numeric.cast(args[0], to: .long, rows: n))
        var w = FixedColumnWriter<Int64>(type: .long, count: n)
        for i in 0..<n {
            let b = bound[i]
            if bound.isNull(i) || b <= 0 { w.setNull(i) } else { w.set(i, Int64(next() % UInt64(b))) }
        }
        return .column(w.finish())
    }
}
