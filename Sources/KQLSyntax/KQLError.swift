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

    public init(_ code: ErrorCode, _ message: String, span: SourceSpan? = nil, hint: String? = nil) {
        self.code = code; self.message = message; self.span = span; self.hint = hint
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
        return out
    }
}

extension ErrorCode {
    public static let parse: ErrorCode = "E_PARSE"
    public static let unknownName: ErrorCode = "E_UNKNOWN_NAME"
    public static let type: ErrorCode = "E_TYPE"
    public static let unsupported: ErrorCode = "E_UNSUPPORTED"
    public static let argument: ErrorCode = "E_ARGUMENT"
    public static let runtime: ErrorCode = "E_RUNTIME"
    public static let limit: ErrorCode = "E_LIMIT"
    /// The query nests or expands past one of `QueryLimits` (see docs/limits.md).
    public static let queryTooComplex: ErrorCode = "E_QUERY_TOO_COMPLEX"
    /// A user function calls itself, directly or through another function; KQL has no recursion.
    public static let recursiveFunction: ErrorCode = "E_RECURSIVE_FUNCTION"
    public static let command: ErrorCode = "E_COMMAND"
}
