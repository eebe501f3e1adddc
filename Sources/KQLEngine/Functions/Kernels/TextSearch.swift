/// Byte-level substring and term search over UTF-8, behind KQL's string operators.
///
/// A *term* (KQL's `has` family) is a maximal run of alphanumeric characters. Bytes of non-ASCII
/// characters count as term characters, so letters of other scripts join terms as they do in Kusto.
enum TextSearch {
    @inline(__always) static func isTermByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0x80
    }

    /// Every start offset of `needle` in `hay` (overlapping ones too), in order, calling `accept` until
    /// it returns true.
    ///
    /// The direct comparison is the fastest on ordinary text, but costs up to `hay.count × needle.count`
    /// on repetitive text ("aaa…" searched for "aa…ab"). It runs under a budget of byte comparisons
    /// proportional to the haystack; past it the rest of the search is Knuth–Morris–Pratt, which is
    /// linear whatever the input.
    @inline(__always)
    static func anyMatch(
        _ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>,
        _ accept: (Int) -> Bool
    ) -> Bool {
        let m = needle.count, n = hay.count
        if m == 0 { return accept(0) }
        guard m <= n else { return false }
        let first = needle[0]
        var budget = 2 * n + 64
        var i = 0
        while i <= n - m {
            if hay[i] == first {
                var k = 1
                while k < m && hay[i + k] == needle[k] { k += 1 }
                if k == m && accept(i) { return true }
                budget -= k
                if budget < 0 {
                    return PatternTable(Array(needle)).anyMatch(hay, from: i + 1, accept)
                }
            }
            i += 1
        }
        return false
    }

    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        anyMatch(hay, needle) { _ in true }
    }

    /// True when `needle` occurs in `hay` aligned to term boundaries at the ends the needle's own
    /// characters require: a needle starting (ending) with a term character must start (end) a term.
    /// `prefixOnly`/`suffixOnly` relax the far end for `hasprefix`/`hassuffix`.
    static func hasTerm(
        _ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>,
        prefixOnly: Bool = false, suffixOnly: Bool = false
    ) -> Bool {
        let m = needle.count
        if m == 0 { return true }
        let checkStart = isTermByte(needle[0]) && !suffixOnly
        let checkEnd = isTermByte(needle[m - 1]) && !prefixOnly
        return anyMatch(hay, needle) { i in
            if checkStart && i > 0 && isTermByte(hay[i - 1]) { return false }
            if checkEnd && i + m < hay.count && isTermByte(hay[i + m]) { return false }
            return true
        }
    }

    static func startsWith(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= hay.count else { return false }
        for k in 0..<needle.count where hay[k] != needle[k] { return false }
        return true
    }

    static func endsWith(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= hay.count else { return false }
        let off = hay.count - needle.count
        for k in 0..<needle.count where hay[off + k] != needle[k] { return false }
        return true
    }

    /// The terms of `s` (used by `has_any`/`has_all` and tests).
    static func terms(_ s: String) -> [Substring] {
        s.split(whereSeparator: { ch in !ch.utf8.allSatisfy(isTermByte) })
    }
}

/// Knuth–Morris–Pratt over any sequence of equatable elements (bytes, Unicode scalars): every
/// occurrence of a needle in time linear in the haystack plus the needle.
struct PatternTable<Element: Equatable> {
    let needle: [Element]
    /// `border[k]`: the length of the longest proper prefix of `needle[0...k]` that is also its suffix.
    let border: [Int]

    init(_ needle: [Element]) {
        self.needle = needle
        var border = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in needle.indices.dropFirst() {
            while k > 0 && needle[i] != needle[k] { k = border[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            border[i] = k
        }
        self.border = border
    }

    /// Every start of the needle in `hay` at or after `from`, in order (overlapping ones too), calling
    /// `accept` until it returns true. An empty needle matches at `from`.
    func anyMatch<C: RandomAccessCollection>(_ hay: C, from: Int, _ accept: (Int) -> Bool) -> Bool
    where C.Element == Element, C.Index == Int {
        let m = needle.count
        if m == 0 { return from <= hay.count && accept(from) }
        var k = 0
        var i = max(from, 0)
        while i < hay.count {
            let c = hay[hay.startIndex + i]
            while k > 0 && c != needle[k] { k = border[k - 1] }
            if c == needle[k] { k += 1 }
            if k == m {
                if accept(i + 1 - m) { return true }
                k = border[k - 1]
            }
            i += 1
        }
        return false
    }
}
