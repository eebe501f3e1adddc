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

extension ErrorCode {
    /// `render` names a visualization ADX does not have.
    public static let chartKind: ErrorCode = "E_CHART_KIND"
    /// A visualization ADX has that Sandpiper does not draw (`3Dchart`, `plotly`). The same code as the
    /// engine's unsupported KQL (`KQLSyntax`'s `ErrorCode.unsupported`), which Charts cannot import.
    public static let chartUnsupported: ErrorCode = "E_UNSUPPORTED"
    /// A `with (...)` property that `render` does not have, or a value it cannot take (`yaxis=cubic`).
    public static let chartProperty: ErrorCode = "E_CHART_PROPERTY"
    /// A property names a column the result does not have.
    public static let chartColumn: ErrorCode = "E_CHART_COLUMN"
    /// The result lacks a column of the type the visualization needs (a datetime x, a numeric y),
    /// or a named column has the wrong type.
    public static let chartColumnType: ErrorCode = "E_CHART_COLUMN_TYPE"
}
