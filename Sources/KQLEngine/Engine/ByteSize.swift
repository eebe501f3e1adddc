/// Sizes as people write them on a command line: `1048576`, `512KB`, `64MB`, `4GB`, `1TB`, in binary
/// multiples, as ADX writes 64 MB for 2^26 bytes (`--max-memory`, `--truncation-max-size`).
public enum ByteSize {
    /// What `parse` found.
    public enum Parsed: Sendable, Equatable {
        /// A positive number of bytes.
        case bytes(Int64)
        /// Not a positive number with an optional unit.
        case notASize
        /// More bytes than a 64-bit count holds.
        case tooLarge
    }

    /// Reads a size; units are case-insensitive.
    public static func parse(_ text: String) -> Parsed {
        let units: [(String, Int64)] = [("TB", 1 << 40), ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)]
        let upper = text.uppercased()
        var number = Substring(upper), scale: Int64 = 1
        for (suffix, value) in units where upper.hasSuffix(suffix) {
            number = upper.dropLast(suffix.count); scale = value
            break
        }
        guard let n = Int64(number.trimmingPrefix(" ")), n > 0 else { return .notASize }
        let (bytes, overflow) = n.multipliedReportingOverflow(by: scale)
        return overflow ? .tooLarge : .bytes(bytes)
    }
}
