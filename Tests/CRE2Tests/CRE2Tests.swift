import CRE2
import Testing

/// The C API over RE2: compilation, errors, flags, anchoring and byte offsets of groups.
@Suite struct CRE2Tests {
    /// Compiles `pattern`, or returns RE2's message and blamed offset.
    func compile(_ pattern: String, flags: Int32 = 0) -> (OpaquePointer?, String, Int64) {
        var error = CRE2CompileError()
        var p = pattern
        let re = p.withUTF8 { b in
            b.withMemoryRebound(to: CChar.self) { cre2_compile($0.baseAddress, $0.count, UInt32(flags), &error) }
        }
        let message = withUnsafeBytes(of: &error.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return (re, message, error.offset)
    }

    /// The spans of the first match at or after `start`, or nil.
    func match(
        _ re: OpaquePointer, _ text: String, start: Int = 0, anchor: CRE2Anchor = CRE2_UNANCHORED,
        groups: Int
    ) -> [Int64]? {
        var spans = [Int64](repeating: 7, count: max(2, 2 * groups))
        var t = text
        let found = t.withUTF8 { b in
            b.withMemoryRebound(to: CChar.self) { c in
                spans.withUnsafeMutableBufferPointer {
                    cre2_match(re, c.baseAddress, c.count, start, anchor, $0.baseAddress, Int32(groups))
                }
            }
        }
        return found == 1 ? Array(spans.prefix(2 * groups)) : nil
    }

    @Test func groupsReportByteOffsets() throws {
        let (re, _, _) = compile(#"(\d+)-(x)?(\d+)"#)
        let r = try #require(re)
        defer { cre2_release(r) }
        #expect(cre2_group_count(r) == 3)
        // "é" is two bytes in UTF-8, so the match starts at byte 3, not character 2.
        #expect(match(r, "aé12-34", groups: 4) == [3, 8, 3, 5, -1, -1, 6, 8])
        #expect(match(r, "no digits", groups: 4) == nil)
        #expect(match(r, "1-2", groups: 0) == [])
    }

    @Test func namedGroupsInBothSpellingsRE2Knows() throws {
        let (re, _, _) = compile(#"(?P<first>\w)(\w+)(?P<last>\w)"#)
        let r = try #require(re)
        defer { cre2_release(r) }
        #expect(cre2_group_name(r, 1).map { String(cString: $0) } == "first")
        #expect(cre2_group_name(r, 2) == nil)
        #expect(cre2_group_name(r, 3).map { String(cString: $0) } == "last")
        #expect(cre2_group_name(r, 4) == nil)
        #expect(cre2_group_name(r, 0) == nil)
    }

    @Test func compileErrorsCarryMessageAndOffset() {
        let (re, message, offset) = compile("ab(cd")
        #expect(re == nil)
        #expect(message.contains("missing )"))
        #expect(offset == 0)
        let (re2, message2, offset2) = compile("abc[z-a]")
        #expect(re2 == nil)
        #expect(message2.contains("invalid character class range"))
        #expect(offset2 == 4)
        let (re3, message3, _) = compile("a**")
        #expect(re3 == nil)
        #expect(message3.contains("bad repetition operator"))
    }

    @Test func flagsFollowKQL() throws {
        let (ci, _, _) = compile("abc", flags: Int32(CRE2_CASE_INSENSITIVE))
        let (dot, _, _) = compile("a.c", flags: Int32(CRE2_DOT_MATCHES_NEWLINE))
        let (plainDot, _, _) = compile("a.c")
        let (ml, _, _) = compile("^b$", flags: Int32(CRE2_MULTILINE))
        let (lazy, _, _) = compile("a+", flags: Int32(CRE2_UNGREEDY))
        let all = try [ci, dot, plainDot, ml, lazy].map { try #require($0) }
        defer { all.forEach { cre2_release($0) } }
        #expect(match(all[0], "xABC", groups: 1) == [1, 4])
        #expect(match(all[1], "a\nc", groups: 1) == [0, 3])
        #expect(match(all[2], "a\nc", groups: 1) == nil)
        #expect(match(all[3], "a\nb\nc", groups: 1) == [2, 3])
        #expect(match(all[4], "aaa", groups: 1) == [0, 1])
    }

    @Test func startOffsetKeepsContextAndAnchorsApply() throws {
        let (re, _, _) = compile(#"\bab"#)
        let r = try #require(re)
        defer { cre2_release(r) }
        // From byte 1 of "xab ab", the `ab` at 1 is inside a word: the next match is at 4.
        #expect(match(r, "xab ab", start: 1, groups: 1) == [4, 6])
        #expect(match(r, "ab ab", start: 1, anchor: CRE2_ANCHOR_START, groups: 1) == nil)
        #expect(match(r, "ab ab", start: 3, anchor: CRE2_ANCHOR_BOTH, groups: 1) == [3, 5])
        // Out-of-range requests are refused, not read past.
        #expect(match(r, "ab", start: 3, groups: 1) == nil)
        var spans = [Int64](repeating: 0, count: 8)
        #expect(cre2_match(r, "ab", 2, 0, CRE2_UNANCHORED, &spans, 3) == -1)
    }

    @Test func emptyTextWithoutStorageStillMatchesEmpty() throws {
        let (re, _, _) = compile("(x*)")
        let r = try #require(re)
        defer { cre2_release(r) }
        var spans = [Int64](repeating: 9, count: 4)
        #expect(cre2_match(r, nil, 0, 0, CRE2_UNANCHORED, &spans, 2) == 1)
        #expect(spans == [0, 0, 0, 0])
    }

    @Test func backtrackingKillersAreLinear() throws {
        // (a|aa)+$ explodes a backtracking engine on "aaa...ab"; RE2 answers from its DFA. Correctness is
        // checked here; the time is what the conformance case file regex.kqltest would show if it regressed.
        let (re, _, _) = compile("(a|aa)+$")
        let r = try #require(re)
        defer { cre2_release(r) }
        let text = String(repeating: "a", count: 100_000) + "b"
        #expect(match(r, text, groups: 1) == nil)
        #expect(match(r, String(repeating: "a", count: 60), groups: 2) == [0, 60, 59, 60])
    }
}
