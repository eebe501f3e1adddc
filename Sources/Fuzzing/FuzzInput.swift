/// The decisions a fuzz target takes, drawn from the fuzzer's input bytes one at a time.
///
/// A structured target (the query generator, the region writer) asks for choices instead of parsing
/// the bytes, so every input means something and a mutated byte changes one decision. Once the bytes
/// run out every choice is 0, the first and simplest option, which keeps generation finite.
public struct FuzzInput: Sendable {
    private let bytes: [UInt8]
    private var position = 0

    /// An input over `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte has been used.
    public var isExhausted: Bool { position >= bytes.count }

    /// The next byte, 0 once exhausted.
    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A number in `0..<count` (`count` at most 65,536), 0 once exhausted.
    public mutating func choose(_ count: Int) -> Int {
        guard count > 1 else { return 0 }
        if count <= 256 { return Int(byte()) % count }
        return (Int(byte()) << 8 | Int(byte())) % count
    }

    /// One of `items`, which must not be empty.
    public mutating func pick<T>(_ items: [T]) -> T { items[choose(items.count)] }

    /// True with about `percent` per cent probability for random bytes; false once exhausted.
    public mutating func chance(_ percent: Int) -> Bool { !isExhausted && choose(100) < percent }

    /// Up to `limit` of the next bytes, as they are.
    public mutating func take(upTo limit: Int) -> [UInt8] {
        let n = min(max(limit, 0), bytes.count - position)
        defer { position += n }
        return Array(bytes[position..<(position + n)])
    }

    /// The next little-endian 64-bit integer (zero bytes past the end).
    public mutating func int64() -> Int64 {
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(byte()) << (8 * k) }
        return Int64(bitPattern: v)
    }

    /// Every byte not used yet.
    public mutating func rest() -> [UInt8] { take(upTo: bytes.count) }
}
