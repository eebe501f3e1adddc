import CRE2
import Columnar

/// KQL's regex flags (`i`, `s`, `m`, `U`), as `parse kind=regex flags=...` spells them.
struct RegexFlags: OptionSet, Hashable, Sendable {
    let rawValue: UInt32
    static let caseInsensitive = RegexFlags(rawValue: UInt32(CRE2_CASE_INSENSITIVE))
    static let dotMatchesNewline = RegexFlags(rawValue: UInt32(CRE2_DOT_MATCHES_NEWLINE))
    static let multiline = RegexFlags(rawValue: UInt32(CRE2_MULTILINE))
    static let ungreedy = RegexFlags(rawValue: UInt32(CRE2_UNGREEDY))
}

/// Why a pattern did not compile: RE2's message (or the dialect's refusal) and where in the pattern.
struct RegexCompileError: Error, Sendable {
    var pattern: String
    var reason: String
    /// The character (1-based, in Unicode scalars) of the pattern at fault, when known.
    var character: Int?

    /// What the user reads: the pattern, the reason and the position.
    var message: String {
        "invalid regular expression '\(pattern)': \(reason)"
            + (character.map { " (at character \($0) of the pattern)" } ?? "")
    }

    /// The error as a function's, pointing at the pattern argument.
    func functionError(argument: Int) -> FunctionError { FunctionError(.regex, message, argument: argument) }
}

/// One match: byte offsets (into the UTF-8 text) of the whole match and of each capture group asked for.
struct RegexMatch {
    /// Pairs (begin, end) per group, group 0 first; (-1, -1) for a group that took no part.
    var spans: [Int64]

    /// The byte range of group `g`, or nil when it took no part (or was not asked for).
    func range(_ g: Int) -> Range<Int>? {
        guard 2 * g + 1 < spans.count, spans[2 * g] >= 0 else { return nil }
        return Int(spans[2 * g])..<Int(spans[2 * g + 1])
    }
}

/// A pattern compiled by RE2: matching takes time linear in the text, whatever the pattern.
///
/// RE2 objects are immutable after compilation and RE2 documents their matching methods as safe to
/// call from many threads at once, which is what makes this class `Sendable`.
final class CompiledRegex: @unchecked Sendable {
    let pattern: String
    let flags: RegexFlags
    /// Capturing groups, group 0 (the whole match) not counted.
    let groupCount: Int
    /// The name of each capturing group (index 0 is group 1), nil for unnamed ones.
    let groupNames: [String?]
    private let handle: OpaquePointer

    /// Compiles `pattern` (KQL's dialect, see `RegexDialect`) with `flags`.
    init(_ pattern: String, flags: RegexFlags = []) throws(RegexCompileError) {
        let translated: (re2: String, origin: [Int])
        do { translated = try RegexDialect.translate(pattern) } catch {
            throw RegexCompileError(
                pattern: pattern, reason: error.message,
                character: Self.character(atByte: error.offset, of: pattern))
        }
        var failure = CRE2CompileError()
        var re2 = translated.re2
        let compiled = re2.withUTF8 { b in
            b.withMemoryRebound(to: CChar.self) { cre2_compile($0.baseAddress, $0.count, flags.rawValue, &failure) }
        }
        guard let compiled else {
            let reason = withUnsafeBytes(of: &failure.message) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            var character: Int?
            if failure.offset >= 0, Int(failure.offset) < translated.origin.count {
                character = Self.character(atByte: translated.origin[Int(failure.offset)], of: pattern)
            }
            throw RegexCompileError(pattern: pattern, reason: reason, character: character)
        }
        handle = compiled
        self.pattern = pattern
        self.flags = flags
        groupCount = Int(cre2_group_count(compiled))
        groupNames = (0..<groupCount).map { g in cre2_group_name(compiled, Int32(g + 1)).map { String(cString: $0) } }
    }

    deinit { cre2_release(handle) }

    private static func character(atByte offset: Int, of pattern: String) -> Int {
        String(decoding: pattern.utf8.prefix(offset), as: UTF8.self).unicodeScalars.count + 1
    }

    /// The group numbered by `name`, if the pattern names one so.
    func group(named name: String) -> Int? { groupNames.firstIndex(of: name).map { $0 + 1 } }

    /// The first match in `text` at or after byte `start`, with `groups` groups (group 0 included).
    func firstMatch(
        in text: UnsafeBufferPointer<UInt8>, from start: Int = 0, anchor: CRE2Anchor = CRE2_UNANCHORED,
        groups: Int
    ) -> RegexMatch? {
        let wanted = max(0, min(groups, groupCount + 1))
        var spans = [Int64](repeating: -1, count: max(2 * wanted, 2))
        let found = text.withMemoryRebound(to: CChar.self) { t in
            spans.withUnsafeMutableBufferPointer { s in
                cre2_match(handle, t.baseAddress, t.count, start, anchor, s.baseAddress, Int32(wanted))
            }
        }
        // -1 means RE2 could not allocate a capture array of `wanted` entries: the process is out of
        // memory, which Swift's own allocations treat as fatal too. Arguments are checked above.
        precondition(found >= 0, "RE2 ran out of memory while matching")
        return found == 1 ? RegexMatch(spans: spans) : nil
    }

    /// Whether `text` contains a match.
    func matches(_ text: String) -> Bool {
        var t = text
        return t.withUTF8 { firstMatch(in: $0, groups: 0) != nil }
    }

    /// Calls `body` with every non-overlapping match, left to right, until it returns false.
    ///
    /// As RE2's global replace does: after a match the search goes on where it ended, and an empty
    /// match right where the previous match ended is skipped by stepping one character forward.
    func forEachMatch(in text: UnsafeBufferPointer<UInt8>, groups: Int, _ body: (RegexMatch) -> Bool) {
        var position = 0
        var lastEnd = -1
        while position <= text.count {
            guard let m = firstMatch(in: text, from: position, groups: max(groups, 1)), let whole = m.range(0) else {
                return
            }
            if whole.isEmpty && whole.lowerBound == lastEnd {
                guard position < text.count else { return }
                position = Self.nextCharacter(text, after: position)
                continue
            }
            if !body(m) { return }
            position = whole.upperBound
            lastEnd = whole.upperBound
        }
    }

    /// The text of byte range `range` of `text`.
    static func text(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
    }

    /// The offset of the UTF-8 character after the one starting at `i`.
    static func nextCharacter(_ text: UnsafeBufferPointer<UInt8>, after i: Int) -> Int {
        var j = i + 1
        while j < text.count, text[j] & 0xC0 == 0x80 { j += 1 }
        return j
    }
}
