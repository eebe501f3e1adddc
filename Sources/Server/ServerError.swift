import Columnar

/// A request the server refuses before any query runs (bad body, unknown database, missing token, too
/// large), with the HTTP status it is answered with.
public struct ServerError: CodedError {
    public let code: ErrorCode
    public let message: String
    public let hint: String?
    /// The HTTP status of the answer.
    public let status: Int

    public init(_ code: ErrorCode, _ message: String, status: Int = 400, hint: String? = nil) {
        self.code = code; self.message = message; self.status = status; self.hint = hint
    }

    public var description: String { "error[\(code.rawValue)]: \(message)" + (hint.map { "\nhint: \($0)" } ?? "") }
}
