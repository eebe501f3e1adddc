import Columnar
import SystemCalls

/// The engine buffers a table was written by reference to, numbered as the blocks that travel with it.
///
/// `SharedTableWriter` asks for a reference to each large buffer that lives in a memfd; the set
/// numbers the distinct memfds (1, 2, ...), keeps every referenced buffer alive for as long as the
/// set lives (a child maps them until it is dead), and later resolves the references a result makes
/// back to those same buffers, so a column the script returned unmodified is the engine's own.
/// Not thread-safe: used by one query start and its finish.
public final class SharedBlocks: @unchecked Sendable {
    /// Most blocks per table: a request carries three fds before them, and one message at most 253.
    public static let defaultLimit = 240

    private struct Entry {
        var block: Int
        var range: Range<Int>
        var buffer: DataBuffer
    }
    /// The memfd of each block (owned by its buffers), in block order.
    public private(set) var fds: [Int32] = []
    private var entries: [Entry] = []
    public let limit: Int

    public init(limit: Int = SharedBlocks.defaultLimit) { self.limit = limit }

    /// A reference to `count` bytes at `byteOffset` of `buffer`, or nil when the buffer is not in
    /// shareable memory or the set is full (the caller copies it then).
    public func reference(_ buffer: DataBuffer, byteOffset: Int = 0, count: Int) -> BufferReference? {
        guard byteOffset >= 0, count >= 0, byteOffset + count <= buffer.byteCount,
            let location = buffer.sharedLocation()
        else { return nil }
        let block: Int
        if let i = fds.firstIndex(of: location.fd) {
            block = i + 1
        } else {
            guard fds.count < limit else { return nil }
            fds.append(location.fd)
            block = fds.count
        }
        let whole = location.offset..<(location.offset + buffer.byteCount)
        if !entries.contains(where: { $0.block == block && $0.range == whole && $0.buffer === buffer }) {
            entries.append(Entry(block: block, range: whole, buffer: buffer))
        }
        let start = location.offset + byteOffset
        referencedBytes += count
        return BufferReference(block: block, range: start..<(start + count))
    }

    /// Bytes of all references made (what the copy would have cost).
    public private(set) var referencedBytes = 0

    /// For each block, the end of its last referenced byte: what a reader may check references against.
    public var blockLengths: [Int] {
        var lengths = [Int](repeating: 0, count: fds.count)
        for e in entries { lengths[e.block - 1] = max(lengths[e.block - 1], e.range.upperBound) }
        return lengths
    }

    /// The engine buffer holding `range` of `block` (itself when the range is where it starts, else a
    /// view that keeps it alive), or nil when the range lies in no referenced buffer.
    public func buffer(block: Int, range: Range<Int>) -> DataBuffer? {
        guard
            let e = entries.first(where: {
                $0.block == block && $0.range.contains(range.lowerBound) && range.upperBound <= $0.range.upperBound
            })
        else { return nil }
        let offset = range.lowerBound - e.range.lowerBound
        if offset == 0 { return e.buffer }
        let owner = e.buffer
        let shared = owner.sharedLocation().map { DataBuffer.SharedLocation(fd: $0.fd, offset: $0.offset + offset) }
        return DataBuffer(adopting: owner.pointer + offset, byteCount: range.count, shared: shared) { _, _ in
            withExtendedLifetime(owner) {}
        }
    }

    /// Read-only descriptors of every block, to send with a request; the caller closes them.
    public func readOnlyDescriptors() throws(SharedTableError) -> [Int32] {
        var out: [Int32] = []
        for fd in fds {
            do { out.append(try system(SharedMemory.reopenReadOnly(fd))) } catch {
                out.forEach { Descriptors.close($0) }
                throw error
            }
        }
        return out
    }
}
