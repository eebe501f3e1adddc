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

/// An ordered property bag: keys keep the order they were first set in; setting a key again keeps
/// its place and replaces its value.
///
/// Bags past a few keys carry a hash index from key to position, so a lookup or a set costs the same
/// in a bag of 100,000 keys as in one of three, and building a bag key by key (`make_bag`, JSON
/// objects, `bag_merge`) is linear. Small bags are searched directly, which is faster than hashing.
public struct PropertyBag: Sendable, Hashable {
    public private(set) var keys: [String] = []
    public private(set) var values: [Dynamic] = []
    /// Position of each key in `keys`; nil while the bag has at most `PropertyBag.indexThreshold` keys.
    private var positions: [String: Int]?

    /// Above this many keys a bag keeps its index.
    static let indexThreshold = 8

    public init() {}

    /// Builds a bag from pairs; a later duplicate key replaces the earlier value.
    public init(_ pairs: [(String, Dynamic)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The position of `key` in `keys`, or nil.
    public func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return keys.firstIndex(of: key)
    }

    public subscript(key: String) -> Dynamic? {
        get { position(of: key).map { values[$0] } }
        set {
            if let i = position(of: key) {
                if let newValue { values[i] = newValue } else { remove(at: i) }
            } else if let newValue {
                keys.append(key); values.append(newValue)
                if positions != nil {
                    positions![key] = keys.count - 1
                } else if keys.count > Self.indexThreshold {
                    buildIndex()
                }
            }
        }
    }

    /// The bag without the keys in `removed`, in one pass (removing keys one by one would shift the
    /// rest of the bag each time).
    public func removing(_ removed: Set<String>) -> PropertyBag {
        var out = PropertyBag()
        for (k, v) in zip(keys, values) where !removed.contains(k) { out.append(uniqueKey: k, v) }
        return out
    }

    /// Appends `key`, which the caller knows is not in the bag yet.
    private mutating func append(uniqueKey key: String, _ value: Dynamic) {
        keys.append(key); values.append(value)
        if positions != nil {
            positions![key] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
            buildIndex()
        }
    }

    private mutating func remove(at i: Int) {
        keys.remove(at: i); values.remove(at: i)
        // The keys after `i` moved one place up: the index is rebuilt, as the arrays were shifted (O(n) either way).
        if positions != nil { if keys.count <= Self.indexThreshold { positions = nil } else { buildIndex() } }
    }

    private mutating func buildIndex() {
        var index = [String: Int](minimumCapacity: keys.count)
        for (i, k) in keys.enumerated() { index[k] = i }
        positions = index
    }

    /// The pairs in order.
    public var pairs: [(key: String, value: Dynamic)] { zip(keys, values).map { ($0, $1) } }

    // Equality ignores key order, as JSON objects do.
    public static func == (a: PropertyBag, b: PropertyBag) -> Bool {
        guard a.count == b.count else { return false }
        for (k, v) in zip(a.keys, a.values) where b[k] != v { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        // Order-independent, to agree with ==: the sorted keys, each with its value.
        for i in keys.indices.sorted(by: { keys[$0] < keys[$1] }) { hasher.combine(keys[i]); hasher.combine(values[i]) }
    }
}
