import Columnar

extension RowFunction {
    /// `array_shift_left(a, n [, fill])` and `array_shift_right(a, n [, fill])`.
    static let arrayShiftLeft = shift(name: "array_shift_left", sign: 1)
    static let arrayShiftRight = shift(name: "array_shift_right", sign: -1)

    /// Shifts elements by `n` positions, filling with null or the optional fill value.
    static func shift(name: String, sign: Int) -> RowFunction {
        RowFunction(name: name, arity: 2...3, kinds: [.dynamic, .integer, .any], out: .dynamic, strict: false) { r in
            guard let a = array(r[0]), let n64 = Numeric.long(r[1]) else { return .dynamic(.null) }
            let fill = r.count > 2 ? r[2].asDynamic : .null
            // A shift of the array's length or more empties it: clamping keeps `i + n` in range.
            let n = Int(max(-Int64(a.count), min(Int64(a.count), n64))) * sign
            var out = [Dynamic](repeating: fill, count: a.count)
            for i in a.indices {
                let j = i + n
                if a.indices.contains(j) { out[i] = a[j] }
            }
            return .dynamic(.array(out))
        }
    }
}
