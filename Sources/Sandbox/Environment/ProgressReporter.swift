import Foundation

/// Shows the progress of long phases (download, unpack, pack) on standard error: a redrawn bar on a
/// terminal, plain lines otherwise (logs, CI, pipes), and nothing when quiet.
public final class ProgressReporter {
    /// How progress is shown.
    public enum Style: Sendable { case bar, lines, quiet }

    private let style: Style
    private var phase = ""
    private var total: Int64 = 0
    private var bytes = false
    private var lastDraw = Date.distantPast
    private var lastLinePercent = -1

    /// A reporter; `nil` style picks `bar` when standard error is a terminal and `lines` otherwise.
    public init(style: Style? = nil) {
        self.style = style ?? (isatty(STDERR_FILENO) != 0 ? .bar : .lines)
    }

    /// Starts a phase of `total` units (bytes when `bytes` is true, items otherwise).
    public func begin(_ phase: String, total: Int64, bytes: Bool) {
        self.phase = phase; self.total = max(total, 1); self.bytes = bytes
        lastDraw = .distantPast; lastLinePercent = -1
        if style == .lines { emit("\(phase): \(bytes ? Self.size(total) : "\(total) items")") }
        update(0, force: true)
    }

    /// Reports `done` units of the current phase, with an optional detail (such as a file name).
    public func update(_ done: Int64, detail: String? = nil, force: Bool = false) {
        switch style {
        case .quiet: return
        case .lines:
            // One line per item, or every 25 % of a byte count: enough to see it move, not enough to flood a log.
            if !bytes, let detail { emit("\(phase): [\(done)/\(total)] \(detail)") }
            let percent = Int(done * 100 / total) / 25 * 25
            if bytes && percent > lastLinePercent && done > 0 {
                lastLinePercent = percent; emit("\(phase): \(percent)%")
            }
        case .bar:
            let now = Date()
            guard force || now.timeIntervalSince(lastDraw) > 0.1 || done >= total else { return }
            lastDraw = now
            let width = 30
            let filled = Int(Double(width) * min(1, Double(done) / Double(total)))
            let amount = bytes ? "\(Self.size(done))/\(Self.size(total))" : "\(done)/\(total)"
            let text =
                "\(phase.padding(toLength: 9, withPad: " ", startingAt: 0)) [\(String(repeating: "#", count: filled))\(String(repeating: "-", count: width - filled))] \(amount) \(detail ?? "")"
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + String(text.prefix(110))).utf8))
        }
    }

    /// Ends the current phase with a summary line.
    public func end(_ summary: String) {
        switch style {
        case .quiet: return
        case .lines: emit("\(phase): \(summary)")
        case .bar: FileHandle.standardError.write(Data(("\r\u{1B}[K\(phase): \(summary)\n").utf8))
        }
    }

    /// A plain message line.
    public func note(_ line: String) { if style != .quiet { emit(line) } }

    private func emit(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

    /// Bytes in B/KiB/MiB/GiB with one decimal.
    public static func size(_ n: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(n), unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(n) B" : String(format: "%.1f %@", value, units[unit])
    }
}
