import ArgumentParser
import Documentation
import KQLEngine
import KQLSyntax

/// The query limits `sandpiper query` takes as flags: the client request properties of ADX, which
/// `set` statements in the query can lower (the lower of two values applies) but not raise.
struct QueryLimitOptions: ParsableArguments {
    @Flag(name: .customLong("no-truncation"), help: .doc(.noTruncation)) var noTruncation = false
    @Option(name: .customLong("truncation-max-records"), help: .doc(.truncationMaxRecords))
    var truncationMaxRecords: Int?
    @Option(name: .customLong("truncation-max-size"), help: .doc(.truncationMaxSize)) var truncationMaxSize: String?
    @Option(name: .customLong("max-memory"), help: .doc(.maxMemory)) var maxMemory: String?
    @Option(name: .customLong("timeout"), help: .doc(.timeout)) var timeout: String?

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
