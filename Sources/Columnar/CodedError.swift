/// A stable error code, printed first in every user-facing error (`E_PARSE: ...`).
public struct ErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

extension ErrorCode {
    /// A `python()` result the engine cannot accept: `result` is missing or not a DataFrame, or the
    /// script's process handed back a result region or reply that is not well-formed. Declared here,
    /// below every layer that reports it (the worker, the supervisor, the plugin).
    public static let result: ErrorCode = "E_RESULT"
}

/// An error a user can cause: a stable code, what went wrong, and what to do about it.
///
/// Every layer's error type conforms; callers switch on the typed error or compare `code`, never the text.
public protocol CodedError: Error, Sendable, CustomStringConvertible {
    var code: ErrorCode { get }
    /// What went wrong, in one sentence.
    var message: String { get }
    /// What to do about it, or nil.
    var hint: String? { get }
}

extension CodedError {
    public var description: String {
        "\(code): \(message)" + (hint.map { "\nhint: \($0)" } ?? "")
    }
}

/// Errors of the data model itself (for example, a datetime outside the representable range).
public struct ColumnarError: CodedError {
    public let code: ErrorCode
    public let message: String
    public let hint: String?
    public init(code: ErrorCode, message: String, hint: String? = nil) {
        self.code = code; self.message = message; self.hint = hint
    }

    /// A datetime or timespan that does not fit 64-bit nanoseconds.
    public static func outOfRange(_ what: String) -> ColumnarError {
        ColumnarError(code: "E_OUT_OF_RANGE", message: "\(what) is outside the range of 64-bit nanoseconds (1677-09-21 to 2262-04-11 for datetime)",
                      hint: "datetime and timespan values are stored as nanoseconds, as pandas does")
    }
}
