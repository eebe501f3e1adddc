import Columnar
import Foundation
import SystemCalls

/// A benchmark failure: a wrong checksum, a peer that could not run, a missing environment.
///
/// `E_BENCH_CHECKSUM` means an engine or a transfer produced a different answer than expected, so its
/// timing means nothing; `E_BENCH_PEER` means a peer script or the bench environment failed.
public struct BenchError: CodedError {
    public let code: ErrorCode
    public let message: String
    public let hint: String?

    public init(_ code: ErrorCode, _ message: String, hint: String? = nil) {
        self.code = code; self.message = message; self.hint = hint
    }

    public static func checksum(_ message: String) -> BenchError {
        BenchError(
            .benchChecksum, message,
            hint: "a fast wrong answer is not a result: fix the transfer or the engine before reading any timing")
    }

    public static func peer(_ message: String, hint: String? = nil) -> BenchError {
        BenchError(.benchPeer, message, hint: hint)
    }
}

/// Wall-clock timing on the monotonic clock (the one the worker and the peer processes read too).
public enum BenchClock {
    /// Nanoseconds of CLOCK_MONOTONIC: comparable across processes of this machine.
    public static func nanoseconds() -> UInt64 { MonotonicClock.nanoseconds() }

    /// Seconds `body` took.
    public static func time(_ body: () throws -> Void) rethrows -> Double {
        let t0 = nanoseconds()
        try body()
        return Double(nanoseconds() - t0) / 1e9
    }

    /// Milliseconds of CLOCK_MONOTONIC (the worker's in-process measurements print these).
    public static func milliseconds() -> Double { Double(nanoseconds()) / 1e6 }

    /// CPU time of this process (user + system) in milliseconds: steadier than wall time on a shared machine.
    public static func processCPUMilliseconds() -> Double { Double(MonotonicClock.processCPUNanoseconds()) / 1e6 }

    /// The fastest of `repeats` runs of `body`, in milliseconds (for in-process steps whose best case is the cost).
    public static func fastestMilliseconds(of repeats: Int = 3, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<max(repeats, 1) {
            let t0 = milliseconds()
            try body()
            best = min(best, milliseconds() - t0)
        }
        return best
    }
}

/// Median, minimum and maximum of a set of run times, in seconds.
public struct BenchStats: Sendable, Codable, Hashable {
    public var median: Double
    public var min: Double
    public var max: Double
    public var runs: Int

    public init(_ seconds: [Double]) {
        precondition(!seconds.isEmpty, "no runs to summarize")
        let s = seconds.sorted()
        let n = s.count
        median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
        min = s[0]; max = s[n - 1]; runs = n
    }

    public init(median: Double, min: Double, max: Double, runs: Int) {
        self.median = median; self.min = min; self.max = max; self.runs = runs
    }

    /// Runs `body` once to warm up, then `runs` times; the stats of the timed runs.
    public static func measure(runs: Int, _ body: () throws -> Void) rethrows -> BenchStats {
        try body()
        var times: [Double] = []
        for _ in 0..<Swift.max(runs, 1) { times.append(try BenchClock.time(body)) }
        return BenchStats(times)
    }
}

/// Output formats of the bench commands.
public enum BenchFormat: String, CaseIterable, Sendable {
    case table, json, markdown
}

/// Writes text to standard output or standard error without buffering surprises between the two.
public enum BenchOutput {
    public static func out(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
    public static func err(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    /// One JSON object on one line, keys sorted (a stable shape for scripts and tests).
    public static func jsonLine(_ object: [String: Any]) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A duration the way a person reads it: 1.23 s, 45.6 ms, 789 µs.
    public static func seconds(_ s: Double) -> String {
        if s >= 1 { return String(format: "%.2f s", s) }
        if s >= 1e-3 { return String(format: "%.1f ms", s * 1e3) }
        if s >= 1e-6 { return String(format: "%.0f µs", s * 1e6) }
        return String(format: "%.0f ns", s * 1e9)
    }

    /// A rate with an SI prefix: 12.3 M, 456 k.
    public static func rate(_ x: Double) -> String {
        if !x.isFinite { return "-" }
        if x >= 1e9 { return String(format: "%.2f G", x / 1e9) }
        if x >= 1e6 { return String(format: "%.1f M", x / 1e6) }
        if x >= 1e3 { return String(format: "%.1f k", x / 1e3) }
        return String(format: "%.0f", x)
    }

    /// Rows of cells as an aligned text table (first row is the header) or a markdown table.
    public static func grid(_ rows: [[String]], markdown: Bool, rightAligned: Set<Int> = []) -> String {
        guard let header = rows.first else { return "" }
        let widths = header.indices.map { c in rows.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
        func cell(_ text: String, _ c: Int) -> String {
            let pad = String(repeating: " ", count: max(widths[c] - text.count, 0))
            return rightAligned.contains(c) ? pad + text : text + pad
        }
        var lines: [String] = []
        for (r, row) in rows.enumerated() {
            let cells = row.indices.map { cell(row[$0], $0) }
            lines.append(markdown ? "| " + cells.joined(separator: " | ") + " |" : cells.joined(separator: "  "))
            if r == 0 {
                lines.append(
                    markdown
                        ? "|"
                            + widths.indices.map {
                                (rightAligned.contains($0)
                                    ? " " + String(repeating: "-", count: max(widths[$0], 3) - 1) + ":"
                                    : " " + String(repeating: "-", count: max(widths[$0], 3))) + " "
                            }.joined(separator: "|") + "|"
                        : widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
