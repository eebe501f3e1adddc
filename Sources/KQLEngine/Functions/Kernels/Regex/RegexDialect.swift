/// KQL's regular-expression text as RE2 reads it.
///
/// KQL's dialect is RE2's with a few later spellings (see the reference's "Regex syntax" page): those
/// RE2 (Debian's 2022 release) has an equivalent for are rewritten, and those it would silently read
/// differently are refused, so that no pattern ever means something other than what KQL documents.
///
/// - `(?<name>x)` becomes `(?P<name>x)`;
/// - `\u007F`, `\u{7F}`, `\U0000007F`, `\U{7F}` become `\x{7F}`;
/// - the `u` flag (Unicode classes, always on in RE2) is dropped from flag groups: `(?-u:\b)` is `(?:\b)`;
/// - refused: `\<`, `\>` and `\b{...}` (RE2 would read a literal `<`, `>` or `{`), nested classes
///   (`[x[^xyz]]`) and class set operations (`&&`, `--`, `~~`), which RE2 would read as plain members.
enum RegexDialect {
    /// A pattern RE2 would misread; `offset` is the byte offset of the construct in the KQL pattern.
    struct Refusal: Error {
        var message: String
        var offset: Int
    }

    /// The RE2 pattern and, for each of its bytes (plus one past the end), the offset in `pattern` it
    /// came from, so RE2's error positions can be reported in the user's text.
    static func translate(_ pattern: String) throws(Refusal) -> (re2: String, origin: [Int]) {
        let p = Array(pattern.utf8)
        var out: [UInt8] = []
        var origin: [Int] = []
        out.reserveCapacity(p.count + 8)
        origin.reserveCapacity(p.count + 9)
        func emit(_ bytes: some Sequence<UInt8>, from at: Int) {
            for b in bytes { out.append(b); origin.append(at) }
        }
        var i = 0
        var inClass = false
        var classBodyStart = 0  // first byte after `[` or `[^`: a `]` there is a member, not the end
        while i < p.count {
            let c = p[i]
            if c == UInt8(ascii: "\\"), i + 1 < p.count {
                let n = p[i + 1]
                if !inClass && (n == UInt8(ascii: "<") || n == UInt8(ascii: ">")) {
                    throw Refusal(
                        message: "word-start and word-end assertions (\\< and \\>) are not supported; use \\b",
                        offset: i)
                }
                if !inClass && n == UInt8(ascii: "b"), i + 2 < p.count, p[i + 2] == UInt8(ascii: "{") {
                    throw Refusal(message: "\\b{...} boundary assertions are not supported; use \\b", offset: i)
                }
                if n == UInt8(ascii: "u") || n == UInt8(ascii: "U"), let (hex, length) = codePointEscape(p, at: i) {
                    emit("\\x{\(hex)}".utf8, from: i)
                    i += length
                    continue
                }
                emit(p[i...(i + 1)], from: i)
                i += 2
                continue
            }
            if inClass {
                if c == UInt8(ascii: "]") && i != classBodyStart {
                    inClass = false
                } else if c == UInt8(ascii: "[") {
                    guard i + 1 < p.count, p[i + 1] == UInt8(ascii: ":"), let end = posixClassEnd(p, from: i + 2) else {
                        throw Refusal(
                            message:
                                "a '[' inside a character class starts a nested class, which is not supported; write \\[ for the character itself",
                            offset: i)
                    }
                    emit(p[i..<end], from: i)
                    i = end
                    continue
                } else if i + 1 < p.count, p[i + 1] == c,
                    c == UInt8(ascii: "&") || c == UInt8(ascii: "~") || c == UInt8(ascii: "-")
                {
                    throw Refusal(message: "character class set operations (&&, --, ~~) are not supported", offset: i)
                }
                emit([c], from: i)
                i += 1
                continue
            }
            if c == UInt8(ascii: "[") {
                inClass = true
                var j = i + 1
                if j < p.count, p[j] == UInt8(ascii: "^") { j += 1 }
                classBodyStart = j
                emit(p[i..<j], from: i)
                i = j
                continue
            }
            if c == UInt8(ascii: "("), i + 2 < p.count, p[i + 1] == UInt8(ascii: "?") {
                // `(?<name>`: RE2 of 2022 knows only the `(?P<name>` spelling. `(?<=` and `(?<!` are
                // look-behinds, which RE2 rejects with its own message.
                if p[i + 2] == UInt8(ascii: "<"), i + 3 < p.count, p[i + 3] != UInt8(ascii: "="),
                    p[i + 3] != UInt8(ascii: "!")
                {
                    emit("(?P<".utf8, from: i)
                    i += 3
                    continue
                }
                if let (flags, length) = flagGroup(p, at: i) {
                    emit(flags, from: i)
                    i += length
                    continue
                }
            }
            emit([c], from: i)
            i += 1
        }
        origin.append(p.count)
        return (String(decoding: out, as: UTF8.self), origin)
    }

