/// How much a Parquet file may make the reader allocate. A file declares its sizes, and compressed data
/// and run-length encoding expand; these bound what a small file can ask for.
public struct ParquetLimits: Sendable {
    /// The largest page, uncompressed.
    public var maxPageBytes: Int
    /// The most level entries (rows, and list elements for nested columns) in the whole file, summed over columns.
    public var maxValues: Int

    public init(maxPageBytes: Int = 256 << 20, maxValues: Int = 1 << 31) {
        self.maxPageBytes = maxPageBytes; self.maxValues = maxValues
    }
}
