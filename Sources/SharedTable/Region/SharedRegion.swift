/// A shared-memory region: one memfd and its current mapping.
///
/// The region grows (never shrinks while in use) and is reused through `RegionPool`, because fresh
/// shared memory costs a page fault and a zeroed page per 4 KiB; a reused region's pages are
/// already resident. The mapping is `MAP_SHARED`: what one process writes, the other reads.
///
/// Not thread-safe: one owner at a time (the pool hands a region to one user).
public final class SharedRegion: @unchecked Sendable {
    /// The memfd. Closed when the region is freed.
    public let fd: Int32
    /// The start of the mapping, nil while nothing is mapped.
    public private(set) var base: UnsafeMutableRawPointer?
    /// Bytes mapped (and the memfd's size as last seen).
    public private(set) var capacity: Int
    private let writable: Bool
    /// The memfd's size when `trimFile` made it shorter than the mapping, else nil.
    private var trimmedSize: Int?

    /// Creates a new memfd of `capacity` bytes (rounded up to pages) and maps it, pre-faulted.
    public static func create(name: String = "sandpiper", capacity: Int) throws(SharedTableError) -> SharedRegion {
        let fd = try SystemSeam.memfdCreate(name)
        let region = SharedRegion(fd: fd, capacity: 0, writable: true)
        try region.ensureCapacity(max(capacity, 1))
        return region
    }

    /// Takes ownership of an fd received from another process and maps all of it.
    ///
    /// `writable` false maps it read-only (shared); see `mapPrivate` for copy-on-write views.
    public static func adopt(fd: Int32, writable: Bool) throws(SharedTableError) -> SharedRegion {
        let region = SharedRegion(fd: fd, capacity: 0, writable: writable)
        try region.refreshMapping(populate: false)
        return region
    }

    private init(fd: Int32, capacity: Int, writable: Bool) {
        self.fd = fd; self.capacity = capacity; self.writable = writable
    }

    deinit {
        if let base { SystemSeam.unmap(base, capacity) }
        SystemSeam.close(fd)
    }

    /// Makes the region at least `bytes` long (whole pages), growing the memfd and the mapping.
    public func ensureCapacity(_ bytes: Int) throws(SharedTableError) {
        try untrim()
        guard bytes > capacity || base == nil else { return }
        let size = max(SystemSeam.roundToPage(bytes), capacity)
        try SystemSeam.truncate(fd, size)
        try remap(size, populate: true)
    }

    /// Cuts the memfd to its first `bytes` (whole pages), keeping the mapping: a process later given
    /// the fd (buffers adopted from the region travel by reference) then sees only what is there now,
    /// not what earlier users of a pooled region left past it. `ensureCapacity` grows it back.
    public func trimFile(to bytes: Int) throws(SharedTableError) {
        let size = max(SystemSeam.roundToPage(bytes), SystemSeam.pageSize)
        guard base != nil, size < (trimmedSize ?? capacity) else { return }
        try SystemSeam.truncate(fd, size)
        trimmedSize = size
    }

    private func untrim() throws(SharedTableError) {
        guard trimmedSize != nil else { return }
        if base != nil { try SystemSeam.truncate(fd, capacity) }
        trimmedSize = nil
    }

    /// Re-reads the memfd's size (another process may have grown it) and maps all of it.
    public func refreshMapping(populate: Bool) throws(SharedTableError) {
        try untrim()
        let size = try SystemSeam.size(fd)
        guard size != capacity || base == nil else { return }
        try remap(size, populate: populate)
    }

    private func remap(_ size: Int, populate: Bool) throws(SharedTableError) {
        if let base { SystemSeam.unmap(base, capacity); self.base = nil; capacity = 0 }
        guard size > 0 else { return }
        base = try SystemSeam.mapShared(fd, size, writable: writable, populate: populate)
        capacity = size
    }

    /// A read-only fd for the same memory, for a peer that must not write into it.
    public func readOnlyDuplicate() throws(SharedTableError) -> Int32 { try SystemSeam.reopenReadOnly(fd) }

    /// The whole mapping as raw bytes.
    public var bytes: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(start: base, count: base == nil ? 0 : capacity) }
}

/// A private (copy-on-write) mapping of a memfd: writes stay in this process.
///
/// A worker child maps its input this way so a script may modify `df` in place without the engine
/// seeing it and without a copy of the pages it does not touch.
public final class PrivateMapping: @unchecked Sendable {
    public let base: UnsafeMutableRawPointer
    public let length: Int

    /// Maps `length` bytes of `fd` privately; the fd can be closed afterwards.
    public init(fd: Int32, length: Int) throws(SharedTableError) {
        self.length = max(length, 1)
        self.base = try SystemSeam.mapPrivate(fd, self.length)
    }

    /// Maps all of `fd` (its size now) privately; the fd can be closed afterwards.
    public convenience init(wholeFile fd: Int32) throws(SharedTableError) {
        try self.init(fd: fd, length: try SystemSeam.size(fd))
    }

    deinit { SystemSeam.unmap(base, length) }
}
