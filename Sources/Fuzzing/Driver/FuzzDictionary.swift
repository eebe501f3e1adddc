/// A target's dictionary in libFuzzer's `-dict` format: one quoted token per line, bytes outside
/// printable ASCII (and the quote and backslash) escaped as `\xNN`.
public enum FuzzDictionary {
    /// The dictionary file's text for `tokens` (empty tokens left out).
    public static func text(_ tokens: [String]) -> String {
        tokens.filter { !$0.isEmpty }.map { token in
            "\""
                + token.utf8.map { b -> String in
                    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 || b > 0x7e {
                        let hex = String(b, radix: 16)
                        return "\\x" + (hex.count == 1 ? "0" + hex : hex)
                    }
                    return String(UnicodeScalar(b))
                }.joined() + "\""
        }.joined(separator: "\n") + "\n"
    }
}
