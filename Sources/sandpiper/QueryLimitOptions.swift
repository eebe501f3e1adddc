import ArgumentParser
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

    /// The flags as request properties; a bad value is a usage error.
    func properties() throws -> RequestProperties {
        do {
            return try RequestProperties(
                noTruncation: noTruncation, truncationMaxRecords: truncationMaxRecords,
                truncationMaxSize: truncationMaxSize, maxMemory: maxMemory, timeout: timeout)
        } catch { throw ValidationError(error.message) }
    }
}
