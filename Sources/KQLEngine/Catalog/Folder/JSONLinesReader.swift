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
        try read(TextBytes(text: text), source: source, schema: schema)
    }

    /// A JSON Lines file read from disk a megabyte at a time: a first pass finds the columns and their
    /// types, a second builds the columns, so memory follows the table, not the text.
    public static func read(file path: String) throws(KQLError) -> Table {
        try read(try TextBytes(file: path), source: path, schema: nil)
    }

    static func read(_ bytes: TextBytes, source: String, schema: Schema?) throws(KQLError) -> Table {
        var names: [String] = schema?.names ?? []
        var index: [String: Int] = [:]
        for (i, n) in names.enumerated() { index[n] = i }
        var inferences: [TypeInference] = []
        if schema == nil {
            try forEachObject(bytes, source: source) { (bag, _) throws(KQLError) in
                for (key, value) in bag.pairs {
                    let c: Int
                    if let i = index[key] {
                        c = i
                    } else {
                        c = names.count
                        index[key] = c; names.append(key); inferences.append(TypeInference())
                    }
                    inferences[c].add(value)
                }
            }
        }
        let types = schema?.fields.map(\.type) ?? inferences.map(\.type)
        var builders = types.map { ColumnBuilder(type: $0) }
        var rows = 0
        var cells = [Dynamic?](repeating: nil, count: names.count)
        try forEachObject(bytes, source: source) { (bag, line) throws(KQLError) in
            for i in cells.indices { cells[i] = nil }
            for (key, value) in bag.pairs { if let c = index[key] { cells[c] = value } }
            for c in cells.indices {
                let cell = cells[c] ?? .null
                guard let v = convert(cell, to: types[c]) else {
                    throw KQLError(
                        .data,
                        "\(source):\(line): \(cell.jsonText.prefix(60)) in column \(names[c]) is not a \(types[c])",
                        hint: "fix the value, or give the column another type")
                }
                builders[c].append(v)
            }
            rows += 1
        }
        let fields = zip(names, types).map { Field($0, $1) }
        return Table(schema: Schema(fields), columns: builders.map { $0.finish() }, rowCount: rows)
    }

    /// Calls `body` with each line's object and its line number; blank lines are skipped, anything else
    /// that is not one JSON object is `E_DATA` at its line.
    private static func forEachObject(
        _ bytes: TextBytes, source: String,
        _ body: (PropertyBag, Int) throws(KQLError) -> Void
    ) throws(KQLError) {
        var lines = LineSplitter()
        func handle(_ line: UnsafeRawBufferPointer, _ number: Int) throws(KQLError) {
            guard TextBytes.isValidUTF8(line) else {
                throw KQLError(
                    .data, "cannot read \(source) as UTF-8 text: line \(number) is not valid UTF-8",
                    hint: "save the file as UTF-8, or move it out of the database folder")
            }
            let text = String(decoding: line, as: UTF8.self)
            if text.allSatisfy(\.isWhitespace) { return }
            let value: Dynamic
            do throws(JSONParseError) {
                value = try Dynamic.parseJSON(text)
            } catch {
                throw KQLError(
                    .data, "\(source):\(number): invalid JSON at column \(error.column): \(error.reason)",
                    hint: "each line must be one complete JSON object, e.g. {\"Id\": 1, \"Name\": \"a\"}", cause: error)
            }
            guard case .bag(let bag) = value else {
                throw KQLError(
                    .data, "\(source):\(number): the line is a JSON \(value.typeName), not an object",
                    hint: "each line must be one JSON object, e.g. {\"Id\": 1, \"Name\": \"a\"}")
            }
            try body(bag, number)
        }
        try bytes.forEachChunk { (chunk) throws(KQLError) in try lines.feed(chunk, handle) }
        try lines.finish(handle)
    }

    /// Splits chunks into lines at LF (a CR before it is dropped), holding only a line that spans chunks.
    private struct LineSplitter {
        var partial: [UInt8] = []
        var number = 0
        var atStart = true

        mutating func feed(
            _ chunk: UnsafeRawBufferPointer,
            _ line: (UnsafeRawBufferPointer, Int) throws(KQLError) -> Void
        ) throws(KQLError) {
            var bytes = chunk[...]
            if atStart, !bytes.isEmpty {
                // A byte-order mark (it arrives in one piece: chunks are a megabyte).
                atStart = false
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            }
            while let lf = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                number += 1
                if partial.isEmpty {
                    try emit(UnsafeRawBufferPointer(rebasing: bytes[bytes.startIndex..<lf]), line)
                } else {
                    partial.append(contentsOf: bytes[bytes.startIndex..<lf])
                    try emitPartial(line)
                }
                bytes = bytes[(lf + 1)...]
            }
            partial.append(contentsOf: bytes)
        }

        mutating func finish(_ line: (UnsafeRawBufferPointer, Int) throws(KQLError) -> Void) throws(KQLError) {
            guard !partial.isEmpty else { return }
            number += 1
            try emitPartial(line)
        }

        private mutating func emitPartial(_ line: (UnsafeRawBufferPointer, Int) throws(KQLError) -> Void)
            throws(KQLError)
        {
            let n = number
            let outcome: Result<Void, KQLError> = partial.withUnsafeBytes { b in
                do throws(KQLError) { try emit(b, n, line); return .success(()) } catch { return .failure(error) }
            }
            partial.removeAll(keepingCapacity: partial.capacity <= 1 << 20)
            try outcome.get()
        }

        private func emit(_ b: UnsafeRawBufferPointer, _ line: (UnsafeRawBufferPointer, Int) throws(KQLError) -> Void)
            throws(KQLError)
        {
            try emit(b, number, line)
        }

        private func emit(
            _ b: UnsafeRawBufferPointer, _ n: Int,
            _ line: (UnsafeRawBufferPointer, Int) throws(KQLError) -> Void
        ) throws(KQLError) {
            let trimmed = b.last == UInt8(ascii: "\r") ? UnsafeRawBufferPointer(rebasing: b.dropLast()) : b
            try line(trimmed, n)
        }
    }

    static func inferType(_ values: [Dynamic]) -> ScalarType {
        var inference = TypeInference()
        for v in values { inference.add(v) }
        return inference.type
    }

    /// The column type of JSON values, one value at a time.
    struct TypeInference {
        var kinds = Set<String>()
        var allDatetime = true, allGuid = true

        mutating func add(_ v: Dynamic) {
            switch v {
            case .null: return
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

        var type: ScalarType {
            if kinds.isEmpty { return .string }
            if kinds == ["long"] { return .long }
            if kinds == ["long", "real"] || kinds == ["real"] { return .real }
            if kinds == ["bool"] { return .bool }
            if kinds == ["string"] { return allDatetime ? .datetime : (allGuid ? .guid : .string) }
            return .dynamic
        }
    }

    /// A JSON value as `type`, or nil when it cannot be one: the ingest mode of the one cast table
    /// (a value of the column's type or one that widens losslessly; a JSON string is read as a cell).
    static func convert(_ v: Dynamic, to type: ScalarType) -> Value? {
        Cast.value(.dynamic(v), to: type, mode: .ingest)
    }
}
