import Columnar

/// An error in a query: a stable code, what went wrong, where, and what to do.
///
/// Rendered as `E_PARSE: 3:14: expected ')'`, then the offending line and a caret under the span.
public struct KQLError: CodedError {
    public let code: ErrorCode
    public let message: String
    public let hint: String?
    /// Where in the query, when known.
    public var span: SourceSpan?
    /// The query text, attached by whoever knows it, so the error can print line:column.
    public var source: SourceText?
    /// The error this one wraps (a data reader's, a sandbox's), printed on a `cause:` line.
    public var cause: (any Error & Sendable)?

    public init(
        _ code: ErrorCode, _ message: String, span: SourceSpan? = nil, hint: String? = nil,
        cause: (any Error & Sendable)? = nil
    ) {
        self.code = code; self.message = message; self.span = span; self.hint = hint; self.cause = cause
    }

    /// The same error, located in `source`.
    public func located(in source: SourceText) -> KQLError {
        var e = self
        if e.source == nil { e.source = source }
        return e
    }

    public var description: String {
        var out = "\(code): "
        if let span, let source {
            let (line, column) = source.location(of: span.start)
            out += (source.name.map { "\($0):" } ?? "") + "\(line):\(column): \(message)"
            let text = source.line(line)
            let endLoc = source.location(of: max(span.end, span.start + 1))
            let width = endLoc.line == line ? max(1, endLoc.column - column) : max(1, text.count - column + 1)
            out += "\n  \(text)\n  " + String(repeating: " ", count: column - 1) + String(repeating: "^", count: width)
        } else {
            out += message
        }
        if let hint { out += "\nhint: \(hint)" }
        return out + causeLine
    }
}
