import Columnar

/// The three ways `parse-kv` finds key/value pairs in a text (parse-kv-operator.md), over its UTF-8 bytes.
/// Each returns the first value of every wanted key, with surrounding white space removed.
enum KeyValueText {
    /// An opening and a closing quote (the same for a one-character `quote`).
    struct Quote: Sendable {
        var open: [UInt8]
        var close: [UInt8]
    }

    /// How the text is read.
    struct Syntax: Sendable {
        var quotes: [Quote] = []
        var escapes: [[UInt8]] = []
    }

    /// Pairs separated by `pair` with key and value separated by `kv`. A key or value may be quoted (then
    /// it may hold the delimiters, and an escape character takes the next character literally). An
    /// unquoted value ends at the next pair delimiter, or, `greedy`, at the pair delimiter before the next
    /// key (a word followed by `kv`). Text between delimiters that has no `kv` is skipped.
    static func delimited(_ t: [UInt8], pair: [UInt8], kv: [UInt8], syntax: Syntax, greedy: Bool, wanted: Set<String>)
        -> [String: String]
    {
        var out: [String: String] = [:]
        var i = 0
        let n = t.count
        while i < n, out.count < wanted.count {
            if starts(t, pair, at: i) { i += pair.count; continue }
            if isSpace(t[i]) { i += 1; continue }
            // The key.
            var key: String
            if let q = quote(t, at: i, syntax) {
                let (text, end) = quoted(t, from: i + q.open.count, q, syntax)
                key = text
                i = end
                while i < n, isSpace(t[i]), !starts(t, kv, at: i) { i += 1 }
                guard starts(t, kv, at: i) else { i = find(t, pair, from: i) ?? n; continue }
            } else {
                var j = i
                while j < n, !starts(t, kv, at: j), !starts(t, pair, at: j) { j += 1 }
                guard j < n, starts(t, kv, at: j) else { i = j; continue }
                key = trimmed(t, i..<j)
                i = j
            }
            i += kv.count
            // The value.
            var k = i
            while k < n, isSpace(t[k]), !starts(t, pair, at: k) { k += 1 }
            let value: String
            if let q = quote(t, at: k, syntax) {
                let (text, end) = quoted(t, from: k + q.open.count, q, syntax)
                value = text
                i = find(t, pair, from: end) ?? n
            } else {
                let end = greedy ? greedyEnd(t, from: i, pair: pair, kv: kv, syntax) : (find(t, pair, from: i) ?? n)
                value = trimmed(t, i..<end)
                i = end
            }
            if wanted.contains(key), out[key] == nil { out[key] = value }
        }
        return out
    }

    /// Any character that is not a letter or a digit separates words; a key is a word (or a quoted text)
    /// and its value is the word (or quoted text) after it.
    static func free(_ t: [UInt8], syntax: Syntax, wanted: Set<String>) -> [String: String] {
        var words: [String] = []
        var i = 0
        let n = t.count
        while i < n {
            if let q = quote(t, at: i, syntax) {
                let (text, end) = quoted(t, from: i + q.open.count, q, syntax)
                words.append(text)
                i = end
            } else if isWordByte(t[i]) {
                var j = i
                while j < n, isWordByte(t[j]) { j += 1 }
                words.append(String(decoding: t[i..<j], as: UTF8.self))
                i = j
            } else {
                i += 1
            }
        }
        var out: [String: String] = [:]
        for w in words.indices.dropLast() where wanted.contains(words[w]) && out[words[w]] == nil {
            out[words[w]] = words[w + 1]
        }
        return out
    }

    /// Every match of a regex with two groups: the first is a key, the second its value.
    static func regex(_ text: String, _ regex: CompiledRegex, wanted: Set<String>) -> [String: String] {
        var out: [String: String] = [:]
        var s = text
        s.withUTF8 { t in
            regex.forEachMatch(in: t, groups: 3) { m in
                if let kr = m.range(1) {
                    let key = CompiledRegex.text(t, kr).trimmingSpaces
                    if wanted.contains(key), out[key] == nil {
                        out[key] = m.range(2).map { CompiledRegex.text(t, $0).trimmingSpaces } ?? ""
                    }
                }
                return out.count < wanted.count
            }
        }
        return out
    }

    // MARK: pieces

    /// Where an unquoted greedy value ends: at the first pair delimiter that a key (then `kv`) follows.
    private static func greedyEnd(_ t: [UInt8], from start: Int, pair: [UInt8], kv: [UInt8], _ syntax: Syntax) -> Int {
        var p = find(t, pair, from: start)
        while let at = p {
            var q = at + pair.count
            while q < t.count, starts(t, pair, at: q) || isSpace(t[q]) { q += starts(t, pair, at: q) ? pair.count : 1 }
            var r = q
            if let quote = quote(t, at: q, syntax) {
                r = quoted(t, from: q + quote.open.count, quote, syntax).end
            } else {
                while r < t.count, !starts(t, pair, at: r), !starts(t, kv, at: r) { r += 1 }
            }
            if r > q, starts(t, kv, at: r) { return at }
            p = find(t, pair, from: at + pair.count)
        }
        return t.count
    }

    /// The quote opening at `i`, if any.
    private static func quote(_ t: [UInt8], at i: Int, _ syntax: Syntax) -> Quote? {
        syntax.quotes.first { starts(t, $0.open, at: i) }
    }

    /// The text up to the closing quote (escapes applied) and the index after that quote (the end of
    /// the text when it never closes).
    private static func quoted(_ t: [UInt8], from start: Int, _ q: Quote, _ syntax: Syntax) -> (text: String, end: Int)
    {
        var bytes: [UInt8] = []
        var i = start
        while i < t.count {
            if let e = syntax.escapes.first(where: { starts(t, $0, at: i) }), i + e.count < t.count {
                i += e.count
                bytes.append(t[i])
                i += 1
                continue
            }
            if starts(t, q.close, at: i) { return (String(decoding: bytes, as: UTF8.self), i + q.close.count) }
            bytes.append(t[i])
            i += 1
        }
        return (String(decoding: bytes, as: UTF8.self), t.count)
    }

    private static func starts(_ t: [UInt8], _ s: [UInt8], at i: Int) -> Bool {
        guard !s.isEmpty, i >= 0, i + s.count <= t.count else { return false }
        for k in s.indices where t[i + k] != s[k] { return false }
        return true
    }

    private static func find(_ t: [UInt8], _ s: [UInt8], from i: Int) -> Int? {
        var k = i
        while k < t.count {
            if starts(t, s, at: k) { return k }
            k += 1
        }
        return nil
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// ASCII letters and digits, and every byte of a non-ASCII character (letters of other scripts).
    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }

    private static func trimmed(_ t: [UInt8], _ r: Range<Int>) -> String {
        String(decoding: t[r], as: UTF8.self).trimmingSpaces
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
