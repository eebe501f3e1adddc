/// The replay driver's mutations: libFuzzer's basic ones (bit flips, byte edits, inserts, deletes,
/// copies, dictionary tokens, interesting integers, splices) without its coverage feedback.
struct Mutator {
    var random: FuzzRandom
    let dictionary: [[UInt8]]
    let maxLength: Int

    static let interestingBytes: [UInt8] = [
        0, 1, 0x7f, 0x80, 0xff, 0x20, 0x22, 0x27, 0x28, 0x29, 0x0a, 0x2c, 0x7c, 0x5b, 0x5d,
    ]
    static let interestingIntegers: [Int64] = [0, -1, 1, Int64.max, Int64.min, 1 << 31, 1 << 32, 1 << 61, 4096, 64]

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(random.next() % UInt64(n)) }

    /// `input` changed by one to four mutations; `others` are splice partners.
    mutating func mutate(_ input: [UInt8], others: [[UInt8]]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            let position = below(bytes.count + 1)
            switch below(9) {
            case 0 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] ^= UInt8(1) << UInt8(below(8))
            case 1 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] =
                    below(2) == 0
                    ? UInt8(truncatingIfNeeded: random.next())
                    : Self.interestingBytes[below(Self.interestingBytes.count)]
            case 2:
                bytes.insert(
                    contentsOf: (0...below(8)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
            case 3 where !bytes.isEmpty:
                let start = min(position, bytes.count - 1)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(16)))
            case 4 where !bytes.isEmpty:
                let start = below(bytes.count), length = 1 + below(min(32, bytes.count - start))
                bytes.insert(contentsOf: bytes[start..<(start + length)], at: position)
            case 5 where !dictionary.isEmpty:
                bytes.insert(contentsOf: dictionary[below(dictionary.count)], at: position)
            case 6:
                let value = Self.interestingIntegers[below(Self.interestingIntegers.count)]
                for k in 0..<8 {
                    let i = position + k
                    let byte = UInt8(truncatingIfNeeded: value >> (8 * k))
                    if i < bytes.count { bytes[i] = byte } else { bytes.append(byte) }
                }
            case 7 where !others.isEmpty:
                let other = others[below(others.count)]
                bytes = Array(bytes.prefix(position)) + other.suffix(below(other.count + 1))
            default:
                bytes.append(UInt8(truncatingIfNeeded: random.next()))
            }
        }
        return Array(bytes.prefix(maxLength))
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64): the replay driver's runs
/// are reproducible from their seed.
struct FuzzRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    /// Wrapping arithmetic is the algorithm here (a 64-bit hash of a counter), not an overflow.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
