import Columnar
import Foundation

/// `extract_json(path, json [, type])` (and its alias `extractjson`): the element a JSONPath selects in
/// a JSON text — a string element as its text, any other as JSON — or converted to `type` when given
/// (as `typeof(long)`). A path that selects nothing, or text that is not JSON, gives the empty string
/// (null of `type`).
///
/// The paths are the reference's subset (jsonpath.md): `$`, `.name`, `['name']` or `["name"]`, and
/// `[n]`; wildcards, recursion, unions and slices are not supported and select nothing.
struct ExtractJsonFunction: ScalarFunction {
    let name: String

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .string, .any], arity: 2...3)
        guard args.count == 3 else { return .string }
        if let c = args[2].constant, let t = ScalarType(kqlName: c.text) { return t }
        throw FunctionError(.type, "\(name)() argument 3 must be a type such as typeof(long)", argument: 2)
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var target = ScalarType.string
        if args.count == 3, let c = args[2].constantValue, let t = ScalarType(kqlName: c.text) { target = t }
        let out = target
        return try Kernel.boxedStrict(Array(args.prefix(2)), out: out, rows: context.rowCount) {
            (r: [Value]) -> Value in
            let miss: Value = out == .string ? .string("") : .null
            guard let steps = Self.steps(r[0].text),
                let doc = try? Dynamic.parseJSON(r[1].text), let found = Self.select(doc, steps)
            else { return miss }
            let text: String
            if case .string(let s) = found {
                text = s
            } else if case .null = found {
                return miss
            } else {
                text = found.jsonText
            }
            return out == .string ? .string(text) : Cast.explicit(.string(text), to: out)
        }
    }

    enum Step: Equatable { case key(String), index(Int) }

    /// The steps of a JSONPath of the supported subset, or nil for anything else.
    static func steps(_ path: String) -> [Step]? {
        let c = Array(path.trimmingCharacters(in: .whitespaces))
        guard c.first == "$" else { return nil }
        var steps: [Step] = []
        var i = 1
        while i < c.count {
            if c[i] == "." {
                var j = i + 1
                while j < c.count, c[j] != ".", c[j] != "[" { j += 1 }
                guard j > i + 1 else { return nil }
                steps.append(.key(String(c[(i + 1)..<j])))
                i = j
            } else if c[i] == "[" {
                guard let close = c[i...].firstIndex(of: "]") else { return nil }
                let inner = String(c[(i + 1)..<close]).trimmingCharacters(in: .whitespaces)
                if let q = inner.first, q == "'" || q == "\"", inner.count >= 2, inner.last == q {
                    steps.append(.key(String(inner.dropFirst().dropLast())))
                } else if let n = Int(inner), n >= 0 {
                    steps.append(.index(n))
                } else {
                    return nil
                }
                i = close + 1
            } else {
                return nil
            }
        }
        return steps
    }

    /// The element `steps` lead to in `doc`, or nil.
    static func select(_ doc: Dynamic, _ steps: [Step]) -> Dynamic? {
        var d = doc
        for s in steps {
            switch s {
            case .key(let k): guard let next = d[key: k] else { return nil }; d = next
            case .index(let n): guard case .array(let a) = d, n < a.count else { return nil }; d = a[n]
            }
        }
        return d
    }
}
