import Columnar
import KQLSyntax

/// The request properties that set a query's limits, as ADX names them: given by the client (the CLI's
/// flags) and by `set` statements, which apply to the statements after them.
///
/// ADX's rules for combining them hold: a limit given more than once (by the client and by a `set`, or
/// by two `set`s) takes the lower value, and `notruncation` is ignored once any of `truncationmaxrecords`,
/// `truncationmaxsize` or `query_take_max_records` is given. Unlike ADX, `servertimeout` and
/// `truncationmaxsize` may also be given by `set` (there is no client library here to carry them).
/// Other `set` options (`query_python_debug`, ...) are not limits and pass through untouched.
public struct RequestProperties: Sendable, Equatable {
    public var noTruncation = false
    public var truncationMaxRecords: Int?
    public var truncationMaxSize: Int?
    public var takeMaxRecords: Int?
    public var maxMemoryConsumptionPerIterator: Int?
    public var serverTimeoutNanoseconds: Int64?
    /// Values of the query's `declare query_parameters`, by name, as text the client passed (a KQL
    /// literal of the declared type, or for a string parameter the bare text).
    public var parameters: [String: String] = [:]
    /// ADX's `query_now`: the value of `now()` for this request (nanoseconds since the epoch), instead of
    /// the engine's clock.
    public var queryNow: Int64?

    public init() {}

    /// The option names this type understands, as written after `set`.
    public enum Name {
        public static let noTruncation = "notruncation"
        public static let truncationMaxRecords = "truncationmaxrecords"
        public static let truncationMaxSize = "truncationmaxsize"
        public static let takeMaxRecords = "query_take_max_records"
        public static let maxMemoryConsumptionPerIterator = "maxmemoryconsumptionperiterator"
        public static let serverTimeout = "servertimeout"
    }

    /// The limits in force: these properties over the defaults.
    public var limits: RequestLimits {
        var l = RequestLimits()
        let refined = truncationMaxRecords != nil || truncationMaxSize != nil || takeMaxRecords != nil
        if noTruncation && !refined {
            l.truncation = nil
        } else {
            l.truncation = RequestLimits.Truncation(
                maxRecords: truncationMaxRecords ?? RequestLimits.defaultTruncationMaxRecords,
                maxSize: truncationMaxSize ?? RequestLimits.defaultTruncationMaxSize)
        }
        l.takeMaxRecords = takeMaxRecords
        if let m = maxMemoryConsumptionPerIterator { l.maxMemoryPerOperator = m }
        if let t = serverTimeoutNanoseconds { l.timeoutNanoseconds = t }
        return l
    }

    /// Applies `set name = value` when `name` is one of the limits; returns false for other options.
    /// A value of the wrong type or out of range is `E_ARGUMENT` at `span`.
    @discardableResult
    public mutating func set(_ name: String, _ value: Value, span: SourceSpan? = nil) throws(KQLError) -> Bool {
        switch name {
        case Name.noTruncation:
            guard case .bool(let b) = value else { throw Self.invalid(name, value, "true or false", span) }
            noTruncation = b
        case Name.truncationMaxRecords:
            truncationMaxRecords = Self.lower(truncationMaxRecords, try Self.count(name, value, minimum: 1, span))
        case Name.truncationMaxSize:
            truncationMaxSize = Self.lower(truncationMaxSize, try Self.count(name, value, minimum: 1, span))
        case Name.takeMaxRecords:
            takeMaxRecords = Self.lower(takeMaxRecords, try Self.count(name, value, minimum: 0, span))
        case Name.maxMemoryConsumptionPerIterator:
            let bytes = try Self.count(name, value, minimum: 1, span)
            guard bytes <= RequestLimits.maximumMaxMemoryPerOperator else {
                throw KQLError(
                    .argument,
                    "option '\(name)' may be at most \(RequestLimits.maximumMaxMemoryPerOperator) bytes "
                        + "(30 GB or half of this machine's memory, whichever is less), not \(bytes)", span: span,
                    hint: "one operator cannot use more memory than that; reduce the data it holds instead")
            }
            maxMemoryConsumptionPerIterator = Self.lower(maxMemoryConsumptionPerIterator, bytes)
        case Name.serverTimeout:
            guard case .timespan(let t) = value, t > 0 else {
                throw Self.invalid(name, value, "a positive timespan such as 1m", span)
            }
            serverTimeoutNanoseconds = Self.lower(serverTimeoutNanoseconds, t)
        default:
            return false
        }
        return true
    }

    private static func lower<T: Comparable>(_ a: T?, _ b: T) -> T { a.map { min($0, b) } ?? b }

    private static func count(_ name: String, _ value: Value, minimum: Int, _ span: SourceSpan?) throws(KQLError) -> Int
    {
        let n: Int64
        switch value {
        case .int(let x): n = Int64(x)
        case .long(let x): n = x
        default: throw invalid(name, value, "a whole number", span)
        }
        guard n >= Int64(minimum) else { throw invalid(name, value, "a whole number of at least \(minimum)", span) }
        return Int(n)
    }

    private static func invalid(_ name: String, _ value: Value, _ expected: String, _ span: SourceSpan?) -> KQLError {
        KQLError(
            .argument,
            "option '\(name)' must be \(expected), not \(value.text.isEmpty ? "an empty value" : value.text)",
            span: span,
            hint: "for example `set \(name) = \(example(name));`; docs/limits.md lists the query limits")
    }

    private static func example(_ name: String) -> String {
        switch name {
        case Name.noTruncation: return "true"
        case Name.serverTimeout: return "1m"
        case Name.maxMemoryConsumptionPerIterator: return "1073741824"
        default: return "1000"
        }
    }
}
