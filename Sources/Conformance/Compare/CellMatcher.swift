import Columnar
import Foundation

/// Decides whether one cell a document shows matches one actual value.
///
/// The rules, by the actual column's type (see `TableComparer` for the table-level rules):
/// - any type: an empty cell or `null` matches a null value; an empty cell also matches an empty string
///   (and a NaN real, which a document cannot tell from null);
/// - `bool`: `true`/`false`/`1`/`0`, any letter case (`True`, as pandas prints);
/// - `int`, `long`, `real`, `decimal`: numerically, within the precision the document writes (`ExpectedNumber`);
/// - `datetime`, `timespan`: whatever spelling the document uses, at the precision it writes (`ExpectedTime`);
/// - `guid`: case-insensitive, braces optional;
/// - `string`: exact, except that runs of whitespace count as one space (markdown cannot show more);
/// - `dynamic`: as JSON, ignoring whitespace and key order, numbers compared as numbers (a quoted number in the
///   document matches a real, as the pages print long reals quoted); a cell that is not JSON is compared with the
///   value's text (`abc` for the dynamic string "abc").
///
/// Where a page presents a value in a way these rules do not read (thousands separators, a string in quotes, a
/// markdown autolink, single-quoted or bare-word JSON), `PresentationalCell` reads it back first.
public enum CellMatcher {
    /// Whether the document's `expected` text matches `actual`.
    public static func matches(_ expected: String, _ actual: Value, tolerance: Double? = nil) -> Bool {
        let e = expected.trimmed
        if actual.isNull { return e.isEmpty || e.lowercased() == "null" }
        switch actual {
        case .null: return e.isEmpty
        case .bool(let b):
            switch e.lowercased() {
            case "true", "1": return b
            case "false", "0": return !b
            default: return false
            }
        case .int(let v): return number(e, Double(v), exactInteger: Int64(v), tolerance: tolerance)
        case .long(let v): return number(e, Double(v), exactInteger: v, tolerance: tolerance)
        case .real(let v):
            if v.isNaN, e.isEmpty { return true }
            return number(e, v, exactInteger: nil, tolerance: tolerance)
        case .decimal(let d):
            return number(e, NSDecimalNumber(decimal: d).doubleValue, exactInteger: nil, tolerance: tolerance)
        case .datetime(let v): return ExpectedTime.datetime(e)?.matches(v) ?? false
        case .timespan(let v): return ExpectedTime.timespan(e)?.matches(v) ?? false
        case .guid(let g):
            var t = e.lowercased()
            if t.hasPrefix("{"), t.hasSuffix("}") { t = String(t.dropFirst().dropLast()) }
            if t.hasPrefix("guid("), t.hasSuffix(")") { t = String(t.dropFirst(5).dropLast()) }
            return t == g.uuidString.lowercased()
        case .string(let s):
            if collapseSpaces(s) == collapseSpaces(e) { return true }
            return PresentationalCell.unwrappedString(e).map { collapseSpaces($0) == collapseSpaces(s) } ?? false
        case .dynamic(let d):
            if case .string(let s) = d, collapseSpaces(s) == collapseSpaces(e) { return true }
            if let parsed = try? Dynamic.parseJSON(e) { return dynamic(parsed, d, tolerance: tolerance) }
            if let strict = PresentationalCell.strictJSON(e), let parsed = try? Dynamic.parseJSON(strict) {
                return dynamic(parsed, d, tolerance: tolerance)
            }
            return collapseSpaces(actual.text) == collapseSpaces(e)
        }
    }

    static func number(_ cell: String, _ actual: Double, exactInteger: Int64?, tolerance: Double?) -> Bool {
        let e = PresentationalCell.ungrouped(cell) ?? cell
        // Integers beyond 2^53 lose digits as doubles: compare them as integers when the cell is one.
        if let exactInteger, let written = Int64(e) {
            return written == exactInteger
                || (tolerance.map { abs(Double(written - exactInteger)) <= $0 * max(1, abs(Double(written))) } ?? false)
        }
        guard let n = ExpectedNumber(e) else { return false }
        return n.matches(actual, tolerance: tolerance)
    }

    /// Structural equality of JSON-like values: key order ignored, numbers by value, strings in a dynamic
    /// compared with datetimes, timespans and guids by their meaning.
    static func dynamic(_ expected: Dynamic, _ actual: Dynamic, tolerance: Double?) -> Bool {
        switch (expected, actual) {
        case (.null, .null): return true
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { dynamic($0, $1, tolerance: tolerance) }
        case (.bag(let a), .bag(let b)):
            guard a.count == b.count else { return false }
            for (k, v) in a.pairs {
                guard let w = b[k], dynamic(v, w, tolerance: tolerance) else { return false }
            }
            return true
        case (.string(let s), .datetime(let v)): return ExpectedTime.datetime(s)?.matches(v) ?? false
        case (.string(let s), .timespan(let v)): return ExpectedTime.timespan(s)?.matches(v) ?? false
        case (.string(let s), .guid(let g)): return s.lowercased() == g.uuidString.lowercased()
        case (.string(let s), .real):
            // The pages print a real that needs all 17 digits inside a dynamic as a quoted string
            // (`["-1.5707963267948966",0]`); it is compared as the number it spells.
            guard let x = Double(s), let y = numeric(actual) else { return false }
            return x == y || abs(x - y) <= (tolerance ?? 1e-12) * max(1, abs(x))
        default:
            if let x = numeric(expected), let y = numeric(actual) {
                if x == y { return true }
                let tol = tolerance ?? 1e-12
                return abs(x - y) <= tol * max(1, abs(x))
            }
            return expected == actual
        }
    }

    static func numeric(_ d: Dynamic) -> Double? {
        switch d {
        case .long(let v): return Double(v)
        case .real(let v): return v
        case .decimal(let v): return NSDecimalNumber(decimal: v).doubleValue
        default: return nil
        }
    }

    static func collapseSpaces(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
