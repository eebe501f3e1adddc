import Columnar
import KQLSyntax

/// `in`, `!in`, `in~`, `!in~` (membership in a list, `~` ignoring case) and `has_any`/`has_all`
/// (the left string has any/all of the terms). Arguments: the left value, then the list items;
/// an item that is a dynamic array contributes its elements. A null left value is never a member.
struct SetMembershipOperator: ScalarFunction {
    let op: SetOperator
    var name: String { op.rawValue }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        guard args.count >= 2 else {
            throw FunctionError(
                .type, "operator '\(name)' expects a value and at least one list item, got \(args.count) arguments")
        }
        if op == .hasAny || op == .hasAll || op == .inCaseInsensitive || op == .notInCaseInsensitive {
            try Signature.expect(name, args, 0, .string)
        }
        return .bool
    }

    /// A value normalized so that equal KQL values hash alike (numbers across types, `~` case).
    static func key(_ v: Value, caseless: Bool) -> Value? {
        let u = ValueOrder.unwrap(v)
        switch u {
        case .null: return nil
        case .int(let x): return .long(Int64(x))
        case .real(let x): if let l = Int64(exactly: x) { return .long(l) }; return u
        case .decimal(let d):
            let x = Numeric.double(d)
            if let l = Int64(exactly: x) { return .long(l) }
            return .real(x)
        case .string(let s): return caseless ? .string(s.lowercased()) : u
        default: return u
        }
    }

    /// The items of the list at row `i`, flattening dynamic arrays.
    private static func items(_ args: ArraySlice<ColumnarValue>, _ i: Int) -> [Value] {
        var out: [Value] = []
        for a in args {
            let v = a.value(i)
            if case .dynamic(.array(let xs)) = v { out += xs.map { .dynamic($0) } } else { out.append(v) }
        }
        return out
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        let list = args.dropFirst()
        let constantList = list.allSatisfy { $0.constantValue != nil }
        let op = self.op
        switch op {
        case .hasAny, .hasAll:
            let constTerms = constantList ? Self.items(list, 0).map { Array($0.text.lowercased().utf8) } : nil
            let hayArg = StringArgument(args[0])
            return Kernel.rows(allConstant: constantList && hayArg.isConstant, rows: n) { i in
                let s = hayArg.string(i)
                let terms = constTerms ?? Self.items(list, i).map { Array($0.text.lowercased().utf8) }
                var hay = s.lowercased()
                return hay.withUTF8 { hb in
                    let found = terms.lazy.map { t in t.withUnsafeBufferPointer { TextSearch.hasTerm(hb, $0) } }
                    return op == .hasAny ? found.contains(true) : !found.contains(false)
                }
            }
        default:
            let caseless = op == .inCaseInsensitive || op == .notInCaseInsensitive
            let negated = op == .notIn || op == .notInCaseInsensitive
            let leftIsString = args[0].type == .string
            let constSet: Set<Value>? =
                constantList ? Set(Self.items(list, 0).compactMap { Self.key($0, caseless: caseless) }) : nil
            return Kernel.rows(allConstant: constantList && args[0].constantValue != nil, rows: n) { i in
                var left = args[0].value(i)
                if leftIsString, left.isNull { left = .string("") }
                guard let k = Self.key(left, caseless: caseless) else { return negated }
                let set = constSet ?? Set(Self.items(list, i).compactMap { Self.key($0, caseless: caseless) })
                return set.contains(k) != negated
            }
        }
    }
}
