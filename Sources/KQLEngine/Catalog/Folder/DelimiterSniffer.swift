/// Picks the field delimiter of a `.csv` file from its header line, since "CSV" files exported by
/// spreadsheets in many locales use `;`, and others use tab or `|`.
///
/// The header is the first line (quotes respected); the candidate that occurs most often outside quotes
/// wins, a comma on a tie or when none occurs, so every file the comma reading accepted is read as before
/// unless its header holds more of another delimiter than commas.
enum DelimiterSniffer {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// The delimiter of the text whose first bytes are `prefix`.
    static func delimiter(of prefix: [UInt8]) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidates.count)
        var quoted = false
        for b in prefix {
            if b == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if b == 0x0A || b == 0x0D { break }
            if let i = candidates.firstIndex(of: b) { counts[i] += 1 }
        }
        var best = 0
        for i in counts.indices where counts[i] > counts[best] { best = i }
        return candidates[best]
    }
}
