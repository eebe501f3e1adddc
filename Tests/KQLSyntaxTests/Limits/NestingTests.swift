import Foundation
import Testing
@testable import KQLSyntax

/// The parser's depth accounting (`nested`, `measured`, `grew`) and flat chains: docs/limits.md.
@Suite struct NestingTests {
    func parseError(_ text: String) -> KQLError? {
        do { _ = try Parser.parse(text); return nil } catch { return error }
    }

    @Test func operandsOfOneLevelFormOneFlatChain() throws {
        let e = try Parser.parseExpression(Array(repeating: "x", count: 50_000).joined(separator: " + "))
        guard case .chain(let first, let links, _) = e else { Issue.record("not a chain: \(e)"); return }
        guard case .name(let n) = first else { Issue.record("first operand: \(first)"); return }
        #expect(n.name == "x")
        #expect(links.count == 49_999)
        #expect(links.allSatisfy { $0.op == .add })
    }

    @Test func twoOperandsStayABinaryNodeAndChainsKeepLeftToRightOrder() throws {
        #expect(try expr("a - b") == "(- a b)")
        #expect(try expr("a - b + c - d") == "(- (+ (- a b) c) d)")
        #expect(try expr("a or b and c or d") == "(or (or a (and b c)) d)")
        #expect(try expr("a == b in (1) == c") == "(== (in (== a b) [1]) c)")
    }

    @Test func joinConditionsJoinedByManyAndsAreAllRead() throws {
        #expect(
            try tree("A | join (B) on $left.a == $right.b and c and $left.d == $right.e")
                == "A | join (B) on $left.a==$right.b, c, $left.d==$right.e")
    }

    @Test func nestingPastTheLimitPointsAtTheDeepestParenthesis() throws {
        let text = "print " + String(repeating: "(", count: 1_500) + "1" + String(repeating: ")", count: 1_500)
        let error = try #require(parseError(text))
        #expect(error.code == .queryTooComplex)
        let span = try #require(error.span)
        #expect(SourceText(text).slice(span) == "(")
        // Past the first 990 parentheses: where the limit ran out, not where the query starts.
        #expect(span.start > "print ".utf8.count + 990)
    }

    @Test func justUnderTheLimitParses() throws {
        let n = QueryLimits.maxNestingDepth - 10
        _ = try Parser.parse("print " + String(repeating: "f(", count: n) + "1" + String(repeating: ")", count: n))
        _ = try Parser.parse("print " + String(repeating: "-", count: n) + "1")
        _ = try Parser.parse("print d" + String(repeating: "[0]", count: n))
        // Runs beside nesting do not add up: each operand's run is next to the parenthesis, not around it.
        _ = try Parser.parse(
            "print " + String(repeating: "(d" + String(repeating: ".a", count: 40) + " + ", count: 30) + "1"
                + String(repeating: ")", count: 30))
    }

    @Test(arguments: [
        "print d" + String(repeating: ".a", count: 1_500),
        "print d" + String(repeating: "[0]", count: 1_500),
        "print x" + String(repeating: " in (1)", count: 1_500),
        "print x" + String(repeating: " between (1 .. 2)", count: 1_500),
        // Runs stacked on one another add up: 30 parentheses, each followed by a run of 40 members.
        "print " + String(repeating: "(", count: 30) + "d"
            + String(repeating: ")" + String(repeating: ".a", count: 40), count: 30),
        "let f = () { " + String(repeating: "let g = () { ", count: 1_500),
        "T" + String(repeating: " | mv-apply d on (", count: 1_500),
    ])
    func runsAndBodiesCountTowardsTheLimit(_ text: String) throws {
        #expect(parseError(text)?.code == .queryTooComplex, "\(text.prefix(60))")
    }

    /// A `dynamic(...)` written inside a dynamic literal counts as a level of its own, besides its array.
    @Test func dynamicLiteralsCountNestedLiterals() throws {
        _ = try Parser.parse(
            "print " + String(repeating: "dynamic([", count: 250) + String(repeating: "])", count: 250))
        let deep = "print " + String(repeating: "dynamic([", count: 300) + String(repeating: "])", count: 300)
        #expect(parseError(deep)?.code == .queryTooComplex)
    }

    /// `Parser.parse` moves to `DeepStack`, so it needs no more stack from its caller than a shallow query.
    /// (Releasing the tree it returns recurses once per level, so the test releases it on `DeepStack`.)
    @Test func theDeepestQueryParsesFromAThreadWithASmallStack() throws {
        let n = QueryLimits.maxNestingDepth - 10
        let text = "print " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n)
        final class Parsed: @unchecked Sendable { var script: ScriptSyntax? }
        let parsed = Parsed()
        DeepStack.run { () -> Void in
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                parsed.script = try? Parser.parse(text)
                done.signal()
            }
            thread.stackSize = 256 << 10
            thread.start()
            done.wait()
            #expect(parsed.script != nil)
            parsed.script = nil
        }
        #expect(!DeepStack.isDeepThread)
    }
}
