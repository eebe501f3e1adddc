import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct BinderTests {
    let events = Table([("Name", Column(strings: ["a", "b"])), ("Value", Column(int64s: [1, 2]))])

    @Test func misspeltColumnSuggestsClosestName() throws {
        let h = TestHarness(tables: [("Events", events)])
        let q = S.pipe(S.col("Events"), .where(S.bin(.greater, S.col("Valeu", at: 20), S.long(1))))
        let error = #expect(throws: KQLError.self) { try h.run(q) }
        #expect(error?.code == .unknownName)
        #expect(error?.message.contains("did you mean 'Value'?") == true)
        #expect(error?.span == SourceSpan(20, 25))
    }

    @Test func misspeltTableSuggestsClosestTable() throws {
        let h = TestHarness(tables: [("Events", events)])
        let error = #expect(throws: KQLError.self) { try h.run(S.pipe(S.col("Evnets"), .count(name: nil))) }
        #expect(error?.code == .unknownName)
        #expect(error?.message.contains("did you mean 'Events'?") == true)
    }

    @Test func whereNeedsABoolean() throws {
        let h = TestHarness(tables: [("Events", events)])
        let error = #expect(throws: KQLError.self) { try h.run(S.pipe(S.col("Events"), .where(S.col("Value")))) }
        #expect(error?.code == .type)
    }

    @Test func constantExpressionsAreFolded() throws {
        let h = TestHarness()
        let e = try h.binder.bindScalar(
            S.bin(.add, S.long(2), S.bin(.multiply, S.long(3), S.long(4))),
            schema: Schema([]), scope: Scope())
        guard case .constant(.long(14), .long) = e else { Issue.record("not folded: \(e)"); return }
    }

    @Test func letBindsScalarsAndTables() throws {
        let h = TestHarness(tables: [("Events", events)])
        var scope = Scope()
        try h.binder.bindLet(
            LetSyntax(name: S.name("limit"), value: .expression(S.long(1)), span: .none), scope: &scope)
        try h.binder.bindLet(
            LetSyntax(
                name: S.name("Big"),
                value: .expression(
                    S.pipe(S.col("Events"), .where(S.bin(.greater, S.col("Value"), S.col("limit"))))), span: .none),
            scope: &scope)
        let t = try h.run(S.pipe(S.col("Big"), .project([S.assign(nil, S.col("Name"))])), scope: scope)
        #expect(TestHarness.text(t) == [["b"]])
    }

    @Test func userFunctionWithDefaultAndTabularParameter() throws {
        let h = TestHarness(tables: [("Events", events)])
        var scope = Scope()
        // let f = (T:(*), k:long = 10) { T | extend k2 = Value + k }
        let def = FunctionDefinitionSyntax(
            parameters: [
                ParameterSyntax(
                    name: S.name("T"), kind: .tabular(SchemaSyntax(includesStar: true, columns: [], span: .none)),
                    defaultValue: nil),
                ParameterSyntax(name: S.name("k"), kind: .scalar(.long), defaultValue: S.long(10)),
            ],
            lets: [], body: S.pipe(S.col("T"), .extend([S.assign("k2", S.bin(.add, S.col("Value"), S.col("k")))])),
            span: .none)
        try h.binder.bindLet(LetSyntax(name: S.name("f"), value: .function(def), span: .none), scope: &scope)
        let viaCall = try h.run(S.call("f", S.col("Events")), scope: scope)
        #expect(TestHarness.text(viaCall) == [["a", "1", "11"], ["b", "2", "12"]])
        let viaInvoke = try h.run(
            S.pipe(S.col("Events"), .invoke(function: S.name("f"), arguments: [ArgumentSyntax(value: S.long(100))])),
            scope: scope)
        #expect(TestHarness.text(viaInvoke) == [["a", "1", "101"], ["b", "2", "102"]])
    }

    @Test func unsupportedOperatorIsRejectedByName() throws {
        let h = TestHarness()
        let error = #expect(throws: KQLError.self) {
            _ = try h.binder.bindScalar(S.bin(.hasPrefix, S.str("a"), S.str("b")), schema: Schema([]), scope: Scope())
        }
        // The test library has no kernel for `hasprefix` beyond equality, so the function reports the problem.
        #expect(error != nil)
    }

    @Test func editDistanceCountsTranspositionsAsOneEdit() {
        #expect(NameSuggestion.distance(Array("Valeu"), Array("Value")) == 1)
        #expect(NameSuggestion.closest(to: "xyz", among: ["Value", "Name"]) == nil)
    }

    @Test func toscalarTakesTheFirstCell() throws {
        let h = TestHarness()
        let e = try h.binder.bindScalar(
            S.call("toscalar", S.pipe(S.range("x", 5, 9), .count(name: nil))), schema: Schema([]), scope: Scope())
        guard case .constant(.long(5), .long) = e else { Issue.record("got \(e)"); return }
    }

    @Test func queryParameterDefaultsAreConvertedToTheDeclaredType() throws {
        let h = TestHarness()
        var scope = Scope()
        try h.binder.bindQueryParameters(
            [ParameterSyntax(name: S.name("p"), kind: .scalar(.real), defaultValue: S.long(2))], scope: &scope)
        guard case .scalar(.constant(.real(2), .real))? = scope["p"] else {
            Issue.record("got \(String(describing: scope["p"]))"); return
        }
        let error = #expect(throws: KQLError.self) {
            var s = Scope()
            try h.binder.bindQueryParameters(
                [ParameterSyntax(name: S.name("q"), kind: .scalar(.long), defaultValue: nil)], scope: &s)
        }
        #expect(error?.code == .argument)
    }
}
