import Testing
@testable import KQLEngine

/// KQL's regex spellings that RE2 lacks are rewritten; constructs RE2 would misread are refused.
@Suite struct RegexDialectTests {
    func re2(_ p: String) throws -> String { try RegexDialect.translate(p).re2 }

    @Test func rewritesNamedGroupsEscapesAndTheUnicodeFlag() throws {
        #expect(try re2("(?<year>\\d+)-(?P<month>\\d+)") == "(?P<year>\\d+)-(?P<month>\\d+)")
        #expect(try re2("\\u0041\\u{42}\\U00000043\\U{1F600}") == "\\x{0041}\\x{42}\\x{00000043}\\x{1F600}")
        #expect(try re2("(?-u:\\b)x(?u)y(?iu)z(?i-u:w)") == "(?:\\b)xy(?i)z(?i:w)")
        // Look-behinds are left for RE2 to reject with its own message.
        #expect(try re2("(?<=a)b") == "(?<=a)b")
        // Escaped and in-class text is not rewritten.
        #expect(try re2("\\(?<x>[(?<]") == "\\(?<x>[(?<]")
        #expect(try re2("[[:alpha:]\\[\\]]") == "[[:alpha:]\\[\\]]")
        #expect(try re2("[]a]") == "[]a]")
        #expect(try re2("[^]a]") == "[^]a]")
    }

    @Test func refusesWhatRE2WouldMisread() {
        for (pattern, offset) in [
            ("a[b&&c]", 3), ("[a-z--x]", 4), ("[a~~b]", 2), ("x[a[^b]]", 3), ("a\\<", 1), ("\\>", 0),
            ("\\b{start}", 0),
        ] {
            #expect(throws: RegexDialect.Refusal.self, "\(pattern)") { try RegexDialect.translate(pattern) }
            do { _ = try RegexDialect.translate(pattern) } catch { #expect(error.offset == offset, "\(pattern)") }
        }
    }

    @Test func originMapsRE2OffsetsBackToThePattern() throws {
        let (out, origin) = try RegexDialect.translate("é(?<n>x)")
        #expect(out == "é(?P<n>x)")
        // "é" is bytes 0-1; the inserted "P" comes from the "(?<" at byte 2; "n" is byte 5 of the input.
        #expect(origin[2] == 2 && origin[5] == 2 && origin[6] == 5)
        #expect(origin.count == out.utf8.count + 1)
    }

    @Test func compileErrorsNameTheCharacterInTheUsersPattern() {
        do {
            _ = try CompiledRegex("(?<n>é)[z-a]")
            Issue.record("compiled")
        } catch {
            #expect(error.reason.contains("invalid character class range"))
            #expect(error.character == 9)
            #expect(error.message.contains("'(?<n>é)[z-a]'"))
        }
    }

    @Test func quoteEscapesEveryMetacharacter() throws {
        let text = #"a\b^c$d.e|f?g*h+i(j)k[l]m{n}o é"#
        let re = try CompiledRegex("^" + RegexDialect.quote(text) + "$")
        #expect(re.matches(text))
        #expect(!re.matches("x" + text))
    }
}

/// The shared cache: one compiled object per pattern and flags, bounded.
@Suite struct RegexCacheTests {
    @Test func compilesOncePerPatternAndFlagsAndStaysBounded() throws {
        let cache = RegexCache(capacity: 3)
        let a = try cache.regex("a+")
        #expect(try cache.regex("a+") === a)
        #expect(try cache.regex("a+", flags: .caseInsensitive) !== a)
        _ = try cache.regex("b")
        _ = try cache.regex("c")
        #expect(cache.count == 3)
        // "a+" was the oldest: it was dropped, and compiles anew.
        #expect(try cache.regex("a+") !== a)
        #expect(a.matches("xaa"))
    }

    @Test func emptyMatchesStepOverCharactersNotBytes() throws {
        let re = try CompiledRegex("x*")
        var text = "aé"
        var starts: [Int] = []
        text.withUTF8 { t in
            re.forEachMatch(in: t, groups: 1) { m in
                starts.append(m.range(0)!.lowerBound); return true
            }
        }
        // Empty matches at 0, 1 (before é) and 3 (the end), never inside é's two bytes.
        #expect(starts == [0, 1, 3])
    }
}
