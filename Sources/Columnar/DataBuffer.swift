#if canImport(Glibc)
    import Glibc
#endif

/// A contiguous, 64-byte aligned block of bytes that backs a column.
///
/// A buffer either owns memory it allocated, or adopts memory it does not own (a mapped
/// shared-memory region) together with a `release` action that runs when the last column
/// using it goes away. Columns treat a buffer as immutable once built; builders write into
/// it only before handing it over, which is why the class can be `@unchecked Sendable`.
///
/// A buffer whose bytes live in a memfd (large owned buffers, and buffers adopted from a shared
/// region) says where (`sharedLocation()`), so another process can map the same bytes instead of
/// receiving a copy.
public final class DataBuffer: @unchecked Sendable {
    /// Alignment of every buffer, as Arrow recommends and numpy's SIMD kernels like.
    public static let alignment = 64

    /// Whether large shared blocks are collapsed into huge pages on a background queue (on by default).
    /// A benchmark that claims "one thread" switches it off, so no second core works for it unseen.
    public static var collapsesInBackground: Bool {
        get { BufferMemory.collapsing.load(ordering: .relaxed) }
        set { BufferMemory.collapsing.store(newValue, ordering: .relaxed) }
    }

    /// The first byte.
    public let pointer: UnsafeMutableRawPointer
    /// The number of usable bytes.
    public let byteCount: Int
    private let release: (@Sendable (UnsafeMutableRawPointer, Int) -> Void)?
    /// For owned memory: the block to hand back to `BufferMemory`.
    private let block: BufferMemory.Block?
    /// For adopted memory: where it lives in a memfd, if it does.
    private let adoptedLocation: SharedLocation?

    /// A place in a memfd: the fd (owned by whoever owns the memory) and the byte offset of `pointer` in it.
    public struct SharedLocation: Sendable, Hashable {
        public var fd: Int32
        public var offset: Int
        public init(fd: Int32, offset: Int) { self.fd = fd; self.offset = offset }
    }

    /// Allocates `byteCount` bytes (at least one), zero-filled when `zeroed` is true.
    public init(byteCount: Int, zeroed: Bool = false) {
        let block = BufferMemory.allocate(byteCount: byteCount, zeroed: zeroed)
        self.pointer = block.pointer
        self.block = block
        self.byteCount = byteCount
        self.release = nil
        self.adoptedLocation = nil
    }

    /// Takes ownership of a block from `BufferMemory.allocate`, of which the first `byteCount` bytes are used.
    init(owning block: BufferMemory.Block, byteCount: Int) {
        self.pointer = block.pointer
        self.block = block
        self.byteCount = byteCount
        self.release = nil
        self.adoptedLocation = nil
    }

    /// Adopts memory the buffer does not own; `release` runs exactly once, when the buffer is freed.
    /// `shared` says where the memory lives in a memfd, whose fd must stay open until `release` runs.
    public init(
        adopting pointer: UnsafeMutableRawPointer, byteCount: Int, shared: SharedLocation? = nil,
        release: @escaping @Sendable (UnsafeMutableRawPointer, Int) -> Void
    ) {
        self.pointer = pointer
        self.byteCount = byteCount
        self.release = release
        self.block = nil
        self.adoptedLocation = shared
    }

    /// Where this buffer's bytes live in a memfd, or nil for private memory (which must be copied to
    /// be shared). For an owned block the memfd is first cut to this buffer's pages, so a process
    /// given the fd sees nothing an earlier user of the block left past it.
    public func sharedLocation() -> SharedLocation? {
        if let adoptedLocation { return adoptedLocation }
        guard let block, block.fd >= 0 else { return nil }
        BufferMemory.trim(block, to: byteCount)
        return SharedLocation(fd: block.fd, offset: pointer - block.pointer)
    }

    /// Copies `bytes` into a new owned buffer.
    public convenience init(copying bytes: UnsafeRawBufferPointer) {
        self.init(byteCount: bytes.count)
        if let base = bytes.baseAddress, bytes.count > 0 { pointer.copyMemory(from: base, byteCount: bytes.count) }
    }

    deinit {
        if let release { release(pointer, byteCount) } else if let block { BufferMemory.free(block) }
    }

    /// A typed view of the first `count` elements.
    @inlinable
    public func typed<T>(_ type: T.Type, count: Int) -> UnsafeMutableBufferPointer<T> {
        UnsafeMutableBufferPointer(start: pointer.assumingMemoryBound(to: T.self), count: count)
    }
}
