import Columnar

/// `parse_xml(xml)`: an XML document as a dynamic value, by the reference's rules: the root element is a
/// bag's one key; an element with only text is that text, an empty one is null; attributes are `@name`
/// keys and text beside them or beside child elements is `#text`; child elements are keys, repeated
/// names becoming an array. Only elements, attributes and text (with CDATA and the five entities and
/// character references) are kept; declarations, comments and processing instructions are skipped.
/// Text that is not well-formed XML, or longer than 1 MB (the reference's limit), gives null.
///
/// The parser keeps open elements on an explicit stack, so the nesting a document can reach is bounded
/// by `Dynamic.maxNesting` rather than by the thread's stack.
enum ParseXml {
    static let maxLength = 1 << 20

    /// One open element: its name, attributes in order, text pieces and children in order.
    private struct Element {
        var name: String
        var attributes: [(String, String)] = []
        var text: [String] = []
        var children: [(String, Dynamic)] = []
    }

    static func parse(_ xml: String) -> Dynamic {
        guard xml.utf8.count <= maxLength else { return .null }
        let c = Array(xml.unicodeScalars)
        var i = 0
        var stack: [Element] = []
        var root: (String, Dynamic)?
        func skip(past end: String) -> Bool {
            let e = Array(end.unicodeScalars)
            while i + e.count <= c.count {
                if c[i..<(i + e.count)].elementsEqual(e) { i += e.count; return true }
                i += 1
            }
            return false
        }
        func starts(_ s: String) -> Bool {
            let e = Array(s.unicodeScalars)
            return i + e.count <= c.count && c[i..<(i + e.count)].elementsEqual(e)
        }
        func name() -> String? {
            let start = i
            while i < c.count, !c[i].properties.isWhitespace, !"/>=<\"'".unicodeScalars.contains(c[i]) { i += 1 }
            return i > start ? String(String.UnicodeScalarView(c[start..<i])) : nil
        }
        func spaces() { while i < c.count, c[i].properties.isWhitespace { i += 1 } }
        while i < c.count {
            if c[i] != "<" {
                let start = i
                while i < c.count, c[i] != "<" { i += 1 }
                guard let text = decode(c[start..<i]) else { return .null }
                if stack.isEmpty {
                    guard text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) else { return .null }
                } else {
                    stack[stack.count - 1].text.append(text)
                }
                continue
            }
            if starts("<?") { guard skip(past: "?>") else { return .null }; continue }
            if starts("<!--") { guard skip(past: "-->") else { return .null }; continue }
            if starts("<![CDATA[") {
                i += 9
                let start = i
                guard skip(past: "]]>"), !stack.isEmpty else { return .null }
                stack[stack.count - 1].text.append(String(String.UnicodeScalarView(c[start..<(i - 3)])))
                continue
            }
            if starts("<!") { guard skip(past: ">") else { return .null }; continue }
            if starts("</") {
                i += 2
                guard let n = name(), let open = stack.popLast(), open.name == n else { return .null }
                spaces()
                guard i < c.count, c[i] == ">" else { return .null }
                i += 1
                let value = close(open)
                if stack.isEmpty {
                    guard root == nil else { return .null }; root = (n, value)
                } else {
                    stack[stack.count - 1].children.append((n, value))
                }
                continue
            }
            i += 1
            guard root == nil, let n = name() else { return .null }
            var element = Element(name: n)
            while true {
                spaces()
                guard i < c.count else { return .null }
                if c[i] == ">" { i += 1; break }
                if c[i] == "/" {
                    guard i + 1 < c.count, c[i + 1] == ">" else { return .null }
                    i += 2
                    let value = close(element)
                    if stack.isEmpty { root = (n, value) } else { stack[stack.count - 1].children.append((n, value)) }
                    element.name = ""
                    break
                }
                guard let a = name() else { return .null }
                spaces()
                guard i < c.count, c[i] == "=" else { return .null }
                i += 1
                spaces()
                guard i < c.count, c[i] == "\"" || c[i] == "'" else { return .null }
                let quote = c[i]
                i += 1
                let start = i
                while i < c.count, c[i] != quote { i += 1 }
                guard i < c.count, let v = decode(c[start..<i]) else { return .null }
                i += 1
                element.attributes.append(("@" + a, v))
            }
            if !element.name.isEmpty {
                guard stack.count < Dynamic.maxNesting else { return .null }
                stack.append(element)
            }
        }
        guard stack.isEmpty, let (n, value) = root else { return .null }
        return .bag(PropertyBag([(n, value)]))
    }

    /// The value of a closed element.
    private static func close(_ e: Element) -> Dynamic {
        let texts = e.text.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        if e.attributes.isEmpty && e.children.isEmpty {
            return texts.isEmpty ? .null : .string(texts.joined())
        }
        var bag = PropertyBag()
        for (k, v) in e.attributes { bag[k] = .string(v) }
        if !texts.isEmpty { bag["#text"] = texts.count == 1 ? .string(texts[0]) : .array(texts.map { .string($0) }) }
        for (k, v) in e.children {
            switch bag[k] {
            case nil: bag[k] = v
            // An element's value is never an array, so an array here is the list of a repeated name.
            case .array(var items)?: items.append(v); bag[k] = .array(items)
            case let existing?: bag[k] = .array([existing, v])
            }
        }
        return .bag(bag)
    }

    /// Text with entities and character references replaced; nil for an unknown or malformed one.
    private static func decode(_ s: ArraySlice<Unicode.Scalar>) -> String? {
        var out = String.UnicodeScalarView()
        var i = s.startIndex
        while i < s.endIndex {
            guard s[i] == "&" else { out.append(s[i]); i += 1; continue }
            guard let semi = s[i...].firstIndex(of: ";"), semi - i <= 10 else { return nil }
            let entity = String(String.UnicodeScalarView(s[(i + 1)..<semi]))
            switch entity {
            case "lt": out.append("<")
            case "gt": out.append(">")
            case "amp": out.append("&")
            case "quot": out.append("\"")
            case "apos": out.append("'")
            default:
                let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                guard entity.hasPrefix("#"), let n = UInt32(entity.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
                    let u = Unicode.Scalar(n)
                else { return nil }
                out.append(u)
            }
            i = semi + 1
        }
        return String(out)
    }
}

private extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.unicodeScalars.first, f.properties.isWhitespace { s = Substring(s.unicodeScalars.dropFirst()) }
        while let l = s.unicodeScalars.last, l.properties.isWhitespace { s = Substring(s.unicodeScalars.dropLast()) }
        return String(s)
    }
}
