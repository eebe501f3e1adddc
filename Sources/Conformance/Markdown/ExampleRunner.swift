import Columnar

/// Runs one example's query. The conformance runner is written against this seam so it can be tested
/// with a scripted runner; `EngineExampleRunner` is the real one (an `Engine` plus the python plugin).
public protocol ExampleRunner: Sendable {
    /// Runs `query` with the python plugin bound to `sandbox` (nil: the default sandbox).
    func run(_ query: String, sandbox: String?) -> ExampleOutcome
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
