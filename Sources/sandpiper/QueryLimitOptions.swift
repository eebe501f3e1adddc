import ArgumentParser
import Columnar
import KQLEngine
import KQLSyntax

/// The query limits `sandpiper query` takes as flags: the client request properties of ADX, which
/// `set` statements in the query can lower (the lower of two values applies) but not raise.
struct QueryLimitOptions: ParsableArguments {
    @Flag(name: .customLong("no-truncation"), help: "Return every record (`set notruncation;`).")
    var noTruncation = false

    @Option(
        name: .customLong("truncation-max-records"),
        help: ArgumentHelp(
            "Truncate results after this many records (default 500000; `set truncationmaxrecords`).", valueName: "n"))
    var truncationMaxRecords: Int?

    @Option(
        name: .customLong("truncation-max-size"),
        help: ArgumentHelp(
            "Truncate results past this much data (default 64MB; `set truncationmaxsize`).", valueName: "size"))
    var truncationMaxSize: String?

    @Option(
        name: .customLong("max-memory"),
        help: ArgumentHelp(
            "Memory one operator may use, e.g. 2GB (default: 5GB or a quarter of physical memory; `set maxmemoryconsumptionperiterator`).",
            valueName: "size"))
    var maxMemory: String?

    @Option(
        name: .customLong("timeout"),
        help: ArgumentHelp(
            "Stop the query after this long, e.g. 90s, 30m or 01:00:00 (default 10m; `set servertimeout`).",
            valueName: "timespan"))
    var timeout: String?

    func validate() throws { _ = try properties() }

    /// The flags as request properties.
    func properties() throws -> RequestProperties {
        var p = RequestProperties()
        do {
            if noTruncation { try p.set(RequestProperties.Name.noTruncation, .bool(true)) }
            if let n = truncationMaxRecords { try p.set(RequestProperties.Name.truncationMaxRecords, .long(Int64(n))) }
            if let s = truncationMaxSize {
                try p.set(
                    RequestProperties.Name.truncationMaxSize, .long(try Self.bytes(s, flag: "--truncation-max-size")))
            }
            if let s = maxMemory {
                try p.set(
                    RequestProperties.Name.maxMemoryConsumptionPerIterator,
                    .long(try Self.bytes(s, flag: "--max-memory")))
            }
            if let t = timeout {
                guard let ns = TimespanFormat.parse(t) else {
                    throw ValidationError("--timeout '\(t)' is not a timespan; write e.g. 90s, 30m or 00:30:00")
                }
                try p.set(RequestProperties.Name.serverTimeout, .timespan(ns))
            }
        } catch let error as KQLError {
            throw ValidationError(error.message)
        }
        return p
    }

    /// `1048576`, `512KB`, `64MB`, `4GB`, `1TB` (binary multiples, as ADX writes 64 MB for 2^26 bytes).
    static func bytes(_ text: String, flag: String) throws -> Int64 {
        let units: [(String, Int64)] = [("TB", 1 << 40), ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)]
        let upper = text.uppercased()
        var number = Substring(upper), scale: Int64 = 1
        for (suffix, value) in units where upper.hasSuffix(suffix) {
            number = upper.dropLast(suffix.count); scale = value
            break
        }
        guard let n = Int64(number.trimmingPrefix(" ")), n > 0 else {
            throw ValidationError("\(flag) '\(text)' is not a size; write a number of bytes or e.g. 512MB, 4GB")
        }
        let (bytes, overflow) = n.multipliedReportingOverflow(by: scale)
        guard !overflow else { throw ValidationError("\(flag) '\(text)' is too large") }
        return bytes
    }
}
