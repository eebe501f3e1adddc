import Columnar

/// `parse_csv(text)`: the fields of one comma-separated record as an array of strings; a field in double quotes
/// may hold commas, and `""` inside it stands for one quote.
struct ParseCsvFunction: ScalarFunction {
    let name = "parse_csv"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string]); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .string(let s) = r[0] else { return .dynamic(.null) }
            return .dynamic(.array(ParseCsvFunction.fields(s).map(Dynamic.string)))
        }
    }

    static func fields(_ s: String) -> [String] {
        var fields: [String] = [], field = ""
        var quoted = false, atFieldStart = true
        var chars = s.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where atFieldStart: quoted = true; atFieldStart = false
            case ",": fields.append(field); field = ""; atFieldStart = true
            case "\n", "\r\n", "\r": fields.append(field); return fields
            default: field.append(c); atFieldStart = false
            }
        }
        fields.append(field)
        return fields
    }
}
