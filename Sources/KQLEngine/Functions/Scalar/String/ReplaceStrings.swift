import Columnar

/// `replace_strings(text, lookups, rewrites)`: every match of each lookup string replaced by the rewrite
/// at the same index. Lookups apply in array order: the first lookup's matches are taken first, and a
/// later lookup only matches in the text no earlier match took (the reference's "replacement order"
/// example), so matches never overlap and rewrites are never searched. A lookup that is not a string
/// or is empty is ignored; the matches of one whose rewrite is missing or not a string stay as they are.
///
/// The result's size is known before it is built and is charged to the query's budget first.
struct ReplaceStringsFunction: ScalarFunction {
    let name = "replace_strings"

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .dynamic, .dynamic]); return .string
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var meter = BudgetMeter(context)
        let result = try Kernel.boxedStrict(args, out: .string, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            guard case .dynamic(.array(let lookups)) = r[1], case .dynamic(.array(let rewrites)) = r[2] else {
                return .null
            }
            let pieces = Self.replace(Array(r[0].text.utf8), lookups: lookups, rewrites: rewrites)
            try meter.add(pieces.reduce(0) { MemorySize.sum($0, $1.count) })
            return .string(String(decoding: pieces.joined(), as: UTF8.self))
        }
        try meter.flush()
        return result
    }

    /// The text as pieces: stretches of the original and rewrites, in order.
    static func replace(_ text: [UInt8], lookups: [Dynamic], rewrites: [Dynamic]) -> [ArraySlice<UInt8>] {
        // Each segment is a stretch of the output; only original stretches are searched.
        var segments: [(bytes: ArraySlice<UInt8>, original: Bool)] = [(text[...], true)]
        for (k, lookup) in lookups.enumerated() {
            guard case .string(let l) = lookup, !l.isEmpty else { continue }
            // A rewrite that is not a string keeps the match as it is, but the match still counts: later
            // lookups do not search inside it (the reference's "nonstring replacement" example).
            var rewrite: ArraySlice<UInt8>?
            if k < rewrites.count, case .string(let w) = rewrites[k] { rewrite = Array(w.utf8)[...] }
            let table = PatternTable(Array(l.utf8)), m = table.needle.count
            var next: [(bytes: ArraySlice<UInt8>, original: Bool)] = []
            for seg in segments {
                guard seg.original, seg.bytes.count >= m else { next.append(seg); continue }
                var start = seg.bytes.startIndex
                // Offsets are from the segment's start; a hit overlapping the previous one is skipped.
                _ = table.anyMatch(seg.bytes, from: 0) { offset in
                    let hit = seg.bytes.startIndex + offset
                    guard hit >= start else { return false }
                    if hit > start { next.append((seg.bytes[start..<hit], true)) }
                    next.append((rewrite ?? seg.bytes[hit..<(hit + m)], false))
                    start = hit + m
                    return false
                }
                if start < seg.bytes.endIndex { next.append((seg.bytes[start...], true)) }
            }
            segments = next
        }
        return segments.map(\.bytes)
    }
}
