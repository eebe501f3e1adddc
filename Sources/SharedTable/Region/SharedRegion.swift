import SystemCalls

/// A shared-memory region: one memfd and its current mapping.
///
/// The region grows (never shrinks while in use) and is reused through `RegionPool`, because fresh
/// shared memory costs a page fault and a zeroed page per 4 KiB; a reused region's pages are
/// already resident. The mapping is `MAP_SHARED`: what one process writes, the other reads.
///
/// A reused region must not show its next user anything of an earlier one: the region keeps the extent
/// that may hold data (what the engine wrote, and what a peer given a writable fd may have written), and
/// `prepareForReuse` zeroes that much and gives the memfd back its size. Its memfd cannot be sealed (it
/// is made without `MFD_ALLOW_SEALING`), so a peer cannot freeze it for every later user.
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
    /// The memfd's size when `reclaim` made it shorter than the mapping, else nil.
    private var trimmedSize: Int?
    /// Bytes from the start that may hold data since the region was last cleared.
    private var dirtyBytes = 0
    /// Set while a peer holds (or may still hold) a writable fd of the memfd: it may have written
    /// anywhere in the file, at any size it gave the file.
    private var lentWritable = false

    /// Creates a new memfd of `capacity` bytes (rounded up to pages) and maps it, pre-faulted.
    public static func create(name: String = "sandpiper", capacity: Int) throws(SharedTableError) -> SharedRegion {
        let fd = try system(SharedMemory.createFile(name))
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
        if let base { SharedMemory.unmap(base, capacity) }
        Descriptors.close(fd)
    }

    /// Makes the region at least `bytes` long (whole pages), growing the memfd and the mapping.
    public func ensureCapacity(_ bytes: Int) throws(SharedTableError) {
        try untrim()
        guard bytes > capacity || base == nil else { return }
        let size = max(SharedMemory.roundToPage(bytes), capacity)
        try system(SharedMemory.truncate(fd, size))
        try remap(size, populate: true)
    }

    /// Notes that the first `bytes` bytes were written (by the engine): they are zeroed before reuse.
    public func noteWritten(_ bytes: Int) { dirtyBytes = max(dirtyBytes, min(bytes, capacity)) }

    /// Notes that a peer process is given a writable fd of the memfd: until `reclaim`, everything the
    /// file holds counts as written.
    public func lendWritable() { lentWritable = true }

    /// Takes the region back from a peer that can no longer touch it (its processes are gone): the memfd
    /// is cut to the first `bytes` bytes (whole pages; what the peer added or wrote past them goes, what
    /// it cut comes back zeroed). With `clearing`, those bytes are zeroed now (the caller copied what it
    /// needed, and this may run off the query's path); without, they count as written and are zeroed
    /// before the next user. The mapping stays; `ensureCapacity` or `prepareForReuse` gives the memfd its
    /// size back. Until then a process later given the fd (buffers adopted from the region travel by
    /// reference) sees only those bytes.
    public func reclaim(keeping bytes: Int, clearing: Bool = false) throws(SharedTableError) {
        let size = max(SharedMemory.roundToPage(min(max(bytes, 0), capacity)), SharedMemory.pageSize)
        try system(SharedMemory.truncate(fd, size))
        trimmedSize = size < capacity ? size : nil
        lentWritable = false
        if clearing, let base {
            base.initializeMemory(as: UInt8.self, repeating: 0, count: min(size, capacity))
            dirtyBytes = 0
        } else {
            dirtyBytes = max(dirtyBytes, min(size, capacity))
        }
    }

    /// Zeroes every byte an earlier user may have left, and gives the memfd the mapping's size again,
    /// so the next user (and any process it hands the fd to) sees only zeros. Costs one pass over the
    /// bytes written since the last clear, not over the whole region.
    public func prepareForReuse() throws(SharedTableError) {
        guard let base else { return }
        var dirty = dirtyBytes
        // Never reclaimed: a peer may have written anywhere in the file, so everything mapped counts.
        if lentWritable { dirty = capacity }
        // Back to the mapping's size first: the pages a peer cut are mapped again (zeroed), and what it
        // added past the mapping goes, before anything here touches the mapping.
        try system(SharedMemory.truncate(fd, capacity))
        trimmedSize = nil
        if dirty > 0 { base.initializeMemory(as: UInt8.self, repeating: 0, count: min(dirty, capacity)) }
        dirtyBytes = 0
        lentWritable = false
    }

    private func untrim() throws(SharedTableError) {
        guard trimmedSize != nil else { return }
        if base != nil { try system(SharedMemory.truncate(fd, capacity)) }
        trimmedSize = nil
    }

    /// Re-reads the memfd's size (another process may have grown it) and maps all of it.
    public func refreshMapping(populate: Bool) throws(SharedTableError) {
        try untrim()
        let size = try system(SharedMemory.sizes(fd).size)
        guard size != capacity || base == nil else { return }
        try remap(size, populate: populate)
    }

    /// The memfd's size now (a peer with a writable fd may have changed it), and the bytes of memory it
    /// holds: a hole (a size given by `ftruncate` and never written) holds none, and would be
    /// allocated by whoever maps and reads it.
    public func fileSize() throws(SharedTableError) -> (size: Int, allocated: Int) {
        try system(SharedMemory.sizes(fd))
    }

    /// Maps the memfd at `bytes` (whole pages), setting its size to that first: what a peer added past
    /// it goes, what it cut comes back zeroed. Only once no peer can change the size any more (its
    /// processes are gone): the mapping then never reaches past the end of the file.
    public func remapExactly(_ bytes: Int, populate: Bool) throws(SharedTableError) {
        let size = max(SharedMemory.roundToPage(bytes), SharedMemory.pageSize)
        try system(SharedMemory.truncate(fd, size))
        trimmedSize = nil
        if size != capacity || base == nil { try remap(size, populate: populate) }
    }

    private func remap(_ size: Int, populate: Bool) throws(SharedTableError) {
        if let base { SharedMemory.unmap(base, capacity); self.base = nil; capacity = 0 }
        guard size > 0 else { return }
        base = try system(SharedMemory.map(fd, size, writable: writable, populate: populate))
        capacity = size
        dirtyBytes = min(dirtyBytes, size)
    }

    /// A read-only fd for the same memory, for a peer that must not write into it.
    public func readOnlyDuplicate() throws(SharedTableError) -> Int32 { try system(SharedMemory.reopenReadOnly(fd)) }

    /// Reads the first `bytes` bytes of the memfd into `destination` with `pread`, never through the
    /// mapping: a peer that cuts the file meanwhile makes this a short read (an error), not a SIGBUS.
    public func read(_ bytes: Int, into destination: UnsafeMutableRawPointer) throws(SharedTableError) {
        let done = try system(Descriptors.read(fd, bytes, into: destination))
        if done < bytes {
            throw .corrupt("the region holds \(done) bytes, fewer than the \(bytes) its user said it wrote")
        }
    }

    /// The whole mapping as raw bytes.
    public var bytes: UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(start: base, count: base == nil ? 0 : capacity)
    }
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
        self.base = try system(SharedMemory.map(fd, self.length, writable: true, shared: false))
    }

    /// Maps all of `fd` (its size now) privately; the fd can be closed afterwards.
    public convenience init(wholeFile fd: Int32) throws(SharedTableError) {
        try self.init(fd: fd, length: try system(SharedMemory.sizes(fd).size))
    }

    deinit { SharedMemory.unmap(base, length) }
}
