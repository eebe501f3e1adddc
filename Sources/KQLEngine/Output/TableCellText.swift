import Columnar
import Foundation

/// The text of one cell in the table format, which is for reading, not for reading back (csv and
/// json keep every value exactly):
///
/// - a null prints as `null`, and a string whose text is `null` in quotes (`"null"`), so the two
///   cannot be mistaken for each other;
/// - a real prints with at most 15 significant digits, the precision a double holds for any decimal
///   written with that many, so a sum prints `22671.9` rather than `22671.899999999998`.
enum TableCellText {
    static func text(_ column: Column, _ row: Int) -> String {
        let v = column.value(row)
        switch v {
        case .null: return "null"
        case .string("null"): return "\"null\""
        case .real(let r) where r.isFinite:
            return RealFormat.string(Double(String(format: "%.15g", r)) ?? r)
        default:
            return DisplayText.cell(column, row) ?? "null"
        }
    }
}
