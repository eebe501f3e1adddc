import Columnar

extension RowFunction {
    /// `array_index_of(a, v [, start [, length [, occurrence]]])`: the position of `v`, or -1.
    static let arrayIndexOf = RowFunction(name: "array_index_of", arity: 2...5,
                                                   kinds: [.dynamic, .any, .integer, .integer, .integer], out: .long, strict: false) { r in
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
    }
}
