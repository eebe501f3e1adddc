import Columnar
import Foundation

/// The ways the reference's tables present a value that plain parsing does not read, each turned back into the
/// value it presents. Every rule only changes how a cell is read, never what it must equal, so a real mismatch
/// still fails:
/// - a number with thousands separators (`700,000,000`, as the parse_version and range pages print them);
/// - a string in double quotes, as a JSON string literal (`"1234567890qwertyuiop"`, the gzip pages);
/// - a markdown autolink (`<https://bing.com>`), which a page renders as the bare address;
/// - relaxed JSON in a dynamic cell: single-quoted strings (`['a','b']`, the bag_zip page) and bare words
///   in arrays and bags (`[yes, no, yes]`, the array_iff page), read as strings.
enum PresentationalCell {
    /// `1,234,567` or `-1,234.5` without its separators; nil when the cell is not grouped in threes.
    static func ungrouped(_ cell: String) -> String? {
        guard cell.contains(",") else { return nil }
        var body = Substring(cell)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let intPart = body.prefix { $0 != "." }
        let frac = body.dropFirst(intPart.count)
        let groups = intPart.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            frac.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return cell.filter { $0 != "," }
    }

    /// The text of a cell written as a JSON string literal (`"a\"b"`), or of a markdown autolink (`<http://x>`).
    static func unwrappedString(_ cell: String) -> String? {
        if cell.count >= 2, cell.hasPrefix("\""), cell.hasSuffix("\""),
            case .string(let s)? = try? Dynamic.parseJSON(cell)
        {
            return s
        }
        if cell.count >= 2, cell.hasPrefix("<"), cell.hasSuffix(">") {
            let inner = cell.dropFirst().dropLast()
            let schemes = ["http://", "https://", "mailto:", "ftp://"]
            if schemes.contains(where: { inner.lowercased().hasPrefix($0) }), !inner.contains(where: \.isWhitespace) {
                return String(inner)
            }
        }
        return nil
    }

    /// A dynamic cell in relaxed JSON rewritten as JSON: `'x'` becomes `"x"`, and a bare word where a value or
    /// key stands (not a number, `true`, `false` or `null`) becomes a string. Nil when the cell is not an
    /// array or bag, or has nothing to rewrite.
    static func strictJSON(_ cell: String) -> String? {
        guard let first = cell.first, first == "[" || first == "{" else { return nil }
        let chars = Array(cell)
        var out = ""
        var changed = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\"":
                // A JSON string: copied through, escapes included.
                var j = i + 1
                while j < chars.count, chars[j] != "\"" { j += chars[j] == "\\" ? 2 : 1 }
                guard j < chars.count else { return nil }
                out += String(chars[i...j]); i = j + 1
            case "'":
                var s = ""
                var j = i + 1
                while j < chars.count, chars[j] != "'" {
                    if chars[j] == "\\", j + 1 < chars.count {
                        s.append(chars[j + 1]); j += 2
                    } else {
                        s.append(chars[j]); j += 1
                    }
                }
                guard j < chars.count else { return nil }
                out += quoted(s); changed = true; i = j + 1
            case "[", "]", "{", "}", ",", ":":
                out.append(c); i += 1
            case _ where c.isWhitespace:
                out.append(c); i += 1
            default:
                var j = i
                while j < chars.count, !"[]{},:\"'".contains(chars[j]) { j += 1 }
                let word = String(chars[i..<j]).trimmingCharacters(in: .whitespaces)
                if ["true", "false", "null"].contains(word) || ExpectedNumber(word) != nil && Double(word) != nil {
                    out += word
                } else {
                    out += quoted(word); changed = true
                }
                i = j
            }
        }
        return changed ? out : nil
    }

    private static func quoted(_ s: String) -> String {
        var r = "\""
        for ch in s {
            switch ch {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            default: r.append(ch)
            }
        }
        return r + "\""
    }
}
