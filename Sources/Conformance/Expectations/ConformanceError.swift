import Columnar

/// A problem with the conformance run's own inputs (a missing file, a bad sidecar), as opposed to an
/// example's failure, which is a result.
public struct ConformanceError: CodedError {
    public let code: ErrorCode
    public let message: String
    public let hint: String?
    public init(_ code: ErrorCode, _ message: String, hint: String? = nil) {
        self.code = code; self.message = message; self.hint = hint
    }
}

extension ErrorCode {
    /// A sidecar expectations file is unreadable or invalid.
    public static let expectations: ErrorCode = "E_EXPECTATIONS"
    /// An input path of `conformance run` is missing or unreadable.
    public static let conformanceInput: ErrorCode = "E_CONFORMANCE_INPUT"
}
