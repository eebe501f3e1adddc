import Columnar
import Foundation

/// `parse_version(text)`: a version of one to four dot-separated parts, each of one to eight digits, as
/// a decimal that orders as the versions do: the parts are the 8-digit groups of the number, missing
/// trailing parts being 0 (`1.2` is 1000000002 × 10^16). Null for anything else.
enum ParseVersion {
    static func parse(_ text: String) -> Value {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return .null }
        var digits = ""
        for (i, p) in parts.enumerated() {
            guard (1...8).contains(p.utf8.count), p.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return .null }
            digits += i == 0 ? String(p) : String(repeating: "0", count: 8 - p.utf8.count) + p
        }
        digits += String(repeating: "0", count: 8 * (4 - parts.count))
        return Decimal(string: digits).map(Value.decimal) ?? .null
    }
}
