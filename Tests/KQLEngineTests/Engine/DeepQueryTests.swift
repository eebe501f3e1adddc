import Columnar
import Foundation
import KQLSyntax
import Testing
@testable import KQLEngine

/// Deep and long queries (issue 11): nesting past `QueryLimits` is `E_QUERY_TOO_COMPLEX`, flat runs of any
/// realistic length work, user functions cannot explode, and nothing overflows a stack. The queries are
/// generated here because they are too long to write out; expected values are arithmetic on their text.
@Suite struct DeepQueryTests {
    let engine = Engine(database: InMemoryDatabase(), now: { 0 })

    /// The only cell of a one-row, one-column result.
    func single(_ query: String) throws -> Value {
        let t = try engine.execute(query).tables.last!.table
        #expect(t.rowCount == 1 && t.columns.count == 1, "\(t.rowCount) rows, \(t.columns.count) columns")
        return t.columns[0].value(0)
    }

    func failure(_ query: String) -> KQLError? {
        do { _ = try engine.execute(query); return nil } catch { return error }
    }

    // MARK: nesting

    @Test func parenthesesJustUnderTheLimitRun() throws {
        let n = QueryLimits.maxNestingDepth - 10
        #expect(
            try single("print " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n)) == .long(1)
        )
    }

    /// The reproducer: 2,000 nested parentheses (4 KB) overflowed the parser's stack.
    @Test func twoThousandParenthesesAreTooComplexAtTheDeepestPoint() throws {
        let query = "print " + String(repeating: "(", count: 2_000) + "1" + String(repeating: ")", count: 2_000)
        let error = try #require(failure(query))
        #expect(error.code == .queryTooComplex)
        #expect(error.hint?.contains("docs/limits.md") == true)
        // It points at the parenthesis that opens one level too many, not at the start of the query.
        let column = try #require(error.span.map { SourceText(query).location(of: $0.start).column })
        #expect(
            column > QueryLimits.maxNestingDepth - 10 && column <= QueryLimits.maxNestingDepth + 10, "column \(column)")
        #expect(error.description.hasPrefix("E_QUERY_TOO_COMPLEX: 1:\(column): "))
    }

    @Test func nestedCallsOverAColumnRunJustUnderTheLimitAndFailPastIt() throws {
        func query(_ n: Int) -> String {
            "range x from -2 to -2 step 1 | project y = " + String(repeating: "abs(", count: n) + "x"
                + String(repeating: ")", count: n)
        }
        #expect(try single(query(QueryLimits.maxNestingDepth - 10)) == .long(2))
        #expect(failure(query(QueryLimits.maxNestingDepth + 10))?.code == .queryTooComplex)
    }

    @Test func runsOfMemberAccessAndInTestsCountAsNesting() throws {
        let path = "print d = dynamic({\"a\": 5}) | project v = tolong(d" + String(repeating: ".a", count: 20) + ")"
        #expect(try single(path) == .null)
        let tooLong =
            "print d = dynamic({}) | project v = d" + String(repeating: ".a", count: 2 * QueryLimits.maxNestingDepth)
        #expect(failure(tooLong)?.code == .queryTooComplex)
        let tests = "print x = true" + String(repeating: " in (true)", count: 2 * QueryLimits.maxNestingDepth)
        #expect(failure(tests)?.code == .queryTooComplex)
    }

    @Test func unaryMinusesNestAndAreLimited() throws {
        #expect(try single("print " + String(repeating: "- ", count: 100) + "7") == .long(7))
        #expect(
            failure("print " + String(repeating: "- ", count: 2 * QueryLimits.maxNestingDepth) + "7")?.code
                == .queryTooComplex)
    }

    // MARK: flat runs

    /// The reproducer: a flat `1+1+…` of 7,000 terms overflowed the binder's stack.
    @Test func sevenThousandTermSumRuns() throws {
        #expect(try single("print " + Array(repeating: "1", count: 7_000).joined(separator: "+")) == .long(7_000))
    }

    @Test func fiftyThousandTermSumOverAColumnRuns() throws {
        let sum = Array(repeating: "x", count: 50_000).joined(separator: " + ")
        let t = try engine.execute("range x from 1 to 3 step 1 | project s = \(sum)").tables[0].table
        #expect((0..<3).map { t.columns[0].value($0) } == [.long(50_000), .long(100_000), .long(150_000)])
    }

    @Test func twentyThousandOrsAndAndsRun() throws {
        let ors = (1...20_000).map { "x == \($0 * 7)" }.joined(separator: " or ")
        #expect(try single("range x from 139993 to 140007 step 1 | where \(ors) | count") == .long(2))
        let ands = Array(repeating: "x > 0", count: 20_000).joined(separator: " and ")
        #expect(try single("range x from -5 to 5 step 1 | where \(ands) | count") == .long(5))
    }

    @Test func aChainKeepsLeftToRightOrderAndItsConstantPrefixFolds() throws {
        // 10 - 1 - 2 - 3 with x = 10, not 10 - (1 - (2 - 3)); then the folded prefix 1 + 2 before a column.
        #expect(try single("print x = 10 | project y = x - 1 - 2 - 3") == .long(4))
        #expect(try single("print x = 10 | project y = 1 + 2 + x * 2 + 4") == .long(27))
        #expect(try single("print x = 2 | project y = x * 3 % 4 / 2") == .long(1))
    }

    @Test func aChainStepThatCannotApplyIsATypeErrorAtThatStep() throws {
        let query = "print x = 1 | project y = x + 1 + 'a' + 2"
        let error = try #require(failure(query))
        #expect(error.code == .type)
        #expect(error.span.map { SourceText(query).slice($0) } == "x + 1 + 'a'")
    }

    @Test func twentyThousandOperatorPipelineRuns() throws {
        let query = "range x from 1 to 3 step 1" + String(repeating: " | where x > 0 | extend x = x + 1", count: 10_000)
        let t = try engine.execute(query).tables[0].table
        #expect((0..<3).map { t.columns[0].value($0) } == [.long(10_001), .long(10_002), .long(10_003)])
    }

    @Test func fiveThousandUnionLegsAndTenThousandCaseArmsRun() throws {
        let legs = Array(repeating: "(print x = 1)", count: 5_000).joined(separator: ", ")
        #expect(try single("union \(legs) | count") == .long(5_000))
        let arms = (1...10_000).map { "x == \($0), \($0 * 2)" }.joined(separator: ", ")
        #expect(try single("print x = 9999 | project y = case(\(arms), -1)") == .long(19_998))
        let list = (1...100_000).map(String.init).joined(separator: ", ")
        #expect(try single("range x from 99990 to 100010 step 1 | where x in (\(list)) | count") == .long(11))
    }

    // MARK: lets

    /// The reproducer: 10,000 chained `let`s overflowed the executor's stack.
    @Test func tenThousandChainedLetsRun() throws {
        var query = "let t0 = print x = 1;\n"
        for i in 1..<10_000 { query += "let t\(i) = t\(i - 1) | extend x = x + 1;\n" }
        #expect(try single(query + "t9999") == .long(10_000))
    }

    @Test func twentyThousandFunctionLetsRun() throws {
        var query = ""
        for i in 0..<20_000 { query += "let f\(i) = (x:long) { x + \(i) };\n" }
        #expect(try single(query + "print f19999(1) + f0(1)") == .long(20_001))
    }

    @Test func scalarLetsThatBuildOnEachOtherAreLimitedLikeNesting() throws {
        // rand() keeps them from folding into a constant, so each let adds a level to the bound expression.
        func query(_ n: Int) -> String {
            var q = "let x0 = rand();\n"
            for i in 1...n { q += "let x\(i) = x\(i - 1) + 1;\n" }
            return q + "print x\(n) >= \(n)"
        }
        #expect(try single(query(QueryLimits.maxNestingDepth - 10)) == .bool(true))
        #expect(failure(query(QueryLimits.maxNestingDepth + 10))?.code == .queryTooComplex)
    }

    @Test func materializedLetsThatBuildOnEachOtherAreLimitedLikeNesting() throws {
        func query(_ n: Int) -> String {
            var q = "let t0 = print x = 1;\n"
            for i in 1...n { q += "let t\(i) = materialize(t\(i - 1) | extend x = x + 1);\n" }
            return q + "t\(n)"
        }
        #expect(try single(query(QueryLimits.maxNestingDepth - 10)) == .long(Int64(QueryLimits.maxNestingDepth - 9)))
        #expect(failure(query(QueryLimits.maxNestingDepth + 10))?.code == .queryTooComplex)
    }

    // MARK: user functions

    func doubling(_ levels: Int) -> String {
        var q = "let f0 = (x:long) { x + 1 };\n"
        for i in 1...levels { q += "let f\(i) = (x:long) { f\(i - 1)(x) + f\(i - 1)(x) };\n" }
        return q
    }

    /// The reproducer: 25 levels of doubling never finished; each level now binds once.
    @Test func twentyFiveLevelsOfDoublingFoldOnConstants() throws {
        // f0(1) = 2 and each level doubles: f25(1) = 2^26.
        #expect(try single(doubling(25) + "print f25(1)") == .long(1 << 26))
    }

    @Test func doublingOverAColumnRunsWhileSmallAndIsTooComplexWhenItExplodes() throws {
        // f9(x) = 2^9 * (x + 1).
        let t = try engine.execute(doubling(9) + "range x from 1 to 3 step 1 | project y = f9(x)").tables[0].table
        #expect((0..<3).map { t.columns[0].value($0) } == [.long(1_024), .long(1_536), .long(2_048)])
        let error = try #require(failure(doubling(25) + "range x from 1 to 3 step 1 | project y = f25(x)"))
        #expect(error.code == .queryTooComplex)
        #expect(error.message.contains("\(QueryLimits.maxExpressionSize)"))
    }

    @Test func expansionsThatNeverRepeatAreCounted() throws {
        var q = "let f0 = (x:long) { x };\n"
        for i in 1...20 { q += "let f\(i) = (x:long) { f\(i - 1)(x + 1) + f\(i - 1)(x + 2) };\n" }
        let error = try #require(failure(q + "print f20(0)"))
        #expect(error.code == .queryTooComplex)
        #expect(error.message.contains("\(QueryLimits.maxFunctionExpansions)"))
    }

    @Test func tabularDoublingIsTooComplex() throws {
        var q = "let g0 = () { print x = 1 };\n"
        for i in 1...25 { q += "let g\(i) = () { g\(i - 1)() | join kind=inner (g\(i - 1)()) on x };\n" }
        #expect(failure(q + "g25()")?.code == .queryTooComplex)
    }

    @Test func functionsCallingFunctionsJustUnderTheLimitRunAndPastItAreTooComplex() throws {
        func query(_ n: Int) -> String {
            var q = "let f0 = (x:long) { x };\n"
            for i in 1...n { q += "let f\(i) = (x:long) { f\(i - 1)(x) };\n" }
            return q + "print f\(n)(7)"
        }
        #expect(try single(query(QueryLimits.maxNestingDepth - 10)) == .long(7))
        #expect(failure(query(QueryLimits.maxNestingDepth + 10))?.code == .queryTooComplex)
    }

    @Test(arguments: [
        "let f = (x:long) { f(x) + 1 }; print f(1)",
        "let g = (x:long) { h(x) }; let h = (x:long) { g(x) }; print h(1)",
        "let T = () { T | take 1 }; T",
        "let T = () { union (print x = 1), (T) }; T | count",
        "let f = () { f }; print f",
    ])
    func recursiveFunctionsAreRefused(_ query: String) throws {
        let error = try #require(failure(query))
        #expect(error.code == .recursiveFunction, "\(error)")
    }

    @Test func aFunctionMayUseAnEarlierFunctionOfTheSameName() throws {
        #expect(try single("let f = (x:long) { x * 10 }; let f = (x:long) { f(x) + 1 }; print f(4)") == .long(41))
    }

    // MARK: dynamic values

    @Test func parseJsonOfAHundredThousandBracketsGivesTheText() throws {
        let text = String(repeating: "[", count: 100_000)
        #expect(try single("print d = parse_json('\(text)') | project s = gettype(d)") == .string("string"))
        let deepest =
            String(repeating: "[", count: Dynamic.maxNesting) + String(repeating: "]", count: Dynamic.maxNesting)
        #expect(try single("print d = parse_json('\(deepest)') | project s = gettype(d)") == .string("array"))
    }

    @Test func dynamicLiteralsNestedPastTheLimitAreTooComplex() throws {
        let n = Dynamic.maxNesting + 1
        #expect(
            failure("print dynamic(" + String(repeating: "[", count: n) + String(repeating: "]", count: n) + ")")?.code
                == .queryTooComplex)
        let viaLiterals =
            "print " + String(repeating: "dynamic([", count: n / 2 + 1) + String(repeating: "])", count: n / 2 + 1)
        #expect(failure(viaLiterals)?.code == .queryTooComplex)
    }

    @Test func aValueNestedByALongPipelinePrintsComparesAndHashes() throws {
        // 3,000 pack_array steps around [] nest 3,001 arrays: 6,002 characters of brackets. set_union
        // hashes its elements; the two equal ones collapse into one.
        let n = 3_000
        let query =
            "print d = dynamic([])" + String(repeating: " | extend d = pack_array(d)", count: n)
            + " | extend e = d | project s = strlen(tostring(d)), same = d == e, kept = array_length(set_union(pack_array(d), pack_array(e)))"
        let t = try engine.execute(query).tables[0].table
        #expect(t.columns.map { $0.value(0) } == [.long(Int64(2 * (n + 1))), .bool(true), .long(1)])
    }

    @Test func bagSetKeyWithAPathDeeperThanAnyValueGivesNull() throws {
        let path = "$" + String(repeating: ".a", count: Dynamic.maxNesting + 1)
        #expect(
            try single("print d = bag_set_key(dynamic({}), '\(path)', 1) | project t = gettype(d)") == .string("null"))
    }

    // MARK: threads

    /// The engine moves its work to `DeepStack`, so a caller on a thread with a small stack can run the
    /// deepest query the limits admit.
    @Test func aDeepQueryRunsFromAThreadWithASmallStack() throws {
        let n = QueryLimits.maxNestingDepth - 10
        let query =
            "range x from -2 to -2 step 1 | project y = " + String(repeating: "abs(", count: n) + "x"
            + String(repeating: ")", count: n)
        let engine = self.engine
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Value?
        let thread = Thread {
            result = try? engine.execute(query).tables[0].table.columns[0].value(0)
            done.signal()
        }
        thread.stackSize = 512 << 10
        thread.start()
        done.wait()
        #expect(result == .long(2))
    }
}
