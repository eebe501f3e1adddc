import Columnar

extension ErrorCode {
    /// Data that cannot be read: a malformed CSV/TSV/JSON Lines file or inline ingestion text.
    public static let data: ErrorCode = "E_DATA"
}
