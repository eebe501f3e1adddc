import Columnar
import KQLSyntax

/// Runs a parsed script: binds its statements in order (lets, `set`, query parameters), then executes
/// each tabular statement and command, each yielding one result table.
///
/// A script without management commands is bound completely before anything runs, so a mistake in
/// its last statement is reported before the first one runs. A script with commands runs statement
/// by statement, because a command can create the table a later statement reads.
struct ScriptRunner {
    /// Runs a management command; `runQuery` evaluates a tabular expression in the script's scope.
    typealias CommandRunner = (CommandSyntax, any Database, (ExpressionSyntax) throws(KQLError) -> Table) throws(KQLError) -> Table

    let database: any Database
    let functions: any FunctionResolver
    let plugins: [any TabularPlugin]
    let now: Int64
    let runCommand: CommandRunner

    private enum Planned {
        case query(BoundQuery)
        case command(CommandSyntax)
    }

    func run(_ script: ScriptSyntax) throws(KQLError) -> QueryResult {
        do {
            return try runUnlocated(script)
        } catch {
            throw error.located(in: script.source)
        }
    }

    private func runUnlocated(_ script: ScriptSyntax) throws(KQLError) -> QueryResult {
        let binder = Binder(database: database, functions: functions, plugins: plugins)
        binder.now = now
        let context = ExecutionContext(database: database, now: now, randomSeed: UInt64(bitPattern: now))
        let executor = Executor(context: context)
        binder.run = { (q: BoundQuery) throws(KQLError) -> Table in try executor.run(q) }
        var scope = Scope()
        let hasCommands = script.statements.contains { if case .command = $0 { return true } else { return false } }
        var results: [ResultTable] = []

        func execute(_ p: Planned, scope: Scope) throws(KQLError) {
            context.pluginOutput = []
            let table: Table
            switch p {
            case .query(let q):
                table = try executor.run(q)
            case .command(let c):
                let s = scope
                table = try runCommand(c, database) { (e: ExpressionSyntax) throws(KQLError) -> Table in
                    try executor.run(try binder.bindTabular(e, scope: s))
                }
                binder.databaseChanged()
            }
            results.append(ResultTable(table: table, pluginOutput: context.pluginOutput))
        }

        var planned: [(Planned, Scope)] = []
        for statement in script.statements {
            var p: Planned?
            switch statement {
            case .let(let l): try binder.bindLet(l, scope: &scope)
            case .set(let name, let value, _): try binder.bindSet(name: name, value: value, scope: scope)
            case .declareQueryParameters(let params, _): try binder.bindQueryParameters(params, scope: &scope)
            case .query(let e): p = .query(try binder.bindTabular(e, scope: scope))
            case .command(let c): p = .command(c)
            }
            guard let p else { continue }
            if hasCommands { try execute(p, scope: scope) } else { planned.append((p, scope)) }
        }
        for (p, s) in planned { try execute(p, scope: s) }
        return QueryResult(tables: results)
    }
}
