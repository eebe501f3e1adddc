import Columnar
import KQLSyntax
import SystemCalls

/// Runs a parsed script: binds its statements in order (lets, `set`, query parameters), then executes
/// each tabular statement and command, each yielding one result table.
///
/// `set` statements that name a limit (``RequestProperties``) apply to the statements after them, as in
/// ADX: each statement is planned with the limits in force where it stands, and runs with a budget of
/// its own (``QueryBudget``) whose deadline counts from the start of the request. Its result is then
/// truncated (``ResultTruncation``); the data a command writes is not.
///
/// A script without management commands is bound completely before anything runs, so a mistake in
/// its last statement is reported before the first one runs. A script with commands runs statement
/// by statement, because a command can create the table a later statement reads.
struct ScriptRunner {
    /// Runs a management command; `runQuery` evaluates a tabular expression in the script's scope, and
    /// `validate` binds a function definition for `.create function`.
    typealias CommandRunner = (
        CommandSyntax, any Database, (ExpressionSyntax) throws(KQLError) -> Table,
        (FunctionDefinitionSyntax, String) throws(KQLError) -> Void
    ) throws(KQLError) -> Table

    let database: any Database
    let functions: any FunctionResolver
    let plugins: [any TabularPlugin]
    let now: Int64
    /// The client's request properties, refined by `set` statements as they come.
    var properties = RequestProperties()
    /// When the request started: every statement's deadline counts from here.
    var start: UInt64 = MonotonicClock.nanoseconds()
    /// Flipped by a server when the client goes away; every statement's budget checks it.
    var cancellation: QueryCancellation?
    /// How many threads each statement's operators may use.
    var parallelism = QueryParallelism.serial
    let runCommand: CommandRunner

    private enum Planned {
        case query(PhysicalPlan)
        case command(CommandSyntax)
    }

    /// What a statement runs under: its limits and the budget its operators charge.
    private struct Limited {
        var limits: RequestLimits
        var budget: QueryBudget
    }

    func run(_ script: ScriptSyntax) throws(KQLError) -> QueryResult {
        do {
            return try runUnlocated(script)
        } catch {
            throw error.located(in: script.source)
        }
    }

    private func runUnlocated(_ script: ScriptSyntax) throws(KQLError) -> QueryResult {
        let now = try queryNow(script) ?? self.now
        let binder = Binder(database: database, functions: functions, plugins: plugins)
        binder.now = now
        binder.parameterValues = properties.parameters
        binder.source = script.source
        let context = ExecutionContext(database: database, now: now, randomSeed: UInt64(bitPattern: now))
        context.parallelism = parallelism
        let executor = Executor(context: context)
        binder.run = { (q: BoundQuery) throws(KQLError) -> Table in try executor.run(q) }
        context.binder = binder
        var scope = Scope()
        let hasCommands = script.statements.contains { if case .command = $0 { return true } else { return false } }
        var results: [ResultTable] = []
        var properties = self.properties
        func limited(_ limits: RequestLimits) -> Limited {
            Limited(
                limits: limits,
                budget: QueryBudget(
                    maxMemoryPerOperator: limits.maxMemoryPerOperator,
                    timeoutNanoseconds: limits.timeoutNanoseconds, startNanoseconds: start,
                    cancellation: cancellation))
        }
        var current = limited(properties.limits)
        binder.budget = current.budget
        context.budget = current.budget

        func execute(_ p: Planned, scope: Scope, _ statement: Limited) throws(KQLError) {
            context.pluginOutput = []
            context.pluginFiles = []
            context.budget = statement.budget
            binder.budget = statement.budget
            let table: Table
            switch p {
            case .query(let plan):
                table = try executor.run(plan)
            case .command(let c):
                let s = scope
                let answer = try runCommand(
                    c, database,
                    { (e: ExpressionSyntax) throws(KQLError) -> Table in
                        try executor.run(try binder.bindTabular(e, scope: s))
                    },
                    { (definition: FunctionDefinitionSyntax, name: String) throws(KQLError) in
                        try binder.validateStoredFunction(definition, name: name)
                    })
                binder.databaseChanged()
                table =
                    c.operators.isEmpty
                    ? answer
                    : try executor.run(Planner.plan(try binder.bindOperators(c.operators, over: answer, scope: s)))
            }
            let (kept, notice) = ResultTruncation.apply(statement.limits, to: table)
            results.append(
                ResultTable(
                    table: kept, pluginOutput: context.pluginOutput, truncation: notice,
                    pluginFiles: context.pluginFiles))
        }

        var planned: [(Planned, Scope, Limited)] = []
        for statement in script.statements {
            var p: [Planned] = []
            switch statement {
            case .let(let l): try binder.bindLet(l, scope: &scope)
            case .set(let name, let value, let span):
                try QueryOptions.check(name)
                try binder.bindSet(name: name, value: value, scope: scope)
                if let v = binder.queryOptions[name.name], try properties.set(name.name, v, span: value?.span ?? span) {
                    current = limited(properties.limits)
                    binder.budget = current.budget
                    context.budget = current.budget
                }
            case .declareQueryParameters(let params, _): try binder.bindQueryParameters(params, scope: &scope)
            case .pattern(let p): try binder.declarePattern(p, scope: scope)
            case .aliasDatabase(let a): try binder.bindAliasDatabase(a, scope: scope)
            // A statement ending in `fork` or `facet` yields several tables; `graph-to-table nodes as N, edges as E;`
            // only names results for the statements after it.
            case .query(let e): p = try binder.bindQueryStatement(e, scope: &scope).map { .query(Planner.plan($0)) }
            case .command(let c): p = [.command(c)]
            }
            for p in p {
                if hasCommands { try execute(p, scope: scope, current) } else { planned.append((p, scope, current)) }
            }
        }
        for (p, s, l) in planned { try execute(p, scope: s, l) }
        return QueryResult(tables: results)
    }

    /// The instant `set query_now = datetime(...)` fixes for `now()`, `ago()` and the rest of the query (as in
    /// ADX, the option applies to the whole request wherever the statement stands); nil without one.
    private func queryNow(_ script: ScriptSyntax) throws(KQLError) -> Int64? {
        var found: Int64?
        for case .set(let name, let value, let span) in script.statements
        where name.name.lowercased() == QueryOptions.queryNow {
            let binder = Binder(database: database, functions: functions, plugins: plugins)
            binder.now = self.now
            guard let value,
                case .datetime(let t)? = try binder.bindScalar(value, schema: Schema([]), scope: Scope()).constantValue
            else {
                throw KQLError(
                    .argument, "option 'query_now' must be a datetime constant", span: value?.span ?? span,
                    hint: "for example `set query_now = datetime(2024-01-01T00:00:00Z);`")
            }
            found = t
        }
        return found
    }
}
