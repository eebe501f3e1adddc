import Testing
@testable import Columnar

/// Property bags keep first-set key order and replace values in place, with or without their index.
@Suite struct PropertyBagTests {
    /// A bag of `n` keys "k0"... set in order, value = position.
    func bag(_ n: Int) -> PropertyBag {
        var b = PropertyBag()
        for i in 0..<n { b["k\(i)"] = .long(Int64(i)) }
        return b
    }

    @Test(arguments: [3, PropertyBag.indexThreshold, PropertyBag.indexThreshold + 1, 1000])
    func orderLookupReplaceAndRemove(n: Int) {
        var b = bag(n)
        #expect(b.keys == (0..<n).map { "k\($0)" })
        for i in 0..<n { #expect(b["k\(i)"] == .long(Int64(i))) }
        #expect(b["missing"] == nil)
        // Setting an existing key keeps its place.
        b["k0"] = .string("again")
        #expect(b.keys.first == "k0" && b["k0"] == .string("again") && b.count == n)
        // Removing shifts the later keys, and every lookup still finds its own value.
        b["k1"] = nil
        #expect(b.count == n - 1 && b["k1"] == nil)
        for i in 2..<n { #expect(b["k\(i)"] == .long(Int64(i)) && b.position(of: "k\(i)") == i - 1) }
        b["new"] = .bool(true)
        #expect(b.keys.last == "new" && b["new"] == .bool(true))
    }

    @Test func duplicatePairsKeepTheFirstPlaceAndTheLastValue() {
        let pairs: [(String, Dynamic)] = (0..<20).map { ("k\($0 % 10)", .long(Int64($0))) }
        let b = PropertyBag(pairs)
        #expect(b.keys == (0..<10).map { "k\($0)" })
        #expect(b["k3"] == .long(13))
    }

    @Test func removingASetKeepsTheOrderOfTheRest() {
        let b = bag(50).removing(["k0", "k10", "k49", "absent"])
        #expect(b.keys == (0..<50).filter { ![0, 10, 49].contains($0) }.map { "k\($0)" })
        #expect(b["k11"] == .long(11) && b["k10"] == nil)
        #expect(bag(5).removing(["k1"]).keys == ["k0", "k2", "k3", "k4"])
    }

    @Test func equalityAndHashIgnoreKeyOrder() {
        let forward = bag(30)
        var backward = PropertyBag()
        for i in (0..<30).reversed() { backward["k\(i)"] = .long(Int64(i)) }
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        backward["k7"] = .long(8)
        #expect(forward != backward)
    }
}
