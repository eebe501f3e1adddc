import Columnar

/// A problem with the conformance run's own inputs (a missing file, a bad sidecar), as opposed to an
/// example's failure, which is a result.
public struct ConformanceError: CodedError {
    public let code: ErrorCode
    public let message: String
    public let hint: String?
    /// The error this one wraps (a file system or TOML error), or nil.
    public let cause: (any Error & Sendable)?
    public init(_ code: ErrorCode, _ message: String, hint: String? = nil, cause: (any Error & Sendable)? = nil) {
        self.code = code; self.message = message; self.hint = hint; self.cause = cause
    }
}
