import Foundation

/// Why a JSON text could not be read as a `dynamic` value, and where (`E_JSON`).
public struct JSONParseError: CodedError {
    /// Byte offset of the problem in the input.
    public let offset: Int
    /// 1-based line and column (in bytes) of `offset`; filled in by `Dynamic.parseJSON`.
    public var line = 1, column = 1
    public let reason: String

    init(offset: Int, reason: String) { self.offset = offset; self.reason = reason }

    public var code: ErrorCode { .json }
    public var message: String { "invalid JSON at \(line):\(column): \(reason)" }
    public var hint: String? { nil }
    public var description: String { message }

    /// The same error with its line and column worked out from the text's bytes.
    func located(in bytes: [UInt8]) -> JSONParseError {
        var e = self
        let end = min(offset, bytes.count)
        var lineStart = 0
        e.line = 1
        for i in 0..<end where bytes[i] == 0x0A { e.line += 1; lineStart = i + 1 }
        e.column = end - lineStart + 1
        return e
    }
}

extension Dynamic {
    /// Deepest nesting of arrays and property bags a JSON text or a `dynamic(...)` literal may have; deeper
    /// input is an error (and `parse_json` gives the text back as a string), so no value read from text
    /// nests deeper than this.
    public static let maxNesting = 512

    /// Parses JSON text. Integers that fit in 64 bits become `long`, other numbers `real`. Nesting deeper
    /// than `maxNesting` is an error.
    public static func parseJSON(_ text: String) throws(JSONParseError) -> Dynamic {
        var parser = JSONReader(bytes: Array(text.utf8))
        do throws(JSONParseError) {
            parser.skipSpace()
            let value = try parser.readValue(depth: 0)
            parser.skipSpace()
            guard parser.index == parser.bytes.count else {
                throw JSONParseError(offset: parser.index, reason: "unexpected text after the value")
            }
            return value
        } catch {
            throw error.located(in: parser.bytes)
        }
    }

    /// Compact JSON, as KQL prints dynamic values (`{"a":1,"b":[1,2]}`).
    public var jsonText: String {
        var out = ""
        writeJSON(into: &out)
        return out
    }

    /// Writes with an explicit stack rather than recursion: values built by a long pipeline
    /// (`| extend d = pack_array(d)` repeated) may nest deeper than any parsed text can.
    func writeJSON(into out: inout String) {
        enum Pending { case value(Dynamic), text(String), key(String) }
        var stack: [Pending] = [.value(self)]
        while let next = stack.popLast() {
            switch next {
            case .text(let t): out += t
            case .key(let k): JSONText.quote(k, into: &out); out += ":"
            case .value(let v):
                switch v {
                case .null: out += "null"
                case .bool(let b): out += b ? "true" : "false"
                case .long(let v): out += String(v)
                case .real(let v): out += RealFormat.json(v)
                case .decimal(let d): out += d.description
                case .string(let s): JSONText.quote(s, into: &out)
                case .datetime(let t): JSONText.quote(DateTimeFormat.iso8601(t, fractionDigits: 7), into: &out)
                case .timespan(let t): JSONText.quote(TimespanFormat.string(t), into: &out)
                case .guid(let g): JSONText.quote(g.uuidString.lowercased(), into: &out)
                case .array(let items):
                    out += "["
                    stack.append(.text("]"))
                    for (i, item) in items.enumerated().reversed() {
                        stack.append(.value(item))
                        if i > 0 { stack.append(.text(",")) }
                    }
                case .bag(let bag):
                    out += "{"
                    stack.append(.text("}"))
                    for (i, pair) in bag.pairs.enumerated().reversed() {
                        stack.append(.value(pair.value))
                        stack.append(.key(pair.key))
                        if i > 0 { stack.append(.text(",")) }
                    }
                }
            }
        }
    }
}

/// JSON string quoting shared by every JSON writer in the project.
public enum JSONText {
    /// Appends `s` as a JSON string literal.
    public static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }
}

private struct JSONReader {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: index, reason: reason) }

    mutating func readValue(depth: Int) throws(JSONParseError) -> Dynamic {
        guard depth < Dynamic.maxNesting else { throw fail("nesting deeper than \(Dynamic.maxNesting) levels") }
        guard index < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var bag = PropertyBag()
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .bag(bag) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw fail("expected a key string")
                }
                let key = try readString()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                index += 1
                skipSpace()
                bag[key] = try readValue(depth: depth + 1)
                skipSpace()
                guard index < bytes.count else { throw fail("unterminated object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .bag(bag) }
                throw fail("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            index += 1
            var items: [Dynamic] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try readValue(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw fail("unterminated array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                throw fail("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        default:
            return try readNumber()
        }
    }

    mutating func expectWord(_ word: String) throws(JSONParseError) {
        let w = Array(word.utf8)
        guard index + w.count <= bytes.count, Array(bytes[index..<(index + w.count)]) == w else {
            throw fail("unexpected character")
        }
        index += w.count
    }

    mutating func readNumber() throws(JSONParseError) -> Dynamic {
        let start = index
        var isReal = false
        while index < bytes.count {
            let c = bytes[index]
            if (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
                index += 1
            } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                isReal = true; index += 1
            } else {
                break
            }
        }
        guard index > start, let text = String(bytes: bytes[start..<index], encoding: .utf8) else {
            throw fail("unexpected character")
        }
        if !isReal, let v = Int64(text) { return .long(v) }
        guard let d = Double(text) else { throw JSONParseError(offset: start, reason: "invalid number '\(text)'") }
        return .real(d)
    }

    mutating func readString() throws(JSONParseError) -> String {
        index += 1  // opening quote
        var out = [UInt8]()
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { break }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var code = try readHex4()
                    if (0xD800..<0xDC00).contains(code), index + 6 <= bytes.count,
                        bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                    {
                        index += 2
                        let low = try readHex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: out.append(e)
                }
                continue
            }
            out.append(c)
            index += 1
        }
        throw fail("unterminated string")
    }

    mutating func readHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count,
            let v = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
        else {
            throw fail("invalid \\u escape")
        }
        index += 4
        return v
    }
}
