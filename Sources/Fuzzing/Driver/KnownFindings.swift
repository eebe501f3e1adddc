/// Findings the replay driver tolerates for now: crashes, hangs or runaway memory already found,
/// whose fix belongs to a change under way elsewhere (`fuzz/pending/known-findings.txt`). Each entry
/// names a target, a kind and a function that must appear on the stack of the failure; a failure that
/// matches is reported as known and the run goes on with the next input. Once the fix lands the entry
/// is deleted, and the same failure fails the run again.
public struct KnownFindings: Sendable {
    public struct Entry: Sendable, Equatable {
        public var target: String
        /// `crash`, `timeout` or `out-of-memory`.
        public var kind: String
        /// Text of a stack frame (a function name such as `TimespanFormat.parse`).
        public var frame: String
        /// The class of the bug and where its regression waits.
        public var note: String
    }

    public var entries: [Entry] = []

    public init(entries: [Entry] = []) { self.entries = entries }

    /// Reads `TARGET KIND FRAME NOTE...` lines; `#` starts a comment line.
    public init(text: String) {
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard words.count >= 3 else { continue }
            entries.append(
                Entry(
                    target: words[0], kind: words[1], frame: words[2], note: words.dropFirst(3).joined(separator: " ")))
        }
    }

    /// The entry that explains a failure of `kind` in `target` whose stack is `frames`, if any.
    public func match(target: String, kind: String, frames: [String]) -> Entry? {
        entries.first { e in e.target == target && e.kind == kind && frames.contains { $0.contains(e.frame) } }
    }

    /// The frames of Sandpiper's own code in a Swift backtrace (`SWIFT_BACKTRACE` output): those of the
    /// crashed thread when `crashedThreadOnly`, else of every thread (a hang or growth stopped from outside).
    public static func frames(inBacktrace text: String, crashedThreadOnly: Bool) -> [String] {
        var frames: [String] = []
        var inThread = !crashedThreadOnly
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Thread ") { inThread = !crashedThreadOnly || line.hasSuffix("crashed:"); continue }
            if line.hasPrefix("Registers:") || line.hasPrefix("Images") { inThread = false; continue }
            if inThread, line.contains("/Sources/") { frames.append(String(line)) }
        }
        return frames
    }
}
