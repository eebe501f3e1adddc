import Testing
@testable import KQLEngine

/// Substring search: the direct scan and its linear-time fallback find the same occurrences as a
/// brute-force reference, on texts chosen to exhaust the scan's budget.
@Suite struct TextSearchTests {
    /// Every start of `needle` in `hay`, by brute force.
    func reference(_ hay: [UInt8], _ needle: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= hay.count else { return needle.isEmpty ? [0] : [] }
        return (0...(hay.count - needle.count)).filter { Array(hay[$0..<($0 + needle.count)]) == needle }
    }

    func found(_ hay: [UInt8], _ needle: [UInt8]) -> [Int] {
        var starts: [Int] = []
        hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                _ = TextSearch.anyMatch(h, n) {
                    starts.append($0); return false
                }
            }
        }
        return starts
    }

    @Test func agreesWithBruteForceOnRepetitiveText() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            // A two-letter alphabet makes long partial matches, so the budget runs out and KMP takes over.
            let hay = (0..<Int.random(in: 0..<400, using: &generator)).map { _ in
                UInt8.random(in: 97...98, using: &generator)
            }
            let needle = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in
                UInt8.random(in: 97...98, using: &generator)
            }
            #expect(found(hay, needle) == reference(hay, needle), "\(hay) \(needle)")
        }
        let hay = [UInt8](repeating: 97, count: 3000)
        let needle = [UInt8](repeating: 97, count: 40)
        #expect(found(hay, needle) == Array(0...2960))
        #expect(found(hay, needle + [98]) == [])
    }

    @Test func patternTableFindsOverlappingOccurrencesFromAnOffset() {
        let t = PatternTable(Array("aba".unicodeScalars))
        var starts: [Int] = []
        _ = t.anyMatch(Array("ababa xaba".unicodeScalars), from: 1) {
            starts.append($0); return false
        }
        #expect(starts == [2, 7])
        var first = -1
        #expect(
            t.anyMatch(Array("xxabaaba".unicodeScalars), from: 0) {
                first = $0; return true
            })
        #expect(first == 2)
    }
}
