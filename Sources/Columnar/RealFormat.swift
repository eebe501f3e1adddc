/// Text forms of `real` values.
public enum RealFormat {
    /// KQL's `tostring(real)`: integral values without a fraction (`1`), the shortest round-trip
    /// form otherwise (`0.30000000000000004`), exponents as `1E+20`, and `NaN`, `Infinity`, `-Infinity`.
    public static func string(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Infinity" : "Infinity" }
        if v == v.rounded(), v.magnitude < 1e15 { return String(Int64(v)) }
        let s = "\(v)"
        guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return s }
        var mantissa = String(s[..<e])
        if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
        var exponent = String(s[s.index(after: e)...])
        var sign = "+"
        if exponent.hasPrefix("-") {
            sign = "-"; exponent.removeFirst()
        } else if exponent.hasPrefix("+") {
            exponent.removeFirst()
        }
        if exponent.count < 2 { exponent = "0" + exponent }
        return mantissa + "E" + sign + exponent
    }

    /// A JSON number for `v`; non-finite values become the strings the REST API uses.
    public static func json(_ v: Double) -> String {
        if v.isNaN { return "\"NaN\"" }
        if v.isInfinite { return v < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
        if v == v.rounded(), v.magnitude < 1e15 { return String(Int64(v)) + ".0" }
        return "\(v)"
    }
}
