import Columnar
import KQLSyntax

extension RequestProperties {
    /// The request properties a command line's limit flags give (`sandpiper query --timeout 90s`): each is
    /// checked as the `set` statement of the same name checks it. Errors name the flag and say what to write.
    public init(
        noTruncation: Bool, truncationMaxRecords: Int?, truncationMaxSize: String?, maxMemory: String?,
        timeout: String?
    ) throws(KQLError) {
        self.init()
        if noTruncation { try set(Name.noTruncation, .bool(true)) }
        if let n = truncationMaxRecords { try set(Name.truncationMaxRecords, .long(Int64(n))) }
        if let s = truncationMaxSize {
            try set(Name.truncationMaxSize, .long(try Self.bytes(s, flag: "--truncation-max-size")))
        }
        if let s = maxMemory {
            try set(Name.maxMemoryConsumptionPerIterator, .long(try Self.bytes(s, flag: "--max-memory")))
        }
        if let t = timeout {
            guard let ns = TimespanFormat.parse(t) else {
                throw KQLError(.argument, "--timeout '\(t)' is not a timespan; write e.g. 90s, 30m or 00:30:00")
            }
            try set(Name.serverTimeout, .timespan(ns))
        }
    }

    /// `--param name=value` pairs as `parameters`; a name given twice keeps its last value.
    public static func parameters(_ assignments: [String]) throws(KQLError) -> [String: String] {
        var values: [String: String] = [:]
        for p in assignments {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw KQLError(.argument, "--param '\(p)' must be name=value")
            }
            values[String(p[..<eq])] = String(p[p.index(after: eq)...])
        }
        return values
    }

    /// A size flag's value in bytes (`ByteSize`).
    private static func bytes(_ text: String, flag: String) throws(KQLError) -> Int64 {
        switch ByteSize.parse(text) {
        case .bytes(let n): return n
        case .tooLarge: throw KQLError(.argument, "\(flag) '\(text)' is too large")
        case .notASize:
            throw KQLError(.argument, "\(flag) '\(text)' is not a size; write a number of bytes or e.g. 512MB, 4GB")
        }
    }
}
