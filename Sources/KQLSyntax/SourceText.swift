/// A range of a query's text, as UTF-8 byte offsets `[start, end)`.
public struct SourceSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan { SourceSpan(min(start, other.start), max(end, other.end)) }
    public static let none = SourceSpan(0, 0)
}

/// A query's text with line lookup, for `line:column` in errors.
public struct SourceText: Sendable {
    public let text: String
    /// Optional name of where the text came from (a file path), printed before `line:column`.
    public let name: String?
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(_ text: String, name: String? = nil) {
        self.text = text
        self.name = name
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// 1-based line and column (in characters) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let o = min(max(offset, 0), bytes.count)
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        let prefix = bytes[lineStarts[lo]..<o]
        return (lo + 1, String(decoding: prefix, as: UTF8.self).count + 1)
    }

    /// The text of 1-based line `line`, without its newline.
    public func line(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The text a span covers.
    public func slice(_ span: SourceSpan) -> String {
        let s = min(max(span.start, 0), bytes.count), e = min(max(span.end, s), bytes.count)
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}
