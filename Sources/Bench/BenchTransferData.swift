import Columnar

/// The datasets of `sandpiper bench transfer`, generated from row number `i` and column index `c`.
///
/// These formulas are the single definition; `bench/peers/transfer.py` repeats them with numpy and
/// pyarrow, and the run fails when the two generators' checksums differ. A row is null when
/// `(i * 7 + c * 3) % 1000 < nulls * 1000`, which gives exactly the ratio over every 1000 rows.
///
/// | kind | value |
/// |---|---|
/// | long | `(i * 2654435761 + c * 40503) % 1_000_003 - 500_000` |
/// | int | `(i * 7919 + c * 13) % 65_536 - 32_768` |
/// | real | `((i * 31 + c * 7) % 10_007) / 8.0` |
/// | bool | `(i + c) % 3 == 0` |
/// | datetime | 2020-01-01 + `((i * 1_000_003 + c) % 86_400_000_000)` µs |
/// | timespan | `((i * 7 + c) % 86_400_000)` ms |
/// | string-low | `"s" + String((i + c) % 16)` (16 distinct values) |
/// | string-high | `"v" + String(i * 3 + c)` (all distinct) |
/// | dynamic | `{"k":(i + c) % 1000,"s":"d" + String(i % 7)}` |
public enum BenchColumnKind: String, Sendable, CaseIterable {
    case long, int, real, bool, datetime, timespan
    case stringLow = "string-low", stringHigh = "string-high"
    case dynamic

    public var scalarType: ScalarType {
        switch self {
        case .long: .long
        case .int: .int
        case .real: .real
        case .bool: .bool
        case .datetime: .datetime
        case .timespan: .timespan
        case .stringLow, .stringHigh: .string
        case .dynamic: .dynamic
        }
    }
}

/// One dataset: a type (its column kinds), a null ratio and a row count.
public struct BenchDataset: Sendable, Hashable {
    /// Dataset types and their columns (named c0, c1, ...); `transfer.py`'s DATASETS is the same list.
    public static let types: [(name: String, kinds: [BenchColumnKind])] = [
        ("long", [.long]), ("int", [.int]), ("real", [.real]), ("bool", [.bool]), ("datetime", [.datetime]),
        ("timespan", [.timespan]), ("string-low", [.stringLow]), ("string-high", [.stringHigh]),
        ("dynamic", [.dynamic]),
        ("numeric4", [.long, .real, .long, .real]),
        ("mixed", [.long, .real, .bool, .datetime, .stringLow]),
    ]

    public var type: String
    public var kinds: [BenchColumnKind]
    /// The null ratio as the user wrote it (the peer script builds the same name from the same text).
    public var nullsText: String
    public var rows: Int

    public init(type: String, kinds: [BenchColumnKind], nullsText: String, rows: Int) {
        self.type = type; self.kinds = kinds; self.nullsText = nullsText; self.rows = rows
    }

    public var permille: Int { Int(((Double(nullsText) ?? 0) * 1000).rounded()) }
    /// `numeric4`, or `numeric4+nulls0.1` with nulls.
    public var name: String { permille == 0 ? type : "\(type)+nulls\(nullsText)" }
    /// Name and rows: what identifies a dataset across the two generators.
    public var key: String { "\(name)@\(rows)" }

    public static let datetimeBase: Int64 = 1_577_836_800_000_000_000

    public func isNull(_ i: Int64, _ c: Int64) -> Bool { (i &* 7 &+ c &* 3) % 1000 < Int64(permille) }

    /// The dataset as an engine table.
    public func table() -> Table {
        Table(kinds.enumerated().map { c, kind in ("c\(c)", column(kind, Int64(c))) })
    }

