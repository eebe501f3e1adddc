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
        /// The query's processes handed back a result region or a reply the engine refuses (a header out
        /// of range, a forged or oversized reply): what a script that writes them itself gets.
        case malformedResult
        /// Shared memory or the worker socket failed.
        case io
        /// The query's processes used more memory than its ceiling and were killed.
        case kickout(limitBytes: UInt64, peakBytes: UInt64?, elapsedMilliseconds: Int)
        /// Every worker slot of the sandbox stayed busy for longer than the supervisor waits.
        case throttled(waitedMilliseconds: Int)
        /// The script failed because the sandbox refused an operation; `hint` says what to do instead.
        case denied(hint: String)
        /// A confinement layer `python()` requires is missing here and unconfined runs were not allowed.
        case unavailable
        /// A confinement layer could not be applied in the query's child; the script did not run.
        case setup
        /// The process was told to stop (Ctrl-C, SIGTERM) while the script ran; it was stopped too.
        case cancelled(signal: Int32)
    }

    public let kind: Kind
    public let message: String
    /// The error this one wraps (a shared-memory or socket failure, a confinement step's), or nil.
    public let cause: (any Error & Sendable)?

    public init(_ kind: Kind, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.kind = kind; self.message = message; self.cause = cause
    }

    /// Equal when kind and message are: the cause is context, not identity.
    public static func == (a: SupervisorError, b: SupervisorError) -> Bool {
        a.kind == b.kind && a.message == b.message
    }

    public var code: ErrorCode {
        switch kind {
        case .timeout: return .sandboxTimeout
        case .workerStart: return .sandboxStart
        case .workerCrashed: return .sandboxCrash
        case .python: return .python
        case .result, .malformedResult: return .result
        case .io: return .sandboxIO
        case .kickout: return .sandboxKickout
        case .throttled: return .sandboxThrottled
        case .denied: return .sandboxDenied
        case .unavailable: return .sandboxUnavailable
        case .setup: return .sandboxSetup
        case .cancelled: return .cancelled
        }
    }

    public var hint: String? {
        switch kind {
        case .timeout(let ms):
            return
                "the script ran longer than \(ms) ms; make it faster, reduce the input with KQL before python(), or raise the sandbox's limit with `sandpiper sandbox policy NAME --timeout SECONDS` (the query's own timeout, `--timeout` or `set servertimeout`, still applies)"
        case .workerStart:
            return
                "check the sandbox environment (numpy and pandas for Python 3.11) and that sandpiper-worker sits next to sandpiper"
        case .workerCrashed: return "the script's process died (out of memory, a crash in a native library, or killed)"
        case .python(let f): return f.traceback.isEmpty ? nil : f.traceback
        case .result: return "assign a pandas DataFrame to `result`, for example `result = df`"
        case .malformedResult:
            return
                "the script (or a library it called) wrote into the result's shared memory or the reply socket itself; the query was stopped, and only this query failed"
        case .io: return nil
        case .kickout:
            return
                "filter or project the input before python() (fewer rows, fewer columns), or raise the sandbox's ceiling with `sandpiper sandbox policy NAME --memory-mb N` (kickout=N can only lower it)"
        case .throttled(let ms):
            return
                "all workers of this sandbox were busy for \(ms) ms; run fewer python() calls at once or raise the pool with `sandpiper sandbox policy NAME --pool-size N`"
        case .denied(let hint): return hint
        case .unavailable:
            return
                "run `sandpiper sandbox doctor` to see which layers are missing; `--unsafe-no-sandbox` runs scripts without them, at your own risk"
        case .setup: return "run `sandpiper sandbox doctor --verify` to check the confinement layers on this machine"
        case .cancelled: return nil
        }
    }

    static func io(_ e: SharedTableError) -> SupervisorError { SupervisorError(.io, e.message, cause: e) }

    /// The failure a worker child reported. Its texts come from the script's process, which may have
    /// written the report itself: an empty one still makes a message that says what happened.
    static func reported(_ f: WorkerFailure) -> SupervisorError {
        let message =
            f.message.isEmpty
            ? "the python script's process reported \(f.code.errorCode.rawValue) without a message" : f.message
        switch f.code {
        case .python:
            return SupervisorError(
                .python(f),
                (f.type.isEmpty ? "" : "\(f.type): ") + message + (f.line.map { " (script line \($0))" } ?? ""))
        case .result: return SupervisorError(.result, message)
        case .environment: return SupervisorError(.workerStart, message)
        case .setup, .unavailable: return SupervisorError(.setup, message)
        case .denied: return SupervisorError(.denied(hint: f.traceback), message)
        case .sharedTable, .sharedMemory, .io: return SupervisorError(.io, "\(f.code.errorCode.rawValue): \(message)")
        }
    }
}
