import Foundation
import Testing
@testable import Columnar

/// Deeply nested dynamic values: reading JSON is limited to `Dynamic.maxNesting`; printing, comparing and
/// hashing use an explicit stack, so a value nested deeper (as a long pipeline can build) costs no recursion.
@Suite struct DynamicNestingTests {
    func brackets(_ n: Int) -> String { String(repeating: "[", count: n) + String(repeating: "]", count: n) }

    static func nested(_ n: Int, around inner: Dynamic = .array([])) -> Dynamic {
        var d = inner
        for _ in 0..<n { d = .array([d]) }
        return d
    }

    @Test func jsonNestsUpToTheLimit() throws {
        #expect(try Dynamic.parseJSON(brackets(Dynamic.maxNesting)) == Self.nested(Dynamic.maxNesting - 1))
        #expect(throws: JSONParseError.self) { try Dynamic.parseJSON(brackets(Dynamic.maxNesting + 1)) }
        #expect(throws: JSONParseError.self) { try Dynamic.parseJSON(String(repeating: "[", count: 100_000)) }
        #expect(throws: JSONParseError.self) { try Dynamic.parseJSON(String(repeating: "{\"a\":", count: 100_000)) }
    }

    /// Runs `body` on a thread with `stack` bytes of stack and waits for it.
    static func onThread(stack: Int, _ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body(); done.signal()
        }
        thread.stackSize = stack
        thread.start()
        done.wait()
    }

    /// Deep values and what was found about them. Only the thread that made them holds them, so they are
    /// released there: releasing still recurses once per level, and the walks are tested on a small stack.
    final class Walk: @unchecked Sendable {
        let a, b, c, bag: Dynamic
        var results: [Bool] = []
        init(depth n: Int) {
            a = DynamicNestingTests.nested(n); b = DynamicNestingTests.nested(n)
            c = DynamicNestingTests.nested(n, around: .array([.long(1)]))
            bag = (0..<n).reduce(Dynamic.long(1)) { d, _ in .bag(PropertyBag([("k", d)])) }
        }
    }

    @Test func deepValuesPrintCompareAndHashOnASmallStack() {
        let n = 5_000
        nonisolated(unsafe) var results: [Bool] = []
        Self.onThread(stack: 64 << 20) {
            let walk = Walk(depth: n)
            let address = Int(bitPattern: Unmanaged.passUnretained(walk).toOpaque())
            // 256 KiB: a recursive walk of 5,000 levels would need several times more.
            Self.onThread(stack: 256 << 10) {
                let w = Unmanaged<Walk>.fromOpaque(UnsafeRawPointer(bitPattern: address)!).takeUnretainedValue()
                w.results = [
                    w.a.jsonText == String(repeating: "[", count: n + 1) + String(repeating: "]", count: n + 1),
                    w.a == w.b,
                    w.a != w.c,
                    w.a.hashValue == w.b.hashValue,
                    w.bag.jsonText == String(repeating: "{\"k\":", count: n) + "1" + String(repeating: "}", count: n),
                    w.bag == w.bag,
                ]
            }
            results = walk.results
        }
        #expect(results == [true, true, true, true, true, true])
    }

    @Test func bagsCompareAndHashRegardlessOfKeyOrder() throws {
        let x = try Dynamic.parseJSON(#"{"a":[1,{"b":2,"c":3}],"d":null}"#)
        let y = try Dynamic.parseJSON(#"{"d":null,"a":[1,{"c":3,"b":2}]}"#)
        #expect(x == y)
        #expect(x.hashValue == y.hashValue)
        #expect(x != (try Dynamic.parseJSON(#"{"d":null,"a":[{"c":3,"b":2},1]}"#)))
        #expect(Dynamic.long(1) != .real(1))
    }
}
