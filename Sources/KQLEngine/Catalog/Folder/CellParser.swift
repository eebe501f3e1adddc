import Columnar
import Foundation

/// Turns the text of one CSV/TSV cell into a value of a known type, and guesses a column's type
/// from its cells when the file's header gives none.
public enum CellParser {
    /// The value of `text` as `type`, or nil when the text is not a value of that type: the ingest
    /// mode of the one cast table (`Cast`).
    ///
    /// Surrounding whitespace is ignored; an empty cell is null, except in a `string` column, where it
    /// is the empty string (KQL strings are never null; `null-values.md`). `dynamic` accepts JSON; any
    /// other text becomes a dynamic string.
    public static func parse(_ text: String, as type: ScalarType) -> Value? {
        Cast.value(.string(text), to: type, mode: .ingest)
    }

    /// The narrowest type every non-empty cell parses as, in the order long, real, bool, datetime,
    /// guid, timespan (only `[d.]hh:mm[:ss]` forms), dynamic (JSON objects and arrays), else string.
    public static func inferType<S: Sequence>(_ cells: S) -> ScalarType where S.Element == String {
        var inference = TypeInference()
        for cell in cells {
            inference.add(cell)
            if inference.isSettled { break }
        }
        return inference.type
    }

    /// ``inferType(_:)`` one cell at a time, so a reader streaming a file keeps no cells.
    public struct TypeInference: Sendable {
        private static let order: [ScalarType] = [.long, .real, .bool, .datetime, .guid, .timespan, .dynamic]
        /// Bit `k` set: `order[k]` still fits every cell (a bitmask, as a file may have millions of columns).
        private var candidates: UInt8 = 0b111_1111
        private var sawValue = false

        public init() {}

        /// True once no cell can change the answer (it is `string`).
        public var isSettled: Bool { candidates == 0 }

        /// The type so far.
        public var type: ScalarType {
            guard sawValue, candidates != 0 else { return .string }
            return Self.order[candidates.trailingZeroBitCount]
        }

        public mutating func add(_ cell: String) {
            guard !cell.isEmpty, candidates != 0 else { return }
            sawValue = true
            for (k, t) in Self.order.enumerated() where candidates & (1 << k) != 0 && !fits(cell, t) {
                candidates &= ~(1 << k)
            }
        }
    }

    private static func fits(_ cell: String, _ type: ScalarType) -> Bool {
        switch type {
        case .bool: return cell.utf8.count <= 5 && (cell.lowercased() == "true" || cell.lowercased() == "false")
        case .timespan: return cell.contains(":") && TimespanFormat.parse(cell) != nil
        case .dynamic:
            guard cell.first == "{" || cell.first == "[" else { return false }
            return (try? Dynamic.parseJSON(cell)) != nil
        default: return parse(cell, as: type) != nil
        }
    }

    /// The text a cell is written as, so that `parse(_:as:)` reads the same value back: datetimes in
    /// ISO 8601 with seven fraction digits, reals in shortest round-trip form, dynamic as compact JSON.
    public static func text(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .datetime(let t): return DateTimeFormat.iso8601(t, fractionDigits: 7)
        case .dynamic(let d): return d == .null ? "" : d.jsonText
        default: return value.text
        }
    }
}
