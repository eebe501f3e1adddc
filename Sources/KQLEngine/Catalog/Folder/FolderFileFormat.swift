/// The file formats a folder database reads and writes, chosen by file extension.
public enum FolderFileFormat: String, Sendable, CaseIterable {
    case csv, tsv, jsonl, parquet, arrow

    /// The extensions a table file may have, for messages.
    public static let extensions = ".csv, .tsv, .jsonl, .ndjson, .parquet, .arrow or .feather"

    /// The format of a file name's extension (`.csv`, `.tsv`, `.jsonl`, `.ndjson`, `.parquet`, or the Arrow IPC file's `.arrow`,
    /// `.feather` and stream's `.arrows`), or nil.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "csv": self = .csv
        case "tsv": self = .tsv
        case "jsonl", "ndjson": self = .jsonl
        case "parquet": self = .parquet
        case "arrow", "feather", "arrows": self = .arrow
        default: return nil
        }
    }

    /// The extension new files of this format get.
    public var fileExtension: String { rawValue }

    /// The field delimiter of the delimited formats.
    var delimiter: UInt8 { self == .tsv ? UInt8(ascii: "\t") : UInt8(ascii: ",") }
}
