import Columnar

/// A failure of the sandbox manager that a user can cause: a stable code, what went wrong, what to do.
///
/// Callers switch on `kind` (or compare `code`); the text is for people.
public struct SandboxError: CodedError, Equatable {
    /// The families of sandbox failures, each with its stable code.
    public enum Kind: String, Sendable, Hashable {
        /// A corrupt, truncated, unsafe, oversized or wrong-ABI archive or wheel (`E_ARCHIVE`).
        case archive = "E_ARCHIVE"
        /// A spec or lock file that cannot be used as written (`E_SPEC`).
        case spec = "E_SPEC"
        /// No sandbox of that name is registered (`E_SANDBOX_NOT_FOUND`).
        case notFound = "E_SANDBOX_NOT_FOUND"
        /// Resolving or downloading wheels failed (`E_SANDBOX_BUILD`).
        case build = "E_SANDBOX_BUILD"
        /// An unpacked environment no longer matches its manifest, or its packages do not import (`E_SANDBOX_VERIFY`).
        case verify = "E_SANDBOX_VERIFY"
        /// A policy value outside its allowed range (`E_SANDBOX_POLICY`).
        case policy = "E_SANDBOX_POLICY"
        /// The state directory could not be read or written (`E_IO`).
        case io = "E_IO"
    }

    /// Which family of failure this is.
    public let kind: Kind
    /// What went wrong, in one sentence.
    public let message: String
    /// What to do about it, or nil.
    public let hint: String?

    /// The stable code printed first, e.g. `E_ARCHIVE`.
    public var code: ErrorCode { ErrorCode(rawValue: kind.rawValue) }

    /// Makes an error of `kind` with a message and an optional hint.
    public init(_ kind: Kind, _ message: String, hint: String? = nil) {
        self.kind = kind; self.message = message; self.hint = hint
    }

    static func archive(_ message: String, hint: String? = nil) -> SandboxError { .init(.archive, message, hint: hint) }
    static func spec(_ message: String, hint: String? = nil) -> SandboxError { .init(.spec, message, hint: hint) }
    static func io(_ message: String, hint: String? = nil) -> SandboxError { .init(.io, message, hint: hint) }
    static func notFound(_ name: String) -> SandboxError {
        .init(.notFound, "no sandbox named '\(name)' is registered",
              hint: "see `sandpiper sandbox list`; build one with `sandpiper sandbox build sandboxes/\(name).toml` or register an archive with `sandpiper sandbox add`")
    }
}
