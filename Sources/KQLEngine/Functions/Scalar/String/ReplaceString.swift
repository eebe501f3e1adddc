import Foundation
import Columnar

/// `replace_string(text, lookup, rewrite)`: every non-overlapping occurrence of `lookup` replaced.
struct ReplaceStringFunction: ScalarFunction {
    let name = "replace_string"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .string, .string]); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxedStrict(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            let lookup = r[1].text
            guard !lookup.isEmpty else { return .string(r[0].text) }
            return .string(r[0].text.replacingOccurrences(of: lookup, with: r[2].text))
        }
    }
}
