import Columnar

/// The string family: text in, text or facts about it out. Small row kernels are defined right here;
/// functions with logic of their own have a file each in this folder.
enum StringFunctions {
    static let all = FunctionFamily(
        "string",
        [
            .scalar(
                StrlenFunction(), "The number of Unicode characters in a string.", example: "print strlen('hello')"),
            .scalar(
                SubstringFunction(), "The part of a string from a start index, optionally of a given length.",
                example: "print substring('abcdef', 1, 3)"),
            .scalar(
                StrcatFunction(), "Its arguments, converted to strings and joined.",
                example: "print strcat('a', 1, 'b')"),
            .scalar(
                StrcatArrayFunction(), "The elements of a dynamic array joined with a delimiter.",
                example: "print strcat_array(dynamic([1, 2, 3]), '-')"),
            .scalar(
                StrcatDelimFunction(), "Its arguments after the first joined with the first as delimiter.",
                example: "print strcat_delim('-', 'a', 'b', 'c')"),
            .scalar(CaseMapFunction.tolower, "A string in lower case.", example: "print tolower('Hello')"),
            .scalar(CaseMapFunction.toupper, "A string in upper case.", example: "print toupper('Hello')"),
            .scalar(
                SplitFunction(), "A string cut at each delimiter into a dynamic array, or one part of it.",
                example: "print split('a,b,c', ',')"),
            .scalar(
                TrimFunction.trim, "A string with a regex's matches removed from both ends.",
                example: "print trim('-+', '--abc--')"),
            .scalar(
                TrimFunction.trimStart, "A string with a regex's matches removed from its start.",
                example: "print trim_start('-+', '--abc--')"),
            .scalar(
                TrimFunction.trimEnd, "A string with a regex's matches removed from its end.",
                example: "print trim_end('-+', '--abc--')"),
            .scalar(
                ReplaceStringFunction(), "A string with every occurrence of a substring replaced.",
                example: "print replace_string('a-b-c', '-', '+')"),
            .scalar(
                ReplaceRegexFunction(),
                "A string with every match of a regex replaced by a rewrite with group references.",
                example: "print replace_regex('a1b22', '[0-9]+', '#')"),
            .scalar(
                ReplaceRegexFunction(name: "replace"), "Deprecated alias of replace_regex().",
                example: "print replace('a1b22', '[0-9]+', '#')"),
            .scalar(
                ReplaceStringsFunction(), "A string with each of several substrings replaced, earlier lookups first.",
                example: "print replace_strings('a cat and a dog', dynamic(['cat', 'dog']), dynamic(['dog', 'bird']))"),
            .scalar(
                ExtractFunction(), "One capture group of a regex's first match, optionally converted to a type.",
                example: "print extract('([a-z]+)=([0-9]+)', 2, 'x=42')"),
            .scalar(
                ExtractAllFunction(), "The capture groups of every match of a regex, as a dynamic array.",
                example: "print extract_all('([0-9]+)', 'a1b22c333')"),
            .scalar(
                IndexofFunction(), "The 0-based position of a substring's first (or n-th) occurrence, -1 if absent.",
                example: "print indexof('abcabc', 'c')"),
            .scalar(
                IndexofRegexFunction(), "The 0-based position of a regex's first (or n-th) match, -1 if none.",
                example: "print indexof_regex('abc123', '[0-9]')"),
            .scalar(ReverseFunction(), "A string's characters in reverse order.", example: "print reverse('abc')"),
            .scalar(
                CountofFunction(), "How many times a substring (or regex) occurs in a string.",
                example: "print countof('banana', 'a')"),
            .scalar(
                StrrepFunction(), "A string repeated a number of times, optionally with a delimiter between.",
                example: "print strrep('ab', 3, '-')"),
            .scalar(
                TohexFunction(), "An integer as hexadecimal text, optionally padded to a minimum length.",
                example: "print tohex(255)"),
            .scalar(NewGuidFunction(), "A new random guid.", example: "print new_guid()"),
            .scalar(
                ParseCsvFunction(), "One line of comma-separated values as a dynamic array of strings.",
                example: "print parse_csv('a,\"b,c\",d')"),
            .scalar(
                ParseUrlFunction(name: "parse_url"), "A URL's parts (scheme, host, port, path, query, ...) as a bag.",
                example: "print parse_url('https://example.com:8080/a/b?x=1#top')"),
            .scalar(
                ParseUrlFunction(name: "parseurl"), "Deprecated alias of parse_url().",
                example: "print parseurl('https://example.com/a')"),
            .scalar(
                ParseUserAgentFunction(),
                "The browser, operating system and/or device a user-agent string names, by ua-parser's rules.",
                example: "print parse_user_agent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/120.0', 'browser')"),
            .row(
                "parse_urlquery", arity: 1...1, [.string], out: .dynamic, strict: true,
                "Deprecated: a URL query's parameters as a bag under \"Query Parameters\" (use parse_url()).",
                example: "print parse_urlquery('k1=v1&k2=v2')"
            ) { r in
                var q = Substring(r[0].text)
                if q.first == "?" { q = q.dropFirst() }
                return .dynamic(
                    .bag(PropertyBag([("Query Parameters", .bag(ParseUrlFunction.queryParameters(String(q))))])))
            },
            .scalar(
                ParseCommandLineFunction(),
                "A command line cut into its arguments as Windows' CommandLineToArgvW does.",
                example: "print parse_command_line('echo \"hello world!\"', 'windows')"),
            .row(
                "parse_version", arity: 1...1, [.string], out: .decimal, strict: true,
                "A version of up to four dot-separated parts as a decimal that sorts as the versions do; null if invalid.",
                example: "print parse_version('1.2.3.4')"
            ) { r in
                ParseVersion.parse(r[0].text)
            },
            .scalar(
                ParsePathFunction(), "A file path's parts (scheme, root, directory, name, extension) as a bag.",
                example: "print parse_path('C:/temp/file.txt')"),
            .row(
                "strcmp", arity: 2...2, [.any, .any], out: .int, strict: true,
                "-1, 0 or 1 as the first string sorts before, equal to or after the second (ordinal).",
                example: "print strcmp('abc', 'abd')"
            ) { r in
                let a = r[0].text, b = r[1].text
                return .int(a == b ? 0 : (Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) ? -1 : 1))
            },
            .row(
                "translate", arity: 3...3, [.string, .string, .string], out: .string, strict: true,
                "A string with each character of a search list replaced by the character at its place in a replacement list.",
                example: "print translate('krasp', 'otsku', 'spark')"
            ) { r in
                .string(translate(Array(r[0].text), Array(r[1].text), r[2].text))
            },
            .row(
                "has_any_index", arity: 2...2, [.string, .dynamic], out: .long, strict: true,
                "The index of the first array item found in a string as a term (like `has`), or -1.",
                example: "print has_any_index('this is an example', dynamic(['not', 'example']))"
            ) { r in
                guard case .dynamic(.array(let items)) = r[1] else { return .long(-1) }
                var hay = r[0].text.lowercased()
                return hay.withUTF8 { hb in
                    for (i, item) in items.enumerated() {
                        var needle = Value.dynamic(item).text.lowercased()
                        if needle.withUTF8({ TextSearch.hasTerm(hb, $0) }) { return .long(Int64(i)) }
                    }
                    return .long(-1)
                }
            },
            .row(
                "isascii", arity: 1...1, [.string], out: .bool, strict: true,
                "Whether every character of a string is 7-bit ASCII.", example: "print isascii('abc')"
            ) { r in
                .bool(r[0].text.utf8.allSatisfy { $0 < 0x80 })
            },
            // Strings here are always valid UTF-8: they are checked where they enter the engine.
            .row(
                "isutf8", arity: 1...1, [.string], out: .bool, strict: true, "Whether a string is valid UTF-8.",
                example: "print isutf8('abc')"
            ) { _ in .bool(true) },
            .row(
                "regex_quote", arity: 1...1, [.string], out: .string, strict: true,
                "A string with regex metacharacters escaped, to match it literally.",
                example: "print regex_quote('a.b*c')"
            ) { r in
                .string(RegexDialect.quote(r[0].text))
            },
            .row(
                "string_size", arity: 1...1, [.string], out: .long, strict: true,
                "The size of a string in UTF-8 bytes.",
                example: "print string_size('héllo')"
            ) { r in
                .long(Int64(r[0].text.utf8.count))
            },
        ])

    /// `source` with each character found in `search` replaced by the replacement at the same place; past
    /// the replacement list's end the last replacement is used, and an empty list removes the characters
    /// (the reference's examples: `translate("abc", "x", "abc")` is "xxx", `translate("abc", "", "ab")` is "").
    static func translate(_ search: [Character], _ replacement: [Character], _ source: String) -> String {
        var map: [Character: Character?] = [:]
        for (i, c) in search.enumerated() where map[c] == nil {
            let r: Character? = replacement.isEmpty ? nil : replacement[min(i, replacement.count - 1)]
            map[c] = .some(r)
        }
        var out = ""
        for c in source {
            if let m = map[c] { if let r = m { out.append(r) } } else { out.append(c) }
        }
        return out
    }
}
