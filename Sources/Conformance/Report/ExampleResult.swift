import Columnar

/// The verdict on one example in one sandbox.
public enum ExampleStatus: String, Sendable, Equatable, CaseIterable {
    /// Ran, and its result was compared with a table the document shows and matched it.
    case matched
    /// Ran without error, but the document shows no table to compare it with: nothing was checked beyond that.
    case ran
    /// Ran, but the result differs from the document, or an expected failure did not happen as described.
    case fail
    /// Failed the way its sidecar expectation says.
    case expectedFail = "expected-fail"
    /// Not run, for the reason its expectation gives.
    case skipped
    /// Raised an error nobody expected (or could not be run at all).
    case error

    /// True for the outcomes that make the run exit with status 1.
    public var isUnexpected: Bool { self == .fail || self == .error }

    /// True for the outcomes the summary counts as passed: matched, ran, and expected failures.
    public var isPassing: Bool { self == .matched || self == .ran || self == .expectedFail }
}

/// Everything the report needs about one example run.
public struct ExampleResult: Sendable {
    public var example: DocumentExample
    /// The sandbox it ran in (nil: default; always nil for examples that do not call python()).
    public var sandbox: String?
    public var status: ExampleStatus
    public var seconds: Double
    /// The expectation's reason, for expected failures and skips.
    public var reason: String?
    /// The error the query raised, if any.
    public var error: ExampleError?
    /// What went wrong beyond the table diffs (an unexpected pass, a different error, a table count mismatch).
    public var messages: [String]
    /// One diff per compared result table (index into the results), only those that differ.
    public var diffs: [(index: Int, diff: TableDiff)]
    /// The actual result tables (kept for `--complete`) and whether each is ordered.
    public var tables: [Table]
    public var ordered: [Bool]
    /// Python print output captured while running.
    public var pythonOutput: [String]
    /// Where the sidecar entry that applied was written (nil: none applied).
    public var expectationOrigin: String?

    /// True when the document shows a table for the example or a sidecar says something about it.
    public var isPinned: Bool { !example.expected.isEmpty || expectationOrigin != nil }

    public init(
        example: DocumentExample, sandbox: String?, status: ExampleStatus, seconds: Double = 0, reason: String? = nil,
        error: ExampleError? = nil, messages: [String] = [], diffs: [(index: Int, diff: TableDiff)] = [],
        tables: [Table] = [], ordered: [Bool] = [], pythonOutput: [String] = []
    ) {
        self.example = example; self.sandbox = sandbox; self.status = status; self.seconds = seconds;
        self.reason = reason
        self.error = error; self.messages = messages; self.diffs = diffs; self.tables = tables; self.ordered = ordered
        self.pythonOutput = pythonOutput
    }

    /// `document:line`, plus ` [sandbox]` when the run has a sandbox matrix.
    public var name: String { example.location + (sandbox.map { " [\($0)]" } ?? "") }
}
