import Columnar

/// The bitwise functions on longs (`binary_and`, `binary_or`, `binary_xor`, `binary_not`,
/// `binary_shift_left`, `binary_shift_right`, `bitset_count_ones`): integer arguments are widened to
/// long, a null argument gives null. Shifts take the count modulo 64, a negative count gives null, and
/// the right shift keeps the sign (as KQL's `value >> (shift % 64)` on a signed long does).
struct BitwiseFunction: ScalarFunction {
    let name: String
    let arity: Int
    let f: @Sendable (Int64, Int64) -> Int64?

    static let and = BitwiseFunction(name: "binary_and", arity: 2) { $0 & $1 }
    static let or = BitwiseFunction(name: "binary_or", arity: 2) { $0 | $1 }
    static let xor = BitwiseFunction(name: "binary_xor", arity: 2) { $0 ^ $1 }
    static let not = BitwiseFunction(name: "binary_not", arity: 1) { x, _ in ~x }
    static let shiftLeft = BitwiseFunction(name: "binary_shift_left", arity: 2) { x, n in n < 0 ? nil : x << (n % 64) }
    static let shiftRight = BitwiseFunction(name: "binary_shift_right", arity: 2) { x, n in n < 0 ? nil : x >> (n % 64)
    }
    static let countOnes = BitwiseFunction(name: "bitset_count_ones", arity: 1) { x, _ in Int64(x.nonzeroBitCount) }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, Array(repeating: .integer, count: arity)); return .long
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount, f = self.f
        let x = Numeric.cast(args[0], to: .long, rows: n)
        if arity == 1 { return Kernel.unary(x, Int64.self, out: .long, rows: n) { f($0, 0) } }
        return Kernel.binary(
            x, Numeric.cast(args[1], to: .long, rows: n), Int64.self, Int64.self, out: .long, rows: n, f)
    }
}
