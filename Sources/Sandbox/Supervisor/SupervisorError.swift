import Columnar
import SharedTable

/// Why a `python()` call failed in the supervisor or its worker.
public struct SupervisorError: CodedError, Equatable {
    /// What happened; callers switch on this, never on the text.
    public enum Kind: Sendable, Equatable {
        /// The script ran longer than the time limit and was killed.
        case timeout(milliseconds: Int)
        /// The worker executable is missing or could not be started, or its environment failed to load.
        case workerStart
        /// The query's process ended without answering (killed, crashed).
        case workerCrashed
        /// The script raised, or did not compile.
        case python(WorkerFailure)
        /// The script's `result` is missing or not a DataFrame.
        case result
        /// Shared memory or the worker socket failed.
        case io
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }

    public var code: ErrorCode {
        switch kind {
        case .timeout: return "E_SANDBOX_TIMEOUT"
        case .workerStart: return "E_SANDBOX_START"
        case .workerCrashed: return "E_SANDBOX_CRASH"
        case .python: return "E_PYTHON"
        case .result: return "E_RESULT"
        case .io: return "E_SANDBOX_IO"
        }
    }

    public var hint: String? {
        switch kind {
        case .timeout(let ms): return "the script ran longer than \(ms) ms; make it faster, or reduce the input with KQL before python()"
        case .workerStart: return "check the sandbox environment (numpy and pandas for Python 3.11) and that sandpiper-worker sits next to sandpiper"
        case .workerCrashed: return "the script's process died (out of memory, a crash in a native library, or killed)"
        case .python(let f): return f.traceback.isEmpty ? nil : f.traceback
        case .result: return "assign a pandas DataFrame to `result`, for example `result = df`"
        case .io: return nil
        }
    }

    static func io(_ e: SharedTableError) -> SupervisorError { SupervisorError(.io, e.message) }

    /// The failure a worker child reported.
    static func reported(_ f: WorkerFailure) -> SupervisorError {
        switch f.code {
        case "E_PYTHON": return SupervisorError(.python(f), "\(f.type): \(f.message)" + (f.line.map { " (script line \($0))" } ?? ""))
        case "E_RESULT": return SupervisorError(.result, f.message)
        case "E_SANDBOX_ENVIRONMENT": return SupervisorError(.workerStart, f.message)
        default: return SupervisorError(.io, "\(f.code): \(f.message)")
        }
    }
}
