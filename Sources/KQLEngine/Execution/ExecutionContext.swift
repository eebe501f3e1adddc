import Columnar
import KQLSyntax

/// State of one `Engine.execute` call shared by its operators: the fixed `now()`, cached
/// `materialize` results, the table flowing into an `mv-apply` subquery, captured plugin output, the
/// budget of memory and time the current statement runs under, and the query's binder.
final class ExecutionContext {
    let database: any Database
    /// `now()` for the whole query, in nanoseconds since the epoch.
    let now: Int64
    let randomSeed: UInt64
    var materialized: [Int: Table] = [:]
    /// Tables flowing into `mv-apply` subqueries (innermost last).
    var inputs: [Table] = []
    /// Text printed by plugins while the current statement ran.
    var pluginOutput: [String] = []
    /// Files plugins wrote while the current statement ran.
    var pluginFiles: [String] = []
    /// The current statement's budget (each statement gets its own, since `set` can change the limits).
    var budget: QueryBudget = .unlimited
    /// How many threads runs of row-wise operators may use, and from what input size.
    var parallelism = QueryParallelism.serial
    /// The query's binder, which binds the operators after a plugin whose output is known only once it
    /// ran (``DeferredOperator``). Weak: the binder runs sub-queries through this context's executor.
    weak var binder: Binder?

    init(database: any Database, now: Int64, randomSeed: UInt64 = 0) {
        self.database = database; self.now = now; self.randomSeed = randomSeed
    }

    func functionContext(rowCount: Int) -> FunctionContext {
        FunctionContext(
            now: now, rowCount: rowCount, randomSeed: randomSeed, budget: budget,
            databaseName: ManagementCommands.databaseName(database))
    }

    /// The query's binder, for binding at run time.
    func queryBinder() throws(KQLError) -> Binder {
        guard let binder else {
            throw KQLError(
                .runtime, "operators after a plugin ran without the binder of their query",
                hint: "this is a bug in sandpiper; please report the query")
        }
        return binder
    }
}
