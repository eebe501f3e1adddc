import Columnar

/// The IPv4 text-match functions (`has_ipv4`, `has_ipv4_prefix`, `has_any_ipv4`, `has_any_ipv4_prefix`):
/// whether an address, or an address starting with a prefix, appears in a text delimited by characters
/// that are neither letters nor digits.
///
/// The text is cut into words at every character that is not an ASCII letter, digit or dot (other
/// characters, non-ASCII ones included, end a word); a word with its outer dots removed that is a
/// dotted quad is an address in the text. So `54127.0.0.1` is one word and no address, and an address
/// at the end of a sentence (`10.1.1.201.`) still counts.
enum IPv4TextSearch {
    /// What is searched for: a whole address, or the 1 to 3 leading octets of one (`192.168.`).
    struct Pattern: Equatable {
        var octets: [UInt8]

        /// A whole address (`prefix` false) or an address prefix: a whole address, or 1 to 3 octets each
        /// followed by a dot. Nil when the text is neither.
        init?(_ text: String, prefix: Bool) {
            if let a = IPv4Address.quad(Substring(text)) {
                octets = [UInt8(a >> 24), UInt8(a >> 16 & 0xFF), UInt8(a >> 8 & 0xFF), UInt8(a & 0xFF)]
                return
            }
            guard prefix, text.hasSuffix(".") else { return nil }
            let parts = text.dropLast().split(separator: ".", omittingEmptySubsequences: false)
            guard (1...3).contains(parts.count) else { return nil }
            var out: [UInt8] = []
            for p in parts {
                guard let x = IPv4Address.decimal(p, maxDigits: 3), x <= 255 else { return nil }
                out.append(UInt8(x))
            }
            octets = out
        }

        func matches(_ address: UInt32) -> Bool {
            for (i, o) in octets.enumerated() where UInt8(address >> UInt32(24 - 8 * i) & 0xFF) != o { return false }
            return true
        }
    }

    /// Whether any address in `text` matches any of `patterns`.
    static func contains(_ text: String, _ patterns: [Pattern]) -> Bool {
        guard !patterns.isEmpty else { return false }
        let u = text.utf8
        var start = u.startIndex
        var i = u.startIndex
        func word(_ a: String.UTF8View.Index, _ b: String.UTF8View.Index) -> Bool {
            var w = u[a..<b]
            while w.first == UInt8(ascii: ".") { w = w.dropFirst() }
            while w.last == UInt8(ascii: ".") { w = w.dropLast() }
            // Only digits and dots can make an address; most words are skipped on their first byte.
            guard let f = w.first, f >= 0x30, f <= 0x39, w.count <= 15,
                let a = IPv4Address.quad(Substring(String(decoding: w, as: UTF8.self)))
            else { return false }
            return patterns.contains { $0.matches(a) }
        }
        while i < u.endIndex {
            let b = u[i]
            let inWord = (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2E
            if !inWord {
                if start < i, word(start, i) { return true }
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        return start < u.endIndex && word(start, u.endIndex)
    }

    /// The patterns of the arguments after the source: strings, or arrays of strings; invalid ones
    /// are left out (they match nothing).
    static func patterns(_ args: ArraySlice<Value>, prefix: Bool) -> [Pattern] {
        var out: [Pattern] = []
        for a in args {
            switch a {
            case .dynamic(.array(let items)):
                for case .string(let s) in items { if let p = Pattern(s, prefix: prefix) { out.append(p) } }
            default:
                if case .string(let s) = a, let p = Pattern(s, prefix: prefix) { out.append(p) }
                if case .dynamic(.string(let s)) = a, let p = Pattern(s, prefix: prefix) { out.append(p) }
            }
        }
        return out
    }
}
