import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

/// The plan the planner makes from a bound query: one flat pipeline per `let` chain, every node with
/// the schema it produces, pruning decided before anything runs, deferred tails as nodes of their own.
@Suite struct PlannerTests {
    /// Binds the last statement of `text` (after its `let`s) with the standard library and plans it.
    struct Planned {
        let bound: BoundQuery
        let plan: PhysicalPlan
        let executor: Executor
        let binder: Binder
    }

    func plan(_ text: String, plugins: [any TabularPlugin] = []) throws -> Planned {
        let database = InMemoryDatabase()
        let binder = Binder(database: database, functions: StandardFunctions(), plugins: plugins)
        let executor = Executor(context: ExecutionContext(database: database, now: 0))
        binder.run = { (q: BoundQuery) throws(KQLError) -> Table in try executor.run(q) }
        executor.context.binder = binder
        var scope = Scope()
        var query: BoundQuery?
        for statement in try Parser.parse(text).statements {
            switch statement {
            case .let(let l): try binder.bindLet(l, scope: &scope)
            case .query(let e): query = try binder.bindTabular(e, scope: scope)
            default: Issue.record("unexpected statement in \(text)")
            }
        }
        let q = try #require(query)
        return Planned(bound: q, plan: Planner.plan(q), executor: executor, binder: binder)
    }

    @Test(arguments: [
        "datatable(a:long, b:string, c:real)[1, 'x', 1.5, 2, 'y', 2.5, 3, 'y', 0.5] | where a > 1 | extend d = c * 2 | summarize s = sum(d) by b",
        "range x from 1 to 5 step 1 | extend y = x % 2 | summarize n = count() by y | sort by y asc",
        "range x from 1 to 3 step 1 | join kind=inner (range x from 2 to 4 step 1 | extend z = x * 10) on x",
        "print a = dynamic([1, 2, 3]) | mv-expand a to typeof(long) | extend b = a + 1 | project-away a",
        "print s = 'k=5' | parse s with 'k=' v:long | where v > 1 | count",
        "range x from 1 to 3 step 1 | union (print y = 'a') | getschema",
        "range x from 1 to 10 step 1 | top 3 by x | take 2 | distinct x",
        "print a = dynamic([3, 1, 2]) | mv-apply a to typeof(long) on (top 1 by a desc)",
        "let a = range x from 1 to 5 step 1; let b = a | where x > 2; b | extend y = x * 2 | where y > 0 | project y",
        "datatable(a:long, b:long, c:long)[1, 2, 3, 4, 5, 6] | where a > 1 | extend b = c | where b > 0 | project b, a",
    ])
    func everyNodeProducesTheSchemaItDeclares(_ text: String) throws {
        let p = try plan(text)
        #expect(p.plan.schema == p.bound.schema)
        var t = try p.executor.run(p.plan.source, input: nil)
        #expect(t.schema == p.plan.source.schema, "source of \(text)")
        for node in p.plan.operators {
            t = try p.executor.run(node, input: t)
            #expect(t.schema == node.schema, "\(node.op.name) in \(text)")
        }
    }

    @Test func aLetChainIsOneFlatPipeline() throws {
        let p = try plan(
            "let a = range x from 1 to 5 step 1 | where x > 1; let b = a | extend y = x * 2; b | where y > 4")
        guard case .query = p.bound.source else { Issue.record("the bound query is not a chain"); return }
        #expect(p.plan.source.op is RangeOperator)
        #expect(p.plan.operators.map { $0.op.name } == ["where", "extend", "where"])
        #expect(TestHarness.text(try p.executor.run(p.plan)) == [["3", "6"], ["4", "8"], ["5", "10"]])
    }

    @Test func aFilterRunIsPrunedWhenPlannedWithEveryNodesNarrowedSchema() throws {
        let p = try plan(
            "datatable(a:long, b:long, c:long, d:long)[1, 10, 100, 0, 2, 20, 200, 0, 3, 30, 300, 0]"
                + " | where a > 1 | extend b = b + 1, e = c * 2 | project e, b")
        let keep = try #require(p.plan.operators.first?.op as? KeepColumnsOperator)
        #expect(keep.columns == [0, 1, 2])
        // `d` is never read; `a` only by the filter, which drops it; extend replaces `b` in place and appends `e`.
        #expect(
            p.plan.operators.map { $0.schema?.names ?? [] } == [
                ["a", "b", "c"], ["b", "c"], ["b", "c", "e"], ["e", "b"],
            ])
        #expect(TestHarness.text(try p.executor.run(p.plan)) == [["400", "21"], ["600", "31"]])
    }

    @Test func operatorsAfterAPluginWithAnInferredSchemaAreOneDeferredNode() throws {
        let p = try plan(
            "range x from 1 to 2 step 1 | evaluate reshape() | where k == 'b' | extend v = w",
            plugins: [ReshapingPlugin()])
        #expect(p.plan.operators.map { $0.op.name } == ["reshape", "the operators after a plugin"])
        let deferred = try #require(p.plan.operators.last?.op as? DeferredOperator)
        #expect(deferred.deferred.operators.count == 2)
        #expect(p.plan.operators.map { $0.schema == nil } == [true, true])
        #expect(p.plan.schema == nil)
        let t = try p.executor.run(p.plan)
        #expect(t.schema == Schema([Field("k", .string), Field("w", .real), Field("v", .real)]))
        #expect(TestHarness.text(t) == [["b", "20.5", "20.5"]])
    }

    @Test func operatorsDeclareWhetherTheyWorkRowByRow() throws {
        let p = try plan(
            "range x from 1 to 5 step 1 | where x > 1 | sort by x asc | extend r = row_number() | take 2 | extend y = x + 1"
        )
        let traits = p.plan.operators.map { $0.op.traits }
        #expect(p.plan.source.op.traits.contains(.parallelSafe))
        #expect(traits == [.rowWise, [], .preservesOrder, .preservesOrder, .rowWise])
    }
}
