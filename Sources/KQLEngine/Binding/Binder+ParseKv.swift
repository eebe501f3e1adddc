import Columnar
import KQLSyntax

/// `parse-kv` after binding: the text, the keys with their columns, and how pairs are found.
public struct BoundParseKv: Sendable {
    public struct Key: Sendable {
        public var name: String
        public var type: ScalarType
        /// The input column it replaces, or nil when appended.
        public var replaces: Int?
    }
    enum Mode: Sendable {
        case delimited(pair: [UInt8], kv: [UInt8], greedy: Bool)
        case free
        case regex(String)
    }
    public var source: BoundExpression
    public var keys: [Key]
    var mode: Mode
    var syntax: KeyValueText.Syntax
    public var schema: Schema
}

extension Binder {
    func bindParseKv(_ p: ParseKvSyntax, schema: Schema, scope: Scope) throws(KQLError) -> BoundParseKv {
        let source = try bindScalar(p.source, schema: schema, scope: scope)
        guard source.type == .string || source.type == .dynamic else {
            throw KQLError(
                .type, "parse-kv reads a string, but the expression is \(source.type.rawValue)", span: p.source.span,
                hint: "convert it with tostring()")
        }
        var pair: [UInt8]?, kv: [UInt8]?, greedy = false, regex: String?
        var syntax = KeyValueText.Syntax()
        for o in p.properties {
            let b = try bindScalar(o.value, schema: Schema([]), scope: scope)
            let value = b.constantValue
            func text() throws(KQLError) -> String {
                guard case .string(let s)? = value, !s.isEmpty else {
                    throw KQLError(.argument, "parse-kv's \(o.name) must be a non-empty string", span: o.span)
                }
                return s
            }
            switch o.name.lowercased() {
            case "pair_delimiter": pair = Array(try text().utf8)
            case "kv_delimiter": kv = Array(try text().utf8)
            case "quote":
                let chars = Array(try text())
                guard chars.count <= 2 else {
                    throw KQLError(
                        .argument, "parse-kv's quote is one character, or two (opening and closing)", span: o.span)
                }
                syntax.quotes.append(
                    KeyValueText.Quote(
                        open: Array(String(chars[0]).utf8), close: Array(String(chars[chars.count - 1]).utf8)))
            case "escape":
                let s = try text()
                guard s.count == 1 else {
                    throw KQLError(.argument, "parse-kv's escape is one character", span: o.span)
                }
                syntax.escapes.append(Array(s.utf8))
            case "greedy":
                guard case .bool(let g)? = value else {
                    throw KQLError(.argument, "parse-kv's greedy must be true or false", span: o.span)
                }
                greedy = g
            case "regex":
                let r = try text()
                let compiled: CompiledRegex
                do { compiled = try RegexCache.shared.regex(r) } catch {
                    throw KQLError(.regex, error.message, span: o.span)
                }
                guard compiled.groupCount == 2 else {
                    throw KQLError(
                        .argument,
                        "parse-kv's regex must have exactly two capturing groups (the key and the value), not \(compiled.groupCount)",
                        span: o.span)
                }
                regex = r
            default:
                throw KQLError(
                    .argument, "parse-kv has no property '\(o.name)'", span: o.span,
                    hint: "its properties are pair_delimiter, kv_delimiter, quote, escape, greedy and regex")
            }
        }
        let mode: BoundParseKv.Mode
        if let regex {
            guard pair == nil, kv == nil, syntax.quotes.isEmpty, syntax.escapes.isEmpty, !greedy else {
                throw KQLError(
                    .argument, "parse-kv's regex cannot be combined with delimiters, quotes, escapes or greedy",
                    span: p.span)
            }
            mode = .regex(regex)
        } else if let pair, let kv {
            mode = .delimited(pair: pair, kv: kv, greedy: greedy)
        } else if pair != nil || kv != nil {
            throw KQLError(.argument, "parse-kv needs both pair_delimiter and kv_delimiter, or neither", span: p.span)
        } else {
            if greedy {
                throw KQLError(.argument, "parse-kv's greedy needs pair_delimiter and kv_delimiter", span: p.span)
            }
            mode = .free
        }
        var fields = schema.fields
        var keys: [BoundParseKv.Key] = []
        for k in p.keys {
            guard !keys.contains(where: { $0.name == k.name.name }) else {
                throw KQLError(.argument, "parse-kv lists the key '\(k.name.name)' twice", span: k.name.span)
            }
            let replaces = fields.firstIndex { $0.name == k.name.name }
            if let i = replaces {
                fields[i] = Field(k.name.name, k.type)
            } else {
                fields.append(Field(k.name.name, k.type))
            }
            keys.append(BoundParseKv.Key(name: k.name.name, type: k.type, replaces: replaces))
        }
        return BoundParseKv(source: source, keys: keys, mode: mode, syntax: syntax, schema: Schema(fields))
    }
}
