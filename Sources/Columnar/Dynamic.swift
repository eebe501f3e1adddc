import Foundation

/// A value of KQL's `dynamic` type: JSON-like, with KQL's scalar types inside.
public indirect enum Dynamic: Sendable, Hashable {
    case null
    case bool(Bool)
    case long(Int64)
    case real(Double)
    case decimal(Decimal)
    case string(String)
    case datetime(Int64)
    case timespan(Int64)
    case guid(UUID)
    case array([Dynamic])
    case bag(PropertyBag)

    /// The element at `index` of an array (negative counts from the end), or nil.
    public subscript(index index: Int) -> Dynamic? {
        guard case .array(let items) = self else { return nil }
        let i = index < 0 ? items.count + index : index
        return items.indices.contains(i) ? items[i] : nil
    }

    /// The value of `key` in a property bag, or nil.
    public subscript(key key: String) -> Dynamic? {
        guard case .bag(let bag) = self else { return nil }
        return bag[key]
    }

    /// The name `gettype()` reports for this value.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .long: return "long"
        case .real: return "real"
        case .decimal: return "decimal"
        case .string: return "string"
        case .datetime: return "datetime"
        case .timespan: return "timespan"
        case .guid: return "guid"
        case .array: return "array"
        case .bag: return "dictionary"
        }
    }
}

/// An ordered property bag: keys keep the order they were first set in.
public struct PropertyBag: Sendable, Hashable {
    public private(set) var keys: [String] = []
    public private(set) var values: [Dynamic] = []

    public init() {}

    /// Builds a bag from pairs; a later duplicate key replaces the earlier value.
    public init(_ pairs: [(String, Dynamic)]) {
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public subscript(key: String) -> Dynamic? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let i = keys.firstIndex(of: key) {
                if let newValue { values[i] = newValue } else { keys.remove(at: i); values.remove(at: i) }
            } else if let newValue {
                keys.append(key); values.append(newValue)
            }
        }
    }

    /// The pairs in order.
    public var pairs: [(key: String, value: Dynamic)] { zip(keys, values).map { ($0, $1) } }

    // Equality ignores key order, as JSON objects do.
    public static func == (a: PropertyBag, b: PropertyBag) -> Bool {
        guard a.count == b.count else { return false }
        for (k, v) in a.pairs where b[k] != v { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for k in keys.sorted() { hasher.combine(k); hasher.combine(self[k]) }
    }
}
