import Columnar
import KQLEngine
import KQLSyntax
import Synchronization

/// The real `ExampleRunner`: an `Engine` over a database, with the tabular plugins bound to the sandbox
/// the example runs in (one engine per sandbox, made on first use and reused).
///
/// Errors become `ExampleError` with the `KQLError`'s code and its full description (line:column, caret,
/// hint, and for `E_PYTHON` the traceback, where sidecars look for Python exception names).
public final class EngineExampleRunner: ExampleRunner {
    private let database: any Database
    private let plugins: @Sendable (String?) -> [any TabularPlugin]
    private let now: (@Sendable () -> Int64)?
    private let engines = Mutex<[String: Engine]>([:])

    /// - Parameters:
    ///   - database: where tables come from (the sample database, or a `--db` folder).
    ///   - plugins: the plugins for a sandbox name (nil: the default sandbox); the CLI passes the python plugin here.
    ///   - now: a fixed clock for `now()`/`ago()`, or nil for the real one.
    public init(
        database: any Database, plugins: @escaping @Sendable (String?) -> [any TabularPlugin],
        now: (@Sendable () -> Int64)? = nil
    ) {
        self.database = database; self.plugins = plugins; self.now = now
    }

    public func run(_ query: String, sandbox: String?) -> ExampleOutcome {
        run(query, sourceName: nil, sandbox: sandbox)
    }

    /// Runs the query as the lines of its document, so an error reads `doc.md:12:7` as an editor shows it.
    public func run(_ query: String, sandbox: String?, at place: ExamplePlace) -> ExampleOutcome {
        run(place.positioned(query), sourceName: place.document, sandbox: sandbox)
    }

    private func run(_ query: String, sourceName: String?, sandbox: String?) -> ExampleOutcome {
        let engine = engine(for: sandbox)
        do {
            let result = try engine.execute(query, sourceName: sourceName)
            return .tables(result.tables.map { ExampleTable(table: $0.table, pythonOutput: $0.pluginOutput) })
        } catch {
            return .error(
                ExampleError(
                    code: error.code.rawValue, message: error.message + (error.hint.map { "\nhint: \($0)" } ?? ""),
                    display: error.located(in: SourceText(query, name: sourceName)).description))
        }
    }

    private func engine(for sandbox: String?) -> Engine {
        let key = sandbox ?? ""
        return engines.withLock { engines in
            if let e = engines[key] { return e }
            let e = Engine(database: database, plugins: plugins(sandbox), now: now)
            engines[key] = e
            return e
        }
    }
}
