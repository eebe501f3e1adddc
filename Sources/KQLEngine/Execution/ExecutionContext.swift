import Columnar
import KQLSyntax

/// State of one `Engine.execute` call shared by its operators: the fixed `now()`, cached
/// `materialize` results, the table flowing into `invoke`, captured plugin output, and the budget of
/// memory and time the current statement runs under.
final class ExecutionContext {
    let database: any Database
    /// `now()` for the whole query, in nanoseconds since the epoch.
    let now: Int64
    let randomSeed: UInt64
    var materialized: [Int: Table] = [:]
    /// Tables flowing into `invoke` bodies (innermost last).
    var inputs: [Table] = []
    /// Text printed by plugins while the current statement ran.
    var pluginOutput: [String] = []
    /// The current statement's budget (each statement gets its own, since `set` can change the limits).
    var budget: QueryBudget = .unlimited

    init(database: any Database, now: Int64, randomSeed: UInt64 = 0) {
        self.database = database; self.now = now; self.randomSeed = randomSeed
    }

    func functionContext(rowCount: Int) -> FunctionContext {
        FunctionContext(now: now, rowCount: rowCount, randomSeed: randomSeed, budget: budget)
    }
}
