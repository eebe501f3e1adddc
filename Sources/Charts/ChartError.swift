import Columnar

/// Why a chart cannot be drawn from a `render` request and a result: a stable code, what went wrong and what to do.
public struct ChartError: CodedError, Equatable {
    public let code: ErrorCode
    public let message: String
    public let hint: String?

    /// An error with one of the chart codes below.
    public init(_ code: ErrorCode, _ message: String, hint: String? = nil) {
        self.code = code; self.message = message; self.hint = hint
    }
}
