/// An aligned byte buffer that doubles as it fills; `finish()` hands the bytes to a `DataBuffer` without copying.
struct GrowableBuffer {
    private(set) var pointer: UnsafeMutableRawPointer
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        self.pointer = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: DataBuffer.alignment)
    }

    mutating func reserve(_ extra: Int) {
        let needed = count + extra
        guard needed > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let p = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: DataBuffer.alignment)
        p.copyMemory(from: pointer, byteCount: count)
        pointer.deallocate()
        pointer = p
        capacity = newCapacity
    }

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
        let p = pointer
        return DataBuffer(adopting: p, byteCount: count) { p, _ in p.deallocate() }
    }

    func discard() { pointer.deallocate() }
}
