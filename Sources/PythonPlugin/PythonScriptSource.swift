import KQLSyntax
import SharedTable

/// Where a `python()` script stands in the query text, so a failing line is reported as the query's.
///
/// A script written verbatim (between ```` ``` ```` or in `r'''...'''`) keeps its lines in the query: its
/// line 1 is where its text starts, and the worker compiles it with that offset under the query file's
/// name, so Python's tracebacks and the error's `line:column` both point into the query file. A script on
/// one line (a plain string literal) maps to that line. A script whose lines came from escapes (`'a\nb'`)
/// or from a `let` elsewhere cannot be placed: it keeps Python's own `<script>` lines, and the error
/// points at the call.
struct PythonScriptSource {
    /// The worker's compile location.
    var location: ScriptLocation
    /// The query's text, for pointing at a line.
    var source: SourceText

    /// The script's place, when its text can be found where its argument is written.
    init?(script: String, span: SourceSpan?, source: SourceText?) {
        guard let span, let source else { return nil }
        let bytes = Array(source.text.utf8)
        let text = Array(script.utf8)
        guard span.start >= 0, span.end <= bytes.count, span.start < span.end else { return nil }
        let start: Int
        if let verbatim = Self.verbatimStart(text, span: span, bytes: bytes) {
            start = verbatim
        } else if !text.contains(0x0A), let at = Self.find(text, in: bytes[span.start..<span.end]) {
            start = at
        } else {
            return nil
        }
        self.location = ScriptLocation(
            fileName: source.name ?? "<query>", firstLine: source.location(of: start).line)
        self.source = source
    }

    /// The span of query line `line` without its indentation, for an error's caret; nil when the query
    /// has no such line.
    func span(ofLine line: Int) -> SourceSpan? {
        let bytes = Array(source.text.utf8)
        var start = 0, current = 1
        while current < line {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return nil }
            start = newline + 1
            current += 1
        }
        var end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        return SourceSpan(start, max(end, start + 1))
    }

    /// Where the text of a verbatim multi-line literal starts: its closing delimiter is three characters
    /// (```` ``` ````, `'''`, `"""`) and the script is the text just before it (the seed's fenced form may
    /// have dropped a language tag line at the front, which only moves the start).
    private static func verbatimStart(_ text: [UInt8], span: SourceSpan, bytes: [UInt8]) -> Int? {
        let end = span.end - 3
        let start = end - text.count
        guard start >= span.start + 3 else { return nil }
        let closing = Array(bytes[end..<span.end])
        guard closing == Array("```".utf8) || closing == Array("'''".utf8) || closing == Array("\"\"\"".utf8),
            bytes[start..<end].elementsEqual(text)
        else { return nil }
        return start
    }

    /// The offset of the first occurrence of `needle` in `haystack`.
    private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if haystack[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
