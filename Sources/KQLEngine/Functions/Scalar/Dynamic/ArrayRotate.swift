import Columnar

extension RowFunction {
    /// `array_rotate_left(a, n)` and `array_rotate_right(a, n)`: elements moved round by `n` positions.
    static let arrayRotateLeft = rotate(name: "array_rotate_left", sign: 1)
    static let arrayRotateRight = rotate(name: "array_rotate_right", sign: -1)

    static func rotate(name: String, sign: Int) -> RowFunction {
        RowFunction(name: name, arity: 2...2, kinds: [.dynamic, .integer], out: .dynamic, strict: false) { r in
            guard let a = array(r[0]), let n64 = Numeric.long(r[1]) else { return .dynamic(.null) }
            guard !a.isEmpty else { return .dynamic(.array(a)) }
            let k = ((Int(n64 % Int64(a.count)) * sign) % a.count + a.count) % a.count
            return .dynamic(.array(Array(a[k...] + a[..<k])))
        }
    }
}
