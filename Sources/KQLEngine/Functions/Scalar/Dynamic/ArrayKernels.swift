import Columnar

/// The array and set functions of the dynamic family whose whole logic is one row kernel.
extension DynamicFunctions {
    static let arrayKernels: [FunctionDeclaration] = [
        .row(
            "jaccard_index", arity: 2...2, [.dynamic, .dynamic], out: .real, strict: false,
            "The size of two arrays' intersection over that of their union, duplicates ignored.",
            example: "print jaccard_index(dynamic([1, 2, 3]), dynamic([1, 2, 3, 4]))"
        ) { r in
            guard let a = array(r[0]), let b = array(r[1]) else { return .null }
            let x = Set(a), y = Set(b)
            // Two empty sets share nothing and cover nothing: 0/0, NaN, as real division gives.
            return .real(Double(x.intersection(y).count) / Double(x.union(y).count))
        },
        // The reference sets no count; Kusto.Language's signature allows 32767 (`short.MaxValue`) values, and
        // published hunting queries list more than 64 hashes in one call.
        .row(
            "pack_array", arity: 1...Int(Int16.max), [.any], out: .dynamic, strict: false,
            "A dynamic array of its arguments.",
            example: "print pack_array(1, 'a', 2.5)"
        ) { r in
            .dynamic(.array(r.map(\.asDynamic)))
        },
        .row(
            "array_length", arity: 1...1, [.dynamic], out: .long, strict: false,
            "The number of elements of an array (null for a non-array).",
            example: "print array_length(dynamic([1, 2, 3]))"
        ) { r in
            array(r[0]).map { .long(Int64($0.count)) } ?? .null
        },
        .row(
            "array_reverse", arity: 1...1, [.dynamic], out: .dynamic, strict: false,
            "An array's elements in reverse order.", example: "print array_reverse(dynamic([1, 2, 3]))"
        ) { r in
            guard let a = array(r[0]) else { return .dynamic(.null) }
            return .dynamic(.array(a.reversed()))
        },
        .row(
            "array_sum", arity: 1...1, [.dynamic], out: .real, strict: false,
            "The sum of an array's numeric elements, as a real.", example: "print array_sum(dynamic([1, 2.5, 3]))"
        ) { r in
            guard let a = array(r[0]) else { return .null }
            var sum = 0.0
            for x in a { if let d = Numeric.double(ValueOrder.unwrap(.dynamic(x))) { sum += d } }
            return .real(sum)
        },
        .row(
            "array_index_of", arity: 2...5, [.dynamic, .any, .integer, .integer, .integer], out: .long, strict: false,
            "The 0-based position of a value in an array (from a start, within a length, n-th occurrence), -1 if absent.",
            example: "print array_index_of(dynamic(['a', 'b', 'c']), 'b')"
        ) { r in
            guard let a = array(r[0]) else { return .null }
            var start = r.count > 2 ? Int(Numeric.long(r[2]) ?? 0) : 0
            if start < 0 { start = max(0, a.count + start) }
            let length = r.count > 3 ? Int(Numeric.long(r[3]) ?? -1) : -1
            let occurrence = r.count > 4 ? Int(Numeric.long(r[4]) ?? 1) : 1
            guard start <= a.count, occurrence > 0 else { return .long(-1) }
            // start <= a.count here, so comparing with what is left avoids forming start + length.
            let end = length < 0 || length >= a.count - start ? a.count : start + length
            var seen = 0
            for i in start..<end where ValueOrder.equal(.dynamic(a[i]), r[1]) == true {
                seen += 1
                if seen == occurrence { return .long(Int64(i)) }
            }
            return .long(-1)
        },
        shift(
            "array_shift_left", sign: 1, "An array shifted left by n positions, filled with null or a given value.",
            example: "print array_shift_left(dynamic([1, 2, 3, 4]), 1)"),
        shift(
            "array_shift_right", sign: -1, "An array shifted right by n positions, filled with null or a given value.",
            example: "print array_shift_right(dynamic([1, 2, 3, 4]), 1, 0)"),
        rotate(
            "array_rotate_left", sign: 1, "An array rotated left by n positions.",
            example: "print array_rotate_left(dynamic([1, 2, 3, 4]), 1)"),
        rotate(
            "array_rotate_right", sign: -1, "An array rotated right by n positions.",
            example: "print array_rotate_right(dynamic([1, 2, 3, 4]), 1)"),
        .row(
            "set_has_element", arity: 2...2, [.dynamic, .any], out: .bool, strict: false,
            "Whether an array holds a value.", example: "print set_has_element(dynamic([1, 2, 3]), 2)"
        ) { r in
            guard let a = array(r[0]) else { return .null }
            return .bool(a.contains { ValueOrder.equal(.dynamic($0), r[1]) == true })
        },
        .row(
            "set_difference", arity: 2...64, [.dynamic], out: .dynamic, strict: false,
            "The distinct elements of the first array that are in none of the others.",
            example: "print set_difference(dynamic([1, 2, 3]), dynamic([2]))"
        ) { r in
            var arrays: [[Dynamic]] = []
            for v in r {
                guard let a = array(v) else { return .dynamic(.null) }
                arrays.append(a)
            }
            let others = Set(arrays.dropFirst().joined())
            var seen = Set<Dynamic>(), out: [Dynamic] = []
            for x in arrays[0] where !others.contains(x) && seen.insert(x).inserted { out.append(x) }
            return .dynamic(.array(out))
        },
    ]

    /// The elements of a dynamic array argument; nil for anything else (the row function then gives null).
    static func array(_ v: Value) -> [Dynamic]? {
        if case .dynamic(.array(let a)) = v { return a }
        return nil
    }

    /// Elements moved round by `n` positions (`sign` 1 for left).
    private static func rotate(_ name: String, sign: Int, _ summary: String, example: String) -> FunctionDeclaration {
        .row(name, arity: 2...2, [.dynamic, .integer], out: .dynamic, strict: false, summary, example: example) { r in
            guard let a = array(r[0]), let n64 = Numeric.long(r[1]) else { return .dynamic(.null) }
            guard !a.isEmpty else { return .dynamic(.array(a)) }
            let k = ((Int(n64 % Int64(a.count)) * sign) % a.count + a.count) % a.count
            return .dynamic(.array(Array(a[k...] + a[..<k])))
        }
    }

    /// Elements shifted by `n` positions (`sign` 1 for left), filled with null or the optional fill value.
    private static func shift(_ name: String, sign: Int, _ summary: String, example: String) -> FunctionDeclaration {
        .row(name, arity: 2...3, [.dynamic, .integer, .any], out: .dynamic, strict: false, summary, example: example) {
            r in
            guard let a = array(r[0]), let n64 = Numeric.long(r[1]) else { return .dynamic(.null) }
            let fill = r.count > 2 ? r[2].asDynamic : .null
            // A shift of the array's length or more empties it: clamping keeps `i + n` in range.
            let n = Int(max(-Int64(a.count), min(Int64(a.count), n64))) * sign
            var out = [Dynamic](repeating: fill, count: a.count)
            for i in a.indices {
                let j = i + n
                if a.indices.contains(j) { out[i] = a[j] }
            }
            return .dynamic(.array(out))
        }
    }

}
