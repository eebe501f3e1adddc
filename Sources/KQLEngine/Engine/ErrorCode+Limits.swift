import Columnar

extension ErrorCode {
    /// An operator or function would allocate more than the query's memory budget
    /// (`maxmemoryconsumptionperiterator`); ADX reports this as `E_RUNAWAY_QUERY`.
    public static let queryMemory: ErrorCode = "E_QUERY_MEMORY"
    /// The query ran past its time limit (`servertimeout`).
    public static let queryTimeout: ErrorCode = "E_QUERY_TIMEOUT"
    /// A result was cut at the truncation limits: the code of the partial-result notice, ADX's own.
    public static let resultTruncated: ErrorCode = "E_QUERY_RESULT_SET_TOO_LARGE"
}
