import Foundation
import Columnar

/// `split(s, delimiter [, index])`: a dynamic array of the parts of `s` between delimiters; with
/// `index`, an array holding only that part (empty when out of range).
struct SplitFunction: ScalarFunction {
    let name = "split"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .string, .integer], arity: 2...3); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxedStrict(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            let s = r[0].text, d = r[1].text
            let parts: [String] = d.isEmpty ? [s] : s.components(separatedBy: d)
            if r.count > 2 {
                guard let i = Numeric.long(r[2]), i >= 0, i < parts.count else { return .dynamic(.array([])) }
                return .dynamic(.array([.string(parts[Int(i)])]))
            }
            return .dynamic(.array(parts.map { .string($0) }))
        }
    }
}
