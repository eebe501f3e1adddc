import Foundation

/// The limits one statement runs under, resolved from ``RequestProperties`` (the CLI's flags and the
/// query's `set` statements) and the defaults, which are Azure Data Explorer's where it has one.
public struct RequestLimits: Sendable, Equatable {
    /// ADX's default record limit of a result (`truncationmaxrecords`).
    public static let defaultTruncationMaxRecords = 500_000
    /// ADX's default data-size limit of a result, 64 MB (`truncationmaxsize`).
    public static let defaultTruncationMaxSize = 64 << 20
    /// Ten minutes: the script time limit the seed document states (ADX itself defaults to four minutes
    /// for queries and ten for commands); the shipped default sandbox's wall-time limit follows it.
    public static let defaultTimeoutNanoseconds: Int64 = 600_000_000_000

    /// Result truncation, or nil when `notruncation` is in force.
    public var truncation: Truncation?
    /// `query_take_max_records`: the result is cut to this many records without a notice, as a `take` would.
    public var takeMaxRecords: Int?
    /// `maxmemoryconsumptionperiterator`: bytes one operator (or one function call) may allocate.
    public var maxMemoryPerOperator: Int
    /// `servertimeout`: how long a statement may run, measured from the start of the request.
    public var timeoutNanoseconds: Int64

    /// When a result is cut and a partial-result notice is given.
    public struct Truncation: Sendable, Equatable {
        public var maxRecords: Int
        public var maxSize: Int
        public init(
            maxRecords: Int = RequestLimits.defaultTruncationMaxRecords,
            maxSize: Int = RequestLimits.defaultTruncationMaxSize
        ) {
            self.maxRecords = maxRecords; self.maxSize = maxSize
        }
    }

    public init(
        truncation: Truncation? = Truncation(), takeMaxRecords: Int? = nil,
        maxMemoryPerOperator: Int = RequestLimits.defaultMaxMemoryPerOperator,
        timeoutNanoseconds: Int64 = RequestLimits.defaultTimeoutNanoseconds
    ) {
        self.truncation = truncation; self.takeMaxRecords = takeMaxRecords
        self.maxMemoryPerOperator = maxMemoryPerOperator; self.timeoutNanoseconds = timeoutNanoseconds
    }

    /// ADX's default of `maxmemoryconsumptionperiterator` (5 GB), or a quarter of this machine's physical
    /// memory when that is less: a query's input and output tables live beside the operator's own
    /// memory, and the machine is not the query's alone.
    public static let defaultMaxMemoryPerOperator: Int = min(
        5 << 30, Int(clamping: ProcessInfo.processInfo.physicalMemory / 4))

    /// The most `maxmemoryconsumptionperiterator` may be set to, ADX's rule: 30 GB or half of physical
    /// memory, whichever is less.
    public static let maximumMaxMemoryPerOperator: Int = min(
        30 << 30, Int(clamping: ProcessInfo.processInfo.physicalMemory / 2))
}
