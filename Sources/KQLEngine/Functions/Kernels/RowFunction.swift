import Columnar

/// A scalar function whose kernel maps one row of boxed arguments to a boxed result: the shape of the
/// small string, array and bag functions (`strcmp`, `url_encode`, `array_reverse`, `bag_set_key`, ...).
///
/// They are declared with `.row` in their family's list, kernel included:
///
/// ```swift
/// .row("isascii", arity: 1...1, [.string], out: .bool, strict: true,
///      "Whether every character of a string is 7-bit ASCII.", example: "print isascii('abc')") { r in
///     .bool(r[0].text.utf8.allSatisfy { $0 < 0x80 })
/// },
/// ```
struct RowFunction: ScalarFunction {
    let name: String
    let arity: ClosedRange<Int>
    let kinds: [ArgumentKind]
    let out: ScalarType
    /// True: a null string argument reads as "" and any other null argument gives null, before `f` runs
    /// (`Kernel.boxedStrict`); false: `f` sees nulls itself (`Kernel.boxed`).
    let strict: Bool
    let f: @Sendable ([Value]) -> Value

    init(
        name: String, arity: ClosedRange<Int>, kinds: [ArgumentKind], out: ScalarType, strict: Bool,
        _ f: @escaping @Sendable ([Value]) -> Value
    ) {
        self.name = name; self.arity = arity; self.kinds = kinds; self.out = out; self.strict = strict; self.f = f
    }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, kinds, arity: arity); return out
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let f = self.f
        if strict {
            return try Kernel.boxedStrict(args, out: out, rows: context.rowCount) { (r: [Value]) -> Value in f(r) }
        }
        return try Kernel.boxed(args, out: out, rows: context.rowCount) { (r: [Value]) -> Value in f(r) }
    }
}