    /// The hex digits and length of a `\uXXXX`, `\u{X...}`, `\UXXXXXXXX` or `\U{X...}` escape at `i`.
    private static func codePointEscape(_ p: [UInt8], at i: Int) -> (String, Int)? {
        func isHex(_ b: UInt8) -> Bool {
            (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102)
        }
        let fixed = p[i + 1] == UInt8(ascii: "u") ? 4 : 8
        var j = i + 2
        if j < p.count, p[j] == UInt8(ascii: "{") {
            j += 1
            let start = j
            while j < p.count, isHex(p[j]), j - start < 8 { j += 1 }
            guard j > start, j < p.count, p[j] == UInt8(ascii: "}") else { return nil }
            return (String(decoding: p[start..<j], as: UTF8.self), j + 1 - i)
        }
        guard j + fixed <= p.count, p[j..<(j + fixed)].allSatisfy(isHex) else { return nil }
        return (String(decoding: p[j..<(j + fixed)], as: UTF8.self), 2 + fixed)
    }

    /// The end (one past `:]`) of a POSIX class name such as `[:alpha:]` whose name starts at `from`.
    private static func posixClassEnd(_ p: [UInt8], from: Int) -> Int? {
        var j = from
        while j + 1 < p.count, j - from < 16 {
            if p[j] == UInt8(ascii: ":") && p[j + 1] == UInt8(ascii: "]") { return j + 2 }
            j += 1
        }
        return nil
    }

    /// A flag group `(?flags)` or `(?flags:` at `i` rewritten without the `u` flag, and its length in `p`;
    /// nil when the text at `i` is not a flag group that names `u`.
    private static func flagGroup(_ p: [UInt8], at i: Int) -> ([UInt8], Int)? {
        var j = i + 2
        var letters: [UInt8] = []
        var sawU = false
        while j < p.count {
            let b = p[j]
            if b == UInt8(ascii: ")") || b == UInt8(ascii: ":") { break }
            guard b == UInt8(ascii: "-") || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) else { return nil }
            if b == UInt8(ascii: "u") { sawU = true } else { letters.append(b) }
            j += 1
        }
        guard sawU, j < p.count else { return nil }
        let closing = p[j]
        // A dangling `-` (from `(?-u)` or `(?i-u)`) is not valid flag syntax.
        while letters.last == UInt8(ascii: "-") { letters.removeLast() }
        if letters.isEmpty {
            return closing == UInt8(ascii: ":") ? (Array("(?:".utf8), j + 1 - i) : ([], j + 1 - i)
        }
        return (Array("(?".utf8) + letters + [closing], j + 1 - i)
    }

    /// `text` with every character that has a meaning in a pattern escaped, so the result matches
    /// exactly `text` (what `regex_quote()` returns).
    static func quote(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            if "\\^$.|?*+()[]{}".unicodeScalars.contains(c) { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
