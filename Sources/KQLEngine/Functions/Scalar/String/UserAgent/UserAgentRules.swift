/// ua-parser's rule set (`UserAgentRuleText.swift`), read and compiled once, and its matching rules as the
/// uap-core specification (docs/specification.md) states them: each list is tried in order, the first
/// rule whose regex matches anywhere in the text wins, and its replacements — where `$1`…`$9` stand for
/// the match's groups — override the groups taken in order; results are trimmed, and an empty one is
/// absent. Nothing matching gives the family "Other".
enum UserAgentRules {
    /// One `- regex:` entry: its pattern compiled, and its `*_replacement` values by key.
    struct Rule: Sendable {
        let regex: CompiledRegex
        let replacements: [String: String]
    }

    /// The three lists of the rule set, compiled.
    struct RuleSet: Sendable {
        var browser: [Rule] = []
        var os: [Rule] = []
        var device: [Rule] = []
        /// Patterns that did not compile (none in the shipped data; a test checks that).
        var rejected: [String] = []
    }

    /// The shipped rule set, compiled on first use (about 1,300 regular expressions).
    static let shipped: RuleSet = parse(yaml)

    /// Reads the subset of YAML regexes.yaml is written in: three top-level keys, each a list of maps
    /// whose values are single-quoted strings on one line (backslashes literal, `''` an apostrophe),
    /// and `#` comments.
    static func parse(_ text: String) -> RuleSet {
        var set = RuleSet()
        var list = ""
        var pattern: String?
        var values: [String: String] = [:]
        func flush() {
            guard let p = pattern else { return }
            let flags: RegexFlags = values["regex_flag"] == "i" ? [.caseInsensitive] : []
            if let re = try? CompiledRegex(p, flags: flags) {
                let rule = Rule(regex: re, replacements: values)
                switch list {
                case "user_agent_parsers": set.browser.append(rule)
                case "os_parsers": set.os.append(rule)
                case "device_parsers": set.device.append(rule)
                default: break
                }
            } else {
                set.rejected.append(p)
            }
            pattern = nil
            values = [:]
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.drop { $0 == " " }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if raw.first != " ", line.hasSuffix(":") {
                flush()
                list = String(line.dropLast())
                continue
            }
            var entry = line
            let starts = entry.hasPrefix("- ")
            if starts {
                flush()
                entry = entry.dropFirst(2)
            }
            guard let colon = entry.firstIndex(of: ":") else { continue }
            let key = String(entry[..<colon])
            guard let value = quoted(entry[entry.index(after: colon)...]) else { continue }
            if key == "regex" { pattern = value } else { values[key] = value }
        }
        flush()
        return set
    }

    /// The text of a single-quoted YAML scalar (`'a''b'` is `a'b`), ignoring a trailing comment.
    private static func quoted(_ s: Substring) -> String? {
        let t = s.drop { $0 == " " }
        guard t.first == "'" else { return nil }
        var out = ""
        var i = t.index(after: t.startIndex)
        while i < t.endIndex {
            let c = t[i]
            let next = t.index(after: i)
            if c == "'" {
                guard next < t.endIndex, t[next] == "'" else { return out }
                out.append("'")
                i = t.index(after: next)
                continue
            }
            out.append(c)
            i = next
        }
        return nil
    }

    /// A match of one rule against a text: its groups (index 1…), nil for a group that took no part.
    struct Match {
        let groups: [String?]
        let replacements: [String: String]

        /// Group `g`, or nil.
        func group(_ g: Int) -> String? { g < groups.count ? groups[g] : nil }

        /// The replacement under `key` with `$1`…`$9` substituted (a missing group is empty) when the rule
        /// has one, else group `g` (when given); trimmed, and nil when nothing is left.
        func value(_ key: String, orGroup g: Int?) -> String? {
            let v: String?
            if let r = replacements[key] { v = substitute(r) } else { v = g.flatMap(group) }
            guard let t = v?.trimmingSpaces, !t.isEmpty else { return nil }
            return t
        }

        private func substitute(_ r: String) -> String {
            guard r.contains("$") else { return r }
            var out = ""
            var chars = r.makeIterator()
            var pending: Character? = chars.next()
            while let c = pending {
                pending = chars.next()
                if c == "$", let d = pending, let n = d.wholeNumberValue, (1...9).contains(n) {
                    out += group(n) ?? ""
                    pending = chars.next()
                } else {
                    out.append(c)
                }
            }
            return out
        }
    }

    /// The first rule of `rules` that matches `text`, with its groups.
    static func firstMatch(_ rules: [Rule], in text: String) -> Match? {
        var t = text
        return t.withUTF8 { bytes -> Match? in
            for rule in rules {
                let n = rule.regex.groupCount + 1
                guard let m = rule.regex.firstMatch(in: bytes, groups: n) else { continue }
                let groups = (0..<n).map { g in m.range(g).map { CompiledRegex.text(bytes, $0) } }
                return Match(groups: groups, replacements: rule.replacements)
            }
            return nil
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
