import Columnar
import SharedTable

/// Why running a script in the host failed.
public enum PythonHostError: CodedError {
    /// The script raised (or did not compile): Python's type, message and traceback.
    case python(WorkerFailure)
    /// The script ran but `result` is missing or not a DataFrame, or cannot be converted.
    case result(String)
    /// The interpreter or the environment could not be set up (for example pandas is missing).
    case environment(String)
    /// The shared table could not be read or written.
    case sharedTable(SharedTableError)
    /// The files under `outputs/` cannot be copied out (too many, too large, a link or a special file).
    case outputFiles(String)

    public var code: ErrorCode {
        switch self {
        case .python: return .python
        case .result: return .result
        case .environment: return .sandboxEnvironment
        case .sharedTable(let e): return e.code
        case .outputFiles: return .pythonOutputFiles
        }
    }

    public var message: String {
        switch self {
        case .python(let f): return "\(f.type): \(f.message)" + (f.line.map { " (script line \($0))" } ?? "")
        case .result(let m): return m
        case .environment(let m): return m
        case .sharedTable(let e): return e.message
        case .outputFiles(let m): return m
        }
    }

    public var hint: String? {
        switch self {
        case .python(let f): return f.traceback.isEmpty ? nil : f.traceback
        case .result: return "assign a pandas DataFrame to `result`, for example `result = df`"
        case .environment: return "check that the sandbox environment has numpy and pandas for Python 3.11"
        case .sharedTable(let e): return e.hint
        case .outputFiles: return ErrorCode.pythonOutputFiles.hint
        }
    }

    /// The failure as it crosses back to the supervisor.
    public var failure: WorkerFailure {
        switch self {
        case .python(let f): return f
        case .result: return WorkerFailure(code: .result, message: message)
        case .environment: return WorkerFailure(code: .environment, message: message)
        case .sharedTable(let e): return WorkerFailure(code: e.workerFailureCode, message: message)
        case .outputFiles: return WorkerFailure(code: .outputFiles, message: message)
        }
    }
}
