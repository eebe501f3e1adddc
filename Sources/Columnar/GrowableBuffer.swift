/// An aligned byte buffer that doubles as it fills; `finish()` hands the bytes to a `DataBuffer` without copying.
struct GrowableBuffer {
    private(set) var pointer: UnsafeMutableRawPointer
    private(set) var capacity: Int
    private var mapped: Bool
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        let block = BufferMemory.allocate(byteCount: self.capacity, zeroed: false)
        self.pointer = block.pointer
        self.mapped = block.mapped
    }

    mutating func reserve(_ extra: Int) {
        let needed = count + extra
        guard needed > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let block = BufferMemory.allocate(byteCount: newCapacity, zeroed: false)
        block.pointer.copyMemory(from: pointer, byteCount: count)
        BufferMemory.free(pointer, byteCount: capacity, mapped: mapped)
        pointer = block.pointer
        mapped = block.mapped
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
        DataBuffer(owning: (pointer, mapped), allocatedBytes: capacity, byteCount: count)
    }

    func discard() { BufferMemory.free(pointer, byteCount: capacity, mapped: mapped) }
}
