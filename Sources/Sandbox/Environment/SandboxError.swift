import Columnar

/// A failure of the sandbox manager that a user can cause: a stable code, what went wrong, what to do.
///
/// Callers switch on `kind` (or compare `code`); the text is for people.
public struct SandboxError: CodedError, Equatable {
    /// The families of sandbox failures, each with its stable code.
    public enum Kind: Sendable, Hashable {
        /// A corrupt, truncated, unsafe, oversized or wrong-ABI archive or wheel (`E_ARCHIVE`).
        case archive
        /// A spec or lock file that cannot be used as written (`E_SPEC`).
        case spec
        /// No sandbox of that name is registered (`E_SANDBOX_NOT_FOUND`).
        case notFound
        /// Resolving or downloading wheels failed (`E_SANDBOX_BUILD`).
        case build
        /// A policy value outside its allowed range (`E_SANDBOX_POLICY`).
        case policy
        /// The state directory could not be read or written (`E_IO`).
        case io

        /// The stable code of this family.
        public var code: ErrorCode {
            switch self {
            case .archive: return .archive
            case .spec: return .spec
            case .notFound: return .sandboxNotFound
            case .build: return .sandboxBuild
            case .policy: return .sandboxPolicy
            case .io: return .io
            }
        }
    }

    /// Which family of failure this is.
    public let kind: Kind
    /// What went wrong, in one sentence.
    public let message: String
    /// What to do about it, or nil.
    public let hint: String?
    /// The error this one wraps (a Foundation or system-call error, a TOML parse error), or nil.
    public let cause: (any Error & Sendable)?

    /// The stable code printed first, e.g. `E_ARCHIVE`.
    public var code: ErrorCode { kind.code }

    /// Makes an error of `kind` with a message, an optional hint and the error it wraps.
    public init(_ kind: Kind, _ message: String, hint: String? = nil, cause: (any Error & Sendable)? = nil) {
        self.kind = kind; self.message = message; self.hint = hint; self.cause = cause
    }

    /// Equal when kind, message and hint are: the cause is context, not identity.
    public static func == (a: SandboxError, b: SandboxError) -> Bool {
        a.kind == b.kind && a.message == b.message && a.hint == b.hint
    }

    static func archive(_ message: String, hint: String? = nil, cause: (any Error & Sendable)? = nil) -> SandboxError {
        .init(.archive, message, hint: hint, cause: cause)
    }
    static func spec(_ message: String, hint: String? = nil, cause: (any Error & Sendable)? = nil) -> SandboxError {
        .init(.spec, message, hint: hint, cause: cause)
    }
    static func io(_ message: String, hint: String? = nil, cause: (any Error & Sendable)? = nil) -> SandboxError {
        .init(.io, message, hint: hint, cause: cause)
    }
    static func notFound(_ name: String) -> SandboxError {
        .init(
            .notFound, "no sandbox named '\(name)' is registered",
            hint:
                "see `sandpiper sandbox list`; build one with `sandpiper sandbox build sandboxes/\(name).toml` or register an archive with `sandpiper sandbox add`"
        )
    }
}
