import Columnar

/// Runs one example's query. The conformance runner is written against this seam so it can be tested
/// with a scripted runner; `EngineExampleRunner` is the real one (an `Engine` plus the python plugin).
public protocol ExampleRunner: Sendable {
    /// Runs `query` with the python plugin bound to `sandbox` (nil: the default sandbox).
    func run(_ query: String, sandbox: String?) -> ExampleOutcome
    /// Runs `query`, which stands in a document at `place`, so that its errors give the document's
    /// `line:column` (a runner that cannot say where errors are runs it as `run(_:sandbox:)` does).
    func run(_ query: String, sandbox: String?, at place: ExamplePlace) -> ExampleOutcome
}

extension ExampleRunner {
    public func run(_ query: String, sandbox: String?, at place: ExamplePlace) -> ExampleOutcome {
        run(query, sandbox: sandbox)
    }
}

/// Where an example's query text stands: the document it is in and the line its first line is on.
public struct ExamplePlace: Sendable, Equatable {
    /// The document's path as given on the command line.
    public var document: String
    /// The 1-based line of the document where the query's first line is.
    public var firstLine: Int
    public init(document: String, firstLine: Int) { self.document = document; self.firstLine = firstLine }

    /// `query` preceded by as many empty lines as stand before it in the document, so that the positions
    /// the engine reports in it are the document's (its columns are too, unless the block is indented).
    public func positioned(_ query: String) -> String {
        String(repeating: "\n", count: max(0, firstLine - 1)) + query
    }
}

/// What running one query gave: its result tables, or the error that stopped it.
public enum ExampleOutcome: Sendable {
    case tables([ExampleTable])
    case error(ExampleError)
}

/// One result table and the Python output printed while producing it.
public struct ExampleTable: Sendable {
    public var table: Table
    public var pythonOutput: [String]
    public init(table: Table, pythonOutput: [String] = []) { self.table = table; self.pythonOutput = pythonOutput }
}

/// An error a query raised: its stable code (`E_PARSE`, `E_PYTHON`, ...), its message (for `E_PYTHON`, the
/// traceback, where the Python exception's name appears) and how to show it.
public struct ExampleError: Sendable, Equatable, Error {
    public var code: String
    /// The error's own text: what expectations match against. It must not echo the query, or a query that
    /// merely mentions `ValueError` would satisfy an expectation of that exception.
    public var message: String
    /// The full rendering for the report (with `line:column`, the query line and a caret), when it differs.
    public var display: String?
    public init(code: String, message: String, display: String? = nil) {
        self.code = code; self.message = message; self.display = display
    }

    /// What the report prints.
    public var text: String { display ?? message }
}
