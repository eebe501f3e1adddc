import Testing
@testable import KQLSyntax

@Suite struct ExpressionTests {
    @Test func arithmeticPrecedence() throws {
        #expect(try expr("1 + 2 * 3") == "(+ 1 (* 2 3))")
        #expect(try expr("(1 + 2) * 3") == "(* ((+ 1 2)) 3)")
        #expect(try expr("10 - 4 - 3") == "(- (- 10 4) 3)")
        #expect(try expr("-a * b % 2") == "(% (* (- a) b) 2)")
        #expect(try expr("a / -2") == "(/ a (- 2))")
    }

    @Test func logicalPrecedence() throws {
        #expect(try expr("a or b and c") == "(or a (and b c))")
        #expect(try expr("a == 1 or b < 2 and c != 3") == "(or (== a 1) (and (< b 2) (!= c 3)))")
        #expect(try expr("a + 1 > b * 2") == "(> (+ a 1) (* b 2))")
        #expect(try expr("not(a and b)") == "not((and a b))")
    }

    @Test func comparisonOperators() throws {
        let ops = ["==", "!=", "<", "<=", ">", ">=", "=~", "!~"]
        for op in ops { #expect(try expr("a \(op) b") == "(\(op) a b)") }
        #expect(try expr("a <> b") == "(!= a b)")
    }

    @Test func stringOperators() throws {
        let ops = [
            "has", "!has", "has_cs", "!has_cs", "hasprefix", "!hasprefix", "hasprefix_cs", "!hasprefix_cs",
            "hassuffix", "!hassuffix", "hassuffix_cs", "!hassuffix_cs", "contains", "!contains", "contains_cs",
            "!contains_cs", "startswith", "!startswith", "startswith_cs", "!startswith_cs", "endswith",
            "!endswith", "endswith_cs", "!endswith_cs",
        ]
        for op in ops { #expect(try expr("s \(op) 'x'") == "(\(op) s 'x')") }
        #expect(try expr("s matches regex '[a-z]+'") == "(matches regex s '[a-z]+')")
        #expect(try expr("s has 'a' and t contains 'b'") == "(and (has s 'a') (contains t 'b'))")
    }

    @Test func setOperators() throws {
        #expect(try expr("x in (1, 2, 3)") == "(in x [1, 2, 3])")
        #expect(try expr("x !in (1)") == "(!in x [1])")
        #expect(try expr("s in~ ('a', 'B')") == "(in~ s ['a', 'B'])")
        #expect(try expr("s !in~ ('a')") == "(!in~ s ['a'])")
        #expect(try expr("s has_any ('a', 'b')") == "(has_any s ['a', 'b'])")
        #expect(try expr("s has_all ('a')") == "(has_all s ['a'])")
        #expect(try expr("x in (T | project c)") == "(in x [T | project c])")
        #expect(try expr("x in (dynamic([1, 2]))") == "(in x [dynamic([1,2])])")
    }

    @Test func between() throws {
        #expect(try expr("x between (1 .. 10)") == "(between x 1 10)")
        #expect(try expr("x !between (1..10)") == "(!between x 1 10)")
        #expect(try expr("t between (ago(1d) .. now())") == "(between t ago(timespan(1.00:00:00)) now())")
        #expect(try expr("x between (1 .. 2) and y") == "(and (between x 1 2) y)")
    }

    @Test func postfix() throws {
        #expect(try expr("d.a.b") == "d.a.b")
        #expect(try expr("d['k'][0]") == "d['k'][0]")
        #expect(try expr("f(x).y") == "f(x).y")
        #expect(try expr("d.['a b']") == "d.a b")
        #expect(try expr("-d.x") == "(- d.x)")
    }

    @Test func calls() throws {
        #expect(try expr("strcat('a', b, 1)") == "strcat('a', b, 1)")
        #expect(try expr("now()") == "now()")
        #expect(try expr("iff(a > 1, 'x', 'y')") == "iff((> a 1), 'x', 'y')")
        #expect(try expr("f(x = 1, y = 'a')") == "f(x=1, y='a')")
        #expect(try expr("toscalar(T | summarize max(x))") == "toscalar(T | summarize max(x))")
        #expect(try expr("materialize(T | take 5)") == "materialize(T | take 5)")
        #expect(try expr("count()") == "count()")
        #expect(try expr("bin(Timestamp, 1h)") == "bin(Timestamp, timespan(01:00:00))")
    }
}
