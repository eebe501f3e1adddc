import Columnar
import Foundation
import KQLSyntax

/// Reads JSON Lines: one JSON object per line, each key a column (first-seen order); a missing key is null.
///
/// Column types: JSON numbers give `long` (all integral) or `real`; `true`/`false` give `bool`; strings
/// give `datetime` or `guid` when every one parses as such, else `string`; objects and arrays give
/// `dynamic`, and so does a column mixing kinds. With a `schema` (`.ingest inline with (format=json)`)
/// each value is converted to the declared type instead.
public enum JSONLinesReader {
    public static func read(_ text: String, source: String, schema: Schema? = nil) throws(KQLError) -> Table {
        var names: [String] = schema?.names ?? []
        var seen = Set(names)
        var rows: [(line: Int, bag: PropertyBag)] = []
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy(\.isWhitespace) { continue }
            let value: Dynamic
            do {
                value = try Dynamic.parseJSON(String(line))
            } catch {
                throw KQLError(.data, "\(source):\(lineNumber): \(error.description)",
                               hint: "each line must be one complete JSON object, e.g. {\"Id\": 1, \"Name\": \"a\"}")
            }
            guard case .bag(let bag) = value else {
                throw KQLError(.data, "\(source):\(lineNumber): the line is a JSON \(value.typeName), not an object",
                               hint: "each line must be one JSON object, e.g. {\"Id\": 1, \"Name\": \"a\"}")
            }
            if schema == nil { for key in bag.keys where seen.insert(key).inserted { names.append(key) } }
            rows.append((lineNumber, bag))
        }
        var fields: [Field] = [], columns: [Column] = []
        for (c, name) in names.enumerated() {
            let cells = rows.map { ($0.bag[name] ?? .null, $0.line) }
            let type = schema?.fields[c].type ?? inferType(cells.map(\.0))
            var builder = ColumnBuilder(type: type, capacity: cells.count)
            for (cell, line) in cells {
                guard let v = convert(cell, to: type) else {
                    throw KQLError(.data, "\(source):\(line): \(cell.jsonText.prefix(60)) in column \(name) is not a \(type)",
                                   hint: "fix the value, or give the column another type")
                }
                builder.append(v)
            }
            fields.append(Field(name, type)); columns.append(builder.finish())
        }
        return Table(schema: Schema(fields), columns: columns, rowCount: rows.count)
    }

    static func inferType(_ values: [Dynamic]) -> ScalarType {
        var kinds = Set<String>()
        var allDatetime = true, allGuid = true
        for v in values {
            switch v {
            case .null: continue
            case .long: kinds.insert("long")
            case .real: kinds.insert("real")
            case .bool: kinds.insert("bool")
            case .string(let s):
                kinds.insert("string")
                if allDatetime, DateTimeFormat.parse(s) == nil || !s.contains("-") { allDatetime = false }
                if allGuid, UUID(uuidString: s) == nil { allGuid = false }
            default: kinds.insert("dynamic")
            }
        }
        if kinds.isEmpty { return .string }
        if kinds == ["long"] { return .long }
        if kinds == ["long", "real"] || kinds == ["real"] { return .real }
        if kinds == ["bool"] { return .bool }
        if kinds == ["string"] { return allDatetime ? .datetime : (allGuid ? .guid : .string) }
        return .dynamic
    }

    /// A JSON value as `type`, or nil when it cannot be one.
    static func convert(_ v: Dynamic, to type: ScalarType) -> Value? {
        if case .null = v { return type == .dynamic ? .dynamic(.null) : .null }
        switch (type, v) {
        case (.dynamic, _): return .dynamic(v)
        case (.string, .string(let s)): return .string(s)
        case (.string, _): return .string(v.jsonText)
        case (.long, .long(let x)): return .long(x)
        case (.int, .long(let x)): return Int32(exactly: x).map(Value.int)
        case (.real, .long(let x)): return .real(Double(x))
        case (.real, .real(let x)): return .real(x)
        case (.decimal, .long(let x)): return .decimal(Decimal(x))
        case (.decimal, .real(let x)): return .decimal(Decimal(x))
        case (.bool, .bool(let b)): return .bool(b)
        case (_, .string(let s)): return CellParser.parse(s, as: type)
        default: return nil
        }
    }
}
