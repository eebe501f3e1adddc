import Columnar

/// A shell command (`.format`, `.db`, ...) that cannot be run as written: `E_SHELL_COMMAND` with what to type.
public struct ShellError: CodedError {
    public var code: ErrorCode
    public var message: String
    public var hint: String?

    public init(_ message: String, hint: String? = nil, code: ErrorCode = .shellCommand) {
        self.code = code; self.message = message; self.hint = hint
    }
}
