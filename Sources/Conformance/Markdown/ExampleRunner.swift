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

/// An error a query raised: its stable code (`E_PARSE`, `E_PYTHON`, ...) and the full message
/// (for `E_PYTHON`, the traceback, where the Python exception's name appears).
public struct ExampleError: Sendable, Equatable, Error {
    public var code: String
    public var message: String
    public init(code: String, message: String) { self.code = code; self.message = message }
}