    private func column(_ kind: BenchColumnKind, _ c: Int64) -> Column {
        var b = ColumnBuilder(type: kind.scalarType, capacity: rows)
        for n in 0..<rows {
            let i = Int64(n)
            if isNull(i, c) { b.appendNull(); continue }
            switch kind {
            case .long: b.append(long: (i &* 2_654_435_761 &+ c &* 40503) % 1_000_003 - 500_000)
            case .int: b.append(int: Int32((i &* 7919 &+ c &* 13) % 65_536 - 32_768))
            case .real: b.append(real: Double((i &* 31 &+ c &* 7) % 10_007) / 8.0)
            case .bool: b.append(bool: (i + c) % 3 == 0)
            case .datetime: b.append(long: Self.datetimeBase + ((i &* 1_000_003 &+ c) % 86_400_000_000) * 1000)
            case .timespan: b.append(long: ((i &* 7 &+ c) % 86_400_000) * 1_000_000)
            case .stringLow: b.append(string: "s\((i + c) % 16)")
            case .stringHigh: b.append(string: "v\(i &* 3 &+ c)")
            case .dynamic:
                b.append(dynamic: .bag(PropertyBag([("k", .long((i + c) % 1000)), ("s", .string("d\(i % 7)"))])))
            }
        }
        return b.finish()
    }

    /// Bytes the table takes in the Arrow-like wire layout: validity (when a column has nulls),
    /// values, string offsets and UTF-8 bytes (dynamic as its JSON text). The base of GB/s figures.
    public static func bytes(of table: Table) -> Int {
        var total = 0
        for column in table.columns {
            let n = column.count
            if column.nullCount > 0 { total += Validity.byteCount(for: n) }
            switch column.type {
            case .string:
                total += 8 * (n + 1) + Int(column.offsets[n])
            case .dynamic:
                total += 8 * (n + 1)
                for i in 0..<n where !column.isNull(i) {
                    if case .dynamic(let d) = column.value(i) { total += d.jsonText.utf8.count }
                }
            default:
                total += n * (column.type.fixedWidth ?? 8)
            }
        }
        return total
    }

    /// `L * L + Σ b[j] * (j % 251 + 1)` over the UTF-8 bytes `b` of `s` (length `L`): every byte and
    /// its place count, so a checksum over it covers a string's contents, not only its length.
    public static func stringHash(_ s: String) -> Int64 {
        var total: Int64 = 0, j: Int64 = 0
        for b in s.utf8 {
            total &+= Int64(b) &* (j % 251 + 1)
            j += 1
        }
        return total &+ j &* j
    }

    /// The checksum `transfer_checksum.py` computes, here from an engine table (what came back from Python):
    /// `count:sum` per column (strings by `stringHash`, dynamic by its "k" field plus `stringHash` of "s").
    public static func checksum(of table: Table, kinds: [BenchColumnKind]) -> String {
        guard table.columns.count == kinds.count else { return "columns:\(table.columns.count)!=\(kinds.count)" }
        return zip(kinds, table.columns).map { kind, column in
            var count = 0, total: Int64 = 0
            for i in 0..<column.count where !column.isNull(i) {
                count += 1
                switch (kind, column.value(i)) {
                case (.long, .long(let v)), (.int, .long(let v)): total &+= v
                case (.int, .int(let v)), (.long, .int(let v)): total &+= Int64(v)
                case (.real, .real(let v)): total &+= Int64((v * 8).rounded())
                case (.bool, .bool(let v)): total &+= v ? 1 : 0
                case (.datetime, .datetime(let v)): total &+= (v - datetimeBase) / 1000
                case (.timespan, .timespan(let v)): total &+= v / 1_000_000
                case (.stringLow, .string(let s)), (.stringHigh, .string(let s)): total &+= stringHash(s)
                case (.dynamic, .dynamic(let d)):
                    if case .bag(let bag) = d, case .long(let k)? = bag["k"] { total &+= k }
                    if case .bag(let bag) = d, case .string(let s)? = bag["s"] { total &+= stringHash(s) }
                default: return "type:\(column.type)!=\(kind.rawValue)"
                }
            }
            return "\(count):\(total)"
        }.joined(separator: ",")
    }
}
