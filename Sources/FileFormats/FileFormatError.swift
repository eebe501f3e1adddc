import Columnar

/// A Parquet or Arrow file that cannot be read or written: what is wrong, where (`file: byte N`), and what
/// to do. Hostile input (a truncated file, lengths that point past the end, sizes beyond the reader's
/// limits) is reported this way; the readers never trap on it or allocate what a file merely declares.
public struct FileFormatError: CodedError {
    public let code: ErrorCode
    public let message: String
    public let hint: String?

    init(_ code: ErrorCode = .data, _ message: String, hint: String? = nil) {
        self.code = code; self.message = message; self.hint = hint
    }

    /// A malformed file, at byte `offset` of `file`.
    static func malformed(_ file: String, at offset: Int, _ what: String) -> FileFormatError {
        FileFormatError(
            .data, "\(file): byte \(offset): \(what)",
            hint: "the file is damaged or was not written by a Parquet/Arrow writer; write it again")
    }

    /// A well-formed file using a feature the reader does not implement.
    static func unsupported(_ file: String, _ what: String) -> FileFormatError {
        FileFormatError(
            .data, "\(file): \(what)",
            hint: "write the file again without it (for example with compression='zstd' in pyarrow)")
    }
}
