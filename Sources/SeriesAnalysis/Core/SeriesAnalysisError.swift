import Columnar

/// A bad argument or a malformed sketch given to a series algorithm.
///
/// The KQL wrappers attach the call's source span; the code and message are final here.
public struct SeriesAnalysisError: CodedError, Equatable {
    /// The stable code (`E_SERIES_ARGUMENT`, `E_SKETCH_FORMAT`, `E_SKETCH_MISMATCH`).
    public let code: ErrorCode
    /// What went wrong.
    public let message: String
    /// What to do about it.
    public let hint: String?

    /// An error with a code declared below.
    public init(_ code: ErrorCode, _ message: String, hint: String? = nil) {
        self.code = code; self.message = message; self.hint = hint
    }
}

extension SeriesAnalysisError {
    static func argument(_ message: String, hint: String? = nil) -> SeriesAnalysisError {
        SeriesAnalysisError(.seriesArgument, message, hint: hint)
    }

    static func sketchFormat(_ what: String, _ message: String) -> SeriesAnalysisError {
        SeriesAnalysisError(
            .sketchFormat, "the value is not a \(what) sketch: \(message)",
            hint: "pass the unchanged result of \(what)() or \(what)_merge()")
    }
}
