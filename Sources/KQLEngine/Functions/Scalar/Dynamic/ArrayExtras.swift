import Columnar
import Foundation

/// Array and bag functions that map one row at a time over boxed values: `array_reverse`,
/// `array_sum`, `array_sort_asc`, `array_sort_desc`, `array_index_of`, `array_shift_left`,
/// `array_shift_right`, `array_rotate_left`, `array_rotate_right`, `set_has_element`,
/// `set_difference`, `bag_has_key`, `bag_remove_keys`, `bag_set_key`. A non-array (non-bag)
/// input gives null.
enum DynamicExtraFunction {
    static func array(_ v: Value) -> [Dynamic]? {
        if case .dynamic(.array(let a)) = v { return a }
        return nil
    }

    static let arrayReverse = RowFunction(name: "array_reverse", arity: 1...1, kinds: [.dynamic], out: .dynamic, strict: false) { r in
        guard let a = array(r[0]) else { return .dynamic(.null) }
        return .dynamic(.array(a.reversed()))
    }

    /// The sum of the numeric elements as a real; non-numeric elements are skipped.
    static let arraySum = RowFunction(name: "array_sum", arity: 1...1, kinds: [.dynamic], out: .real, strict: false) { r in
        guard let a = array(r[0]) else { return .null }
        var sum = 0.0
        for x in a { if let d = Numeric.double(ValueOrder.unwrap(.dynamic(x))) { sum += d } }
        return .real(sum)
    }

    static let arraySortAsc = sort(name: "array_sort_asc", ascending: true)
    static let arraySortDesc = sort(name: "array_sort_desc", ascending: false)

    /// Sorts one array; nulls go last unless the optional bool says otherwise.
    static func sort(name: String, ascending: Bool) -> RowFunction {
        RowFunction(name: name, arity: 1...2, kinds: [.dynamic, .bool], out: .dynamic, strict: false) { r in
            guard let a = array(r[0]) else { return .dynamic(.null) }
            var nullsLast = true
            if r.count > 1, case .bool(let b) = ValueOrder.unwrap(r[1]) { nullsLast = b }
            let nulls = a.filter { $0 == .null }
            let values = a.filter { $0 != .null }
            let sorted = values.sorted { x, y in
                let c = ValueOrder.compare(.dynamic(x), .dynamic(y)) ?? (x.jsonText < y.jsonText ? -1 : 1)
                return ascending ? c < 0 : c > 0
            }
            return .dynamic(.array(nullsLast ? sorted + nulls : nulls + sorted))
        }
    }

    /// `array_index_of(a, v [, start [, length [, occurrence]]])`: the position of `v`, or -1.
    static let arrayIndexOf = RowFunction(name: "array_index_of", arity: 2...5,
                                                   kinds: [.dynamic, .any, .integer, .integer, .integer], out: .long, strict: false) { r in
        guard let a = array(r[0]) else { return .null }
        var start = r.count > 2 ? Int(Numeric.long(r[2]) ?? 0) : 0
        if start < 0 { start = max(0, a.count + start) }
        let length = r.count > 3 ? Int(Numeric.long(r[3]) ?? -1) : -1
        let occurrence = r.count > 4 ? Int(Numeric.long(r[4]) ?? 1) : 1
        guard start <= a.count, occurrence > 0 else { return .long(-1) }
        let end = length < 0 ? a.count : min(a.count, start + length)
        var seen = 0
        for i in start..<end where ValueOrder.equal(.dynamic(a[i]), r[1]) == true {
            seen += 1
            if seen == occurrence { return .long(Int64(i)) }
        }
        return .long(-1)
    }

    static let arrayShiftLeft = shift(name: "array_shift_left", sign: 1)
    static let arrayShiftRight = shift(name: "array_shift_right", sign: -1)

    /// Shifts elements by `n` positions, filling with null or the optional fill value.
    static func shift(name: String, sign: Int) -> RowFunction {
        RowFunction(name: name, arity: 2...3, kinds: [.dynamic, .integer, .any], out: .dynamic, strict: false) { r in
            guard let a = array(r[0]), let n64 = Numeric.long(r[1]) else { return .dynamic(.null) }
            let fill = r.count > 2 ? r[2].asDynamic : .null
            let n = Int(n64) * sign
            var out = [Dynamic](repeating: fill, count: a.count)
            for i in a.indices {
                let j = i + n
                if a.indices.contains(j) { out[i] = a[j] }
            }
            return .dynamic(.array(out))
        }
    }

