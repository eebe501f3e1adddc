import Columnar
import FileFormats
import KQLSyntax

/// The bytes of a folder table's file in its format: text through ``TableTextWriter``, Parquet through
/// FileFormats' writer (nanosecond datetimes, so a table reads back exactly).
enum TableFileWriter {
    static func bytes(of table: Table, format: FolderFileFormat) throws(KQLError) -> [UInt8] {
        switch format {
        case .csv: return Array(TableTextWriter.delimited(table, delimiter: ",").utf8)
        case .tsv: return Array(TableTextWriter.delimited(table, delimiter: "\t").utf8)
        case .jsonl: return Array(TableTextWriter.jsonLines(table).utf8)
        case .parquet:
            do {
                return try ParquetWriter.bytes(
                    of: table, options: ParquetWriter.Options(datetimePrecision: "nanosecond"))
            } catch {
                throw KQLError(error.code, error.message, hint: error.hint)
            }
        }
    }
}
