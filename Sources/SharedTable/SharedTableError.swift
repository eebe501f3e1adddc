import Columnar

/// Failures of the wire format and of the shared-memory calls beneath it.
public struct SharedTableError: CodedError, Equatable {
    /// What kind of failure; callers switch on this, never on the text.
    public enum Kind: Sendable, Equatable {
        /// The region does not hold a well-formed table (bad magic, a buffer outside the region, ...).
        case corrupt
        /// A system call on shared memory or a socket failed.
        case system(call: String, errno: Int32)
        /// The peer closed the connection.
        case closed
        /// A message could not be encoded or decoded.
        case message
        /// No message arrived before the deadline.
        case timeout
    }

    public let kind: Kind
    public let message: String
    public var hint: String? {
        switch kind {
        case .corrupt: return "the worker wrote a malformed result; this is a bug in sandpiper, please report it"
        case .system(_, let e) where e == 12 || e == 28: return "the machine is out of memory or shared-memory space"
        default: return nil
        }
    }

    public var code: ErrorCode {
        switch kind {
        case .corrupt, .message: return .sharedTable
        case .system, .closed, .timeout: return .sharedMemory
        }
    }

    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }

    /// A region that does not hold a well-formed table; `what` says which part.
    public static func corrupt(_ what: String) -> SharedTableError {
        SharedTableError(.corrupt, "shared table is corrupt: \(what)")
    }
}

extension SharedTableError {
    /// The failure code a worker child reports for this error.
    public var workerFailureCode: WorkerFailure.Code {
        switch kind {
        case .corrupt, .message: return .sharedTable
        case .system, .closed, .timeout: return .sharedMemory
        }
    }
}
