/// How much an Arrow file may make the reader allocate: a compressed buffer declares its size, and a
/// header declares array lengths; these bound what a small file can ask for.
public struct ArrowLimits: Sendable {
    /// The largest buffer, decompressed.
    public var maxBufferBytes: Int
    /// The most values in one array (rows, or the elements of a nested column in one batch).
    public var maxValues: Int
    /// The most rows in the whole file.
    public var maxRows: Int

    public init(maxBufferBytes: Int = 1 << 31, maxValues: Int = 1 << 31, maxRows: Int = 1 << 31) {
        self.maxBufferBytes = maxBufferBytes; self.maxValues = maxValues; self.maxRows = maxRows
    }
}
