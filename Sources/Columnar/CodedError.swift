import Foundation

/// An error a user can cause: a stable code, what went wrong, what to do about it, and what caused it.
///
/// Every layer's error type conforms; callers switch on the typed error or compare `code`, never the text.
/// The codes are declared once, in `ErrorCode`'s catalogue.
public protocol CodedError: Error, Sendable, CustomStringConvertible {
    var code: ErrorCode { get }
    /// What went wrong, in one sentence.
    var message: String { get }
    /// What to do about it, or nil.
    var hint: String? { get }
    /// The error this one wraps (a system call's failure, a reader's error), or nil.
    var cause: (any Error & Sendable)? { get }
}

extension CodedError {
    public var cause: (any Error & Sendable)? { nil }

    public var description: String {
        "\(code): \(message)" + (hint.map { "\nhint: \($0)" } ?? "") + causeLine
    }

    /// `\ncause: ...` with the cause's one-line summary, or nothing: what every error's description ends with.
    public var causeLine: String {
        guard let cause else { return "" }
        return "\ncause: " + ErrorCause.summary(of: cause)
    }
}

/// How a wrapped error is summarized on the `cause:` line.
public enum ErrorCause {
    /// A coded cause as `CODE: message`, Foundation's errors by their localized text (their descriptions
    /// are `Error Domain=...` dumps), any other error by its description; the first line only.
    public static func summary(of error: any Error) -> String {
        let text: String
        if let coded = error as? any CodedError {
            text = "\(coded.code): \(coded.message)"
        } else if error is CocoaError || error is POSIXError || type(of: error) is NSError.Type {
            text = error.localizedDescription
        } else {
            text = String(describing: error)
        }
        return String(text.prefix { $0 != "\n" })
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
        ColumnarError(
            code: .outOfRange,
            message: "\(what) is outside the range of 64-bit nanoseconds (1677-09-21 to 2262-04-11 for datetime)",
            hint: "datetime and timespan values are stored as nanoseconds, as pandas does")
    }
}
