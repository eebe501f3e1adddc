/// What a running script printed, kept where the engine can read it when the script's processes are
/// killed before they answer (its time limit, its memory ceiling, Ctrl-C, a crash).
///
/// The query child writes everything the script prints (stdout and stderr, in order, as UTF-8 with NUL
/// bytes replaced) from offset 0 of a memfd the supervisor made for the query, as it is printed, up to
/// `maxBytes`. The reply carries the same text when the child answers; the memfd is read only when it
/// does not, once its processes are gone. What a script wrote there itself is only ever shown as text.
public enum ScriptTranscript {
    /// Most bytes kept: the host stops writing there, and the engine reads no further.
    public static let maxBytes = 2 << 20

    /// A fresh, empty transcript memfd (one page; the child's writes grow it).
    public static func create() throws(SharedTableError) -> SharedRegion {
        try SharedRegion.create(name: "sandpiper-transcript", capacity: 4096)
    }

    /// The text written so far, up to the first NUL byte; empty when there is none or it cannot be read.
    public static func read(_ region: SharedRegion) -> String {
        guard let size = try? region.fileSize().size else { return "" }
        let n = min(size, maxBytes)
        guard n > 0 else { return "" }
        var buffer = [UInt8](repeating: 0, count: n)
        let read = buffer.withUnsafeMutableBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return false }
            return (try? region.read(n, into: base)) != nil
        }
        guard read else { return "" }
        let end = buffer.firstIndex(of: 0) ?? n
        return String(decoding: buffer[..<end], as: UTF8.self)
    }
}
