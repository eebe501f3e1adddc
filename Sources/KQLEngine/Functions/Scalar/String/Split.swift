import Columnar

/// `split(s, delimiter [, index])`: a dynamic array of the parts of `s` between delimiters; with
/// `index`, an array holding only that part (empty when out of range).
struct SplitFunction: ScalarFunction {
    let name = "split"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .string, .integer], arity: 2...3); return .dynamic
    }
    /// The parts of `s` between non-overlapping occurrences of `d`, found left to right in linear time.
    static func parts(_ s: inout String, _ d: String) -> [String] {
        let needle = Array(d.utf8)
        return s.withUTF8 { hay in
            var parts: [String] = []
            var partStart = 0
            needle.withUnsafeBufferPointer { n in
                _ = TextSearch.anyMatch(hay, n) { i in
                    guard i >= partStart else { return false }  // overlaps the delimiter just taken
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: hay[partStart..<i]), as: UTF8.self))
                    partStart = i + n.count
                    return false
                }
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: hay[partStart...]), as: UTF8.self))
            return parts
        }
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxedStrict(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            var s = r[0].text
            let d = r[1].text
            let parts: [String] = d.isEmpty ? [s] : Self.parts(&s, d)
            if r.count > 2 {
                guard let i = Numeric.long(r[2]), i >= 0, i < parts.count else { return .dynamic(.array([])) }
                return .dynamic(.array([.string(parts[Int(i)])]))
            }
            return .dynamic(.array(parts.map { .string($0) }))
        }
    }
}
