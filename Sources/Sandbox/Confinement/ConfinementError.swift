import Columnar
import SharedTable

/// One confinement step, in the order `Confinement.apply` runs them; errors name the step that failed.
public enum ConfinementStep: String, Sendable, Codable, Hashable, CaseIterable {
    case closeFileDescriptors = "close_range"
    case newSession = "setsid"
    case parentDeathSignal = "PR_SET_PDEATHSIG"
    case joinCgroup = "cgroup"
    case resourceLimits = "rlimits"
    case unshareNamespaces = "unshare"
    case enterPIDNamespace = "pid namespace"
    case hostName = "sethostname"
    case filesystem = "filesystem view"
    case dropIdentity = "setresuid"
    case noNewPrivileges = "PR_SET_NO_NEW_PRIVS"
    case landlock = "landlock"
    case seccomp = "seccomp"
}

/// A failure to set up confinement, or an operation the sandbox refused.
///
/// Codes: `E_SANDBOX_SETUP` (a layer could not be applied: the query must not run),
/// `E_SANDBOX_UNAVAILABLE` (the kernel lacks a required layer), `E_SANDBOX_DENIED` (the script tried
/// something the sandbox forbids), `E_SANDBOX_KICKOUT` (memory above the ceiling).
public struct ConfinementError: CodedError, Hashable {
    /// The stable code.
    public let code: ErrorCode
    /// What went wrong, in one sentence.
    public let message: String
    /// What to do about it.
    public let hint: String?
    /// The step that failed, for setup errors.
    public let step: ConfinementStep?
    /// The errno the kernel returned, when there was one.
    public let errno: Int32?

    /// Creates an error from its parts.
    public init(
        code: ErrorCode, message: String, hint: String? = nil, step: ConfinementStep? = nil,
        errno: Int32? = nil
    ) {
        self.code = code; self.message = message; self.hint = hint; self.step = step; self.errno = errno
    }

    /// `E_SANDBOX_SETUP`: `step` failed; `what` names the call and its argument.
    public static func setup(_ step: ConfinementStep, _ what: String, errno: Int32? = nil) -> ConfinementError {
        let reason = errno.map { " (\(ErrnoName.describe($0)))" } ?? ""
        return ConfinementError(
            code: .sandboxSetup,
            message: "could not apply the sandbox layer \(step.rawValue): \(what)\(reason)",
            hint: "run `sandpiper sandbox doctor` to see which layers this kernel supports",
            step: step, errno: errno)
    }

    /// `E_SANDBOX_UNAVAILABLE`: the kernel has no `feature`, which the plan requires.
    public static func unavailable(_ step: ConfinementStep, _ feature: String) -> ConfinementError {
        ConfinementError(
            code: .sandboxUnavailable,
            message: "this kernel has no \(feature), which the sandbox requires",
            hint: "run `sandpiper sandbox doctor`; running python() unconfined must be asked for explicitly",
            step: step)
    }

    /// `E_SANDBOX_KICKOUT`: the cgroup's memory ceiling was hit.
    public static func kickout(limitBytes: UInt64, peakBytes: UInt64?) -> ConfinementError {
        let peak = peakBytes.map { ", peak \(ByteCount.describe($0))" } ?? ""
        return ConfinementError(
            code: .sandboxKickout,
            message:
                "the script used more memory than the sandbox allows (limit \(ByteCount.describe(limitBytes))\(peak)) and was stopped",
            hint: "process less data per call (filter or summarize first) or raise the sandbox policy's memory limit")
    }
}

/// Human-readable byte counts for messages.
enum ByteCount {
    static func describe(_ bytes: UInt64) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) B"
    }
}

/// Symbolic names of the errnos confinement produces or meets.
public enum ErrnoName {
    /// `EPERM (1)` style, falling back to the number.
    public static func describe(_ value: Int32) -> String {
        names[value].map { "\($0) (\(value))" } ?? "errno \(value)"
    }

    static let names: [Int32: String] = [
        1: "EPERM", 2: "ENOENT", 3: "ESRCH", 4: "EINTR", 5: "EIO", 9: "EBADF", 11: "EAGAIN", 12: "ENOMEM",
        13: "EACCES", 14: "EFAULT", 16: "EBUSY", 17: "EEXIST", 18: "EXDEV", 20: "ENOTDIR", 22: "EINVAL",
        24: "EMFILE", 27: "EFBIG", 28: "ENOSPC", 30: "EROFS", 38: "ENOSYS", 95: "EOPNOTSUPP",
        97: "EAFNOSUPPORT", 101: "ENETUNREACH", 111: "ECONNREFUSED",
    ]
}

extension ConfinementError {
    /// The failure code a query child reports when confining itself failed with this error: a layer
    /// missing on this kernel, a refused operation, or (anything else) a layer that could not be applied.
    public var workerFailureCode: WorkerFailure.Code {
        if code == WorkerFailure.Code.unavailable.errorCode { return .unavailable }
        if code == WorkerFailure.Code.denied.errorCode { return .denied }
        return .setup
    }
}
