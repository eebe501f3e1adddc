/// An aligned byte buffer that doubles as it fills; `finish()` hands the bytes to a `DataBuffer` without copying.
struct GrowableBuffer {
    private var block: BufferMemory.Block
    var pointer: UnsafeMutableRawPointer { block.pointer }
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        self.block = BufferMemory.allocate(byteCount: self.capacity, zeroed: false)
    }

    mutating func reserve(_ extra: Int) {
        let needed = count + extra
        guard needed > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = BufferMemory.allocate(byteCount: newCapacity, zeroed: false)
        grown.pointer.copyMemory(from: pointer, byteCount: count)
        BufferMemory.free(block)
        block = grown
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append<T>(_ value: T) {
        reserve(MemoryLayout<T>.stride)
        (pointer + count).storeBytes(of: value, as: T.self)
        count += MemoryLayout<T>.stride
    }

    mutating func append(bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        reserve(bytes.count)
        (pointer + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
    }

    /// Hands the bytes over; the builder must not be used afterwards.
    consuming func finish() -> DataBuffer {
        DataBuffer(owning: block, byteCount: count)
    }

    func discard() { BufferMemory.free(block) }
}