    static let arrayRotateLeft = rotate(name: "array_rotate_left", sign: 1)
    static let arrayRotateRight = rotate(name: "array_rotate_right", sign: -1)

    static func rotate(name: String, sign: Int) -> RowFunction {
        RowFunction(name: name, arity: 2...2, kinds: [.dynamic, .integer], out: .dynamic, strict: false) { r in
            guard let a = array(r[0]), let n64 = Numeric.long(r[1]) else { return .dynamic(.null) }
            guard !a.isEmpty else { return .dynamic(.array(a)) }
            let k = ((Int(n64 % Int64(a.count)) * sign) % a.count + a.count) % a.count
            return .dynamic(.array(Array(a[k...] + a[..<k])))
        }
    }

    static let setHasElement = RowFunction(name: "set_has_element", arity: 2...2, kinds: [.dynamic, .any], out: .bool, strict: false) { r in
        guard let a = array(r[0]) else { return .null }
        return .bool(a.contains { ValueOrder.equal(.dynamic($0), r[1]) == true })
    }

    /// Distinct elements of the first array that are in none of the others.
    static let setDifference = RowFunction(name: "set_difference", arity: 2...64, kinds: [.dynamic], out: .dynamic, strict: false) { r in
        var arrays: [[Dynamic]] = []
        for v in r {
            guard let a = array(v) else { return .dynamic(.null) }
            arrays.append(a)
        }
        let others = Set(arrays.dropFirst().joined())
        var seen = Set<Dynamic>(), out: [Dynamic] = []
        for x in arrays[0] where !others.contains(x) && seen.insert(x).inserted { out.append(x) }
        return .dynamic(.array(out))
    }

    static let bagHasKey = RowFunction(name: "bag_has_key", arity: 2...2, kinds: [.dynamic, .string], out: .bool, strict: false) { r in
        guard case .dynamic(.bag) = r[0] else { return .null }
        var d: Dynamic = r[0].asDynamic
        for k in path(r[1].text) {
            guard let next = d[key: k] else { return .bool(false) }
            d = next
        }
        return .bool(true)
    }

    static let bagRemoveKeys = RowFunction(name: "bag_remove_keys", arity: 2...2, kinds: [.dynamic, .dynamic],
                                                    out: .dynamic, strict: false) { r in
        guard case .dynamic(.bag) = r[0], let keys = array(r[1]) else { return .dynamic(.null) }
        var d = r[0].asDynamic
        for k in keys { d = updating(d, path(Value.dynamic(k).text)[...], with: nil) }
        return .dynamic(d)
    }

    static let bagSetKey = RowFunction(name: "bag_set_key", arity: 3...3, kinds: [.dynamic, .string, .any],
                                                out: .dynamic, strict: false) { r in
        guard case .dynamic(.bag) = r[0] else { return .dynamic(.null) }
        return .dynamic(updating(r[0].asDynamic, path(r[1].text)[...], with: r[2].asDynamic))
    }

    /// The keys of a bag path: `key`, `$.a.b` or `$['a']['b']`.
    static func path(_ text: String) -> [String] {
        guard text.hasPrefix("$") else { return [text] }
        var keys: [String] = [], current = "", i = text.index(after: text.startIndex)
        while i < text.endIndex {
            let c = text[i]
            if c == "." {
                if !current.isEmpty { keys.append(current); current = "" }
            } else if c == "[" {
                if !current.isEmpty { keys.append(current); current = "" }
                guard let close = text[i...].firstIndex(of: "]") else { break }
                keys.append(text[text.index(after: i)..<close].trimmingCharacters(in: CharacterSet(charactersIn: "'\"")))
                i = close
            } else {
                current.append(c)
            }
            i = text.index(after: i)
        }
        if !current.isEmpty { keys.append(current) }
        return keys
    }

    /// `d` with the value at `path` replaced (created as nested bags when missing), or removed for nil.
    static func updating(_ d: Dynamic, _ path: ArraySlice<String>, with value: Dynamic?) -> Dynamic {
        guard let k = path.first else { return value ?? d }
        guard case .bag(var b) = d else { return value == nil ? d : updating(.bag(PropertyBag()), path, with: value) }
        if path.count == 1 {
            b[k] = value
        } else if let child = b[k] {
            b[k] = updating(child, path.dropFirst(), with: value)
        } else if value != nil {
            b[k] = updating(.bag(PropertyBag()), path.dropFirst(), with: value)
        }
        return .bag(b)
    }
}
