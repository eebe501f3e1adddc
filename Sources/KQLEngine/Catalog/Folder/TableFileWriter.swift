import Columnar
import FileFormats
import KQLSyntax

/// The bytes of a folder table's file in its format: text through ``TableTextWriter``, Parquet through
/// FileFormats' writer (nanosecond datetimes, so a table reads back exactly), Arrow through its writer.
enum TableFileWriter {
    static func bytes(of table: Table, format: FolderFileFormat) throws(KQLError) -> [UInt8] {
        do {
            switch format {
            case .parquet:
                return try ParquetWriter.bytes(
                    of: table, options: ParquetWriter.Options(datetimePrecision: "nanosecond"))
            case .arrow: return try ArrowWriter.bytes(of: table)
            case .csv, .tsv, .jsonl: return Array(TableTextWriter.text(of: table, format: format).utf8)
            }
        } catch {
            throw KQLError(error.code, error.message, hint: error.hint)
        }
    }
}
