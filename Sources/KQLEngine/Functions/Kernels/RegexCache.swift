import Foundation

/// A compiled regular expression (RE2 syntax is close enough to ICU's for KQL's uses).
struct CompiledRegex: @unchecked Sendable {
    // NSRegularExpression is immutable and documented thread-safe once built.
    let regex: NSRegularExpression

    func matches(in s: String) -> Bool {
        regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// Every match: the whole match's range and the ranges of its groups (nil for a group that did not take part).
    func allMatches(in s: String) -> [[Range<String.Index>?]] {
        regex.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { m in
            (0..<m.numberOfRanges).map { Range(m.range(at: $0), in: s) }
        }
    }

    func firstMatch(in s: String) -> [Range<String.Index>?]? {
        guard let m = regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) else { return nil }
        return (0..<m.numberOfRanges).map { Range(m.range(at: $0), in: s) }
    }

    var groupCount: Int { regex.numberOfCaptureGroups }

    /// Named groups in order of their opening parenthesis, as `(?<name>...)` spells them.
    var groupNames: [String?] {
        var names = [String?](repeating: nil, count: groupCount)
        guard let finder = try? NSRegularExpression(pattern: #"\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>"#) else { return names }
        let p = regex.pattern
        var index = 0
        var i = p.startIndex
        // Walk the pattern counting capturing parentheses so names land on their group numbers.
        while i < p.endIndex {
            let c = p[i]
            if c == "\\" { i = p.index(i, offsetBy: 2, limitedBy: p.endIndex) ?? p.endIndex; continue }
            if c == "(" {
                let rest = String(p[i...])
                if let m = finder.firstMatch(in: rest, range: NSRange(rest.startIndex..., in: rest)), m.range.location == 0,
                   let r = Range(m.range(at: 1), in: rest) {
                    if index < names.count { names[index] = String(rest[r]) }
                    index += 1
                } else if !rest.hasPrefix("(?") {
                    index += 1
                }
            }
            i = p.index(after: i)
        }
        return names
    }
}

/// Compiled patterns by text, shared by every query: constant patterns compile once.
final class RegexCache: @unchecked Sendable {
    private var entries: [String: CompiledRegex] = [:]
    private let lock = NSLock()

    static let shared = RegexCache()

    /// The compiled `pattern`, or an `E_ARGUMENT` error naming the function.
    func regex(_ pattern: String, function: String) throws(FunctionError) -> CompiledRegex {
        lock.lock()
        if let r = entries[pattern] { lock.unlock(); return r }
        lock.unlock()
        // RE2's (?P<name>...) is ICU's (?<name>...).
        let icu = pattern.replacingOccurrences(of: "(?P<", with: "(?<")
        guard let re = try? NSRegularExpression(pattern: icu) else {
            throw FunctionError(.argument, "\(function)(): invalid regular expression '\(pattern)'")
        }
        let r = CompiledRegex(regex: re)
        lock.lock()
        if entries.count > 512 { entries.removeAll() }
        entries[pattern] = r
        lock.unlock()
        return r
    }
}
