import Columnar

extension RowFunction {
    /// `tohex(n [, minLength])`: two's-complement hex of an int (32 bits) or long (64 bits), lower-case,
    /// padded with zeros to `minLength` (at most 16, as the docs say: a larger one counts as 16).
    static let tohex = RowFunction(name: "tohex", arity: 1...2, kinds: [.integer, .integer], out: .string, strict: true) { r in
        let digits: String
        switch r[0] {
        case .int(let v): digits = String(UInt32(bitPattern: v), radix: 16)
        default:
            guard let v = Numeric.long(r[0]) else { return .null }
            digits = String(UInt64(bitPattern: v), radix: 16)
        }
        let width = r.count > 1 ? Int(min(16, Numeric.long(r[1]) ?? 0)) : 0
        return .string(digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits)
    }
}
