import Columnar
import Foundation
import KQLSyntax
import SystemCalls

/// The query engine: parses a query text, binds every statement, then runs each tabular statement
/// and management command against a database, yielding one result table per statement.
///
/// An engine holds no per-query state, so one instance can serve concurrent `execute` calls.
public final class Engine: Sendable {
    private let database: any Database
    private let plugins: [any TabularPlugin]
    private let clock: @Sendable () -> Int64
    private let parallelism: QueryParallelism

    /// - Parameters:
    ///   - database: where table names resolve and management commands write.
    ///   - plugins: reached through `evaluate name(...)`; the seed's `| python(...)` form reaches `python`.
    ///     `bag_unpack`, the analytics plugins (`AnalyticsPlugins`) and the pattern plugins (`PatternPlugins`) are built in.
    ///   - now: nanoseconds since the epoch for `now()`; read once per `execute` (tests pass a fixed clock).
    ///   - parallelism: how many threads a query may use and from what input size (``QueryParallelism``).
    public init(
        database: any Database, plugins: [any TabularPlugin] = [], now: (@Sendable () -> Int64)? = nil,
        parallelism: QueryParallelism = .default
    ) {
        self.database = database
        self.parallelism = parallelism
        // Built-in plugins first, so a host's plugin of the same name takes their place.
        self.plugins =
            [
                BagUnpackPlugin(), GeoLookupPlugin.polygons, GeoLookupPlugin.lines, IPLookupPlugin.ipv4,
                IPLookupPlugin.ipv6,
                RowsNearPlugin(), PivotPlugin(), SchemaMergePlugin(),
            ] + AnalyticsPlugins.all + PatternPlugins.all + plugins
        self.clock = now ?? { Int64(Date().timeIntervalSince1970 * 1_000_000_000) }
    }

    /// Runs every statement; each tabular statement (and each command) yields one result table.
    /// Errors carry the query text, so they print `line:column` and a caret.
    ///
    /// `properties` are the client's request properties (the CLI's limit flags); `set` statements in
    /// the text refine them for the statements after them. Each statement runs under the resulting
    /// ``RequestLimits``: its results are truncated, its operators held to the memory budget, and the
    /// whole request to the time limit, which starts now.
    ///
    /// Parsing, binding and executing recurse once per level of the query's nesting, so they run on
    /// `DeepStack`'s thread (the caller waits), whose stack `QueryLimits` is sized for; the query's trees
    /// are released there too.
    ///
    /// `cancellation`, when given, stops the request with `E_CANCELLED` at its next deadline check once
    /// it is cancelled (a server flips it when the client disconnects).
    public func execute(
        _ text: String, sourceName: String? = nil,
        properties: RequestProperties = RequestProperties(),
        cancellation: QueryCancellation? = nil
    ) throws(KQLError) -> QueryResult {
        let start = MonotonicClock.nanoseconds()
        return try DeepStack.run { () throws(KQLError) -> QueryResult in
            try executeOnDeepStack(
                text, sourceName: sourceName, properties: properties, start: start, cancellation: cancellation)
        }
    }

    private func executeOnDeepStack(
        _ text: String, sourceName: String?, properties: RequestProperties,
        start: UInt64, cancellation: QueryCancellation?
    ) throws(KQLError) -> QueryResult {
        let script: ScriptSyntax
        do {
            script = try Parser.parse(text, sourceName: sourceName)
        } catch {
            throw error.located(in: SourceText(text, name: sourceName))
        }
        let runner = ScriptRunner(
            database: database, functions: StandardFunctions(), plugins: plugins, now: properties.queryNow ?? clock(),
            properties: properties, start: start, cancellation: cancellation, parallelism: parallelism,
            runCommand: { (command, database, runQuery, validate) throws(KQLError) -> Table in
                try ManagementCommands.execute(command, in: database, runQuery: runQuery, validateFunction: validate)
            })
        return try runner.run(script)
    }
}
