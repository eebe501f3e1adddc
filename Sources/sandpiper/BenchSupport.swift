import Columnar
import Foundation
import SystemCalls

/// A benchmark failure: a wrong checksum, a peer that could not run, a missing environment.
///
/// `E_BENCH_CHECKSUM` means an engine or a transfer produced a different answer than expected, so its
/// timing means nothing; `E_BENCH_PEER` means a peer script or the bench environment failed.
struct BenchError: CodedError {
    let code: ErrorCode
    let message: String
    let hint: String?

    init(_ code: ErrorCode, _ message: String, hint: String? = nil) {
        self.code = code; self.message = message; self.hint = hint
    }

    static func checksum(_ message: String) -> BenchError {
        BenchError("E_BENCH_CHECKSUM", message, hint: "a fast wrong answer is not a result: fix the transfer or the engine before reading any timing")
    }

    static func peer(_ message: String, hint: String? = nil) -> BenchError { BenchError("E_BENCH_PEER", message, hint: hint) }
}

/// Wall-clock timing on the monotonic clock (the one the worker and the peer processes read too).
enum BenchClock {
    /// Nanoseconds of CLOCK_MONOTONIC: comparable across processes of this machine.
    static func nanoseconds() -> UInt64 { MonotonicClock.nanoseconds() }

    /// Seconds `body` took.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let t0 = nanoseconds()
        try body()
        return Double(nanoseconds() - t0) / 1e9
    }
}

/// Median, minimum and maximum of a set of run times, in seconds.
struct BenchStats: Sendable, Codable, Hashable {
    var median: Double
    var min: Double
    var max: Double
    var runs: Int

    init(_ seconds: [Double]) {
        precondition(!seconds.isEmpty, "no runs to summarize")
        let s = seconds.sorted()
        let n = s.count
        median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
        min = s[0]; max = s[n - 1]; runs = n
    }

    init(median: Double, min: Double, max: Double, runs: Int) {
        self.median = median; self.min = min; self.max = max; self.runs = runs
    }

    /// Runs `body` once to warm up, then `runs` times; the stats of the timed runs.
    static func measure(runs: Int, _ body: () throws -> Void) rethrows -> BenchStats {
        try body()
        var times: [Double] = []
        for _ in 0..<Swift.max(runs, 1) { times.append(try BenchClock.time(body)) }
        return BenchStats(times)
    }
}

/// Output formats of the bench commands.
enum BenchFormat: String, CaseIterable, Sendable {
    case table, json, markdown
}

/// Writes text to standard output or standard error without buffering surprises between the two.
enum BenchOutput {
    static func out(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
    static func err(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    /// One JSON object on one line, keys sorted (a stable shape for scripts and tests).
    static func jsonLine(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A duration the way a person reads it: 1.23 s, 45.6 ms, 789 µs.
    static func seconds(_ s: Double) -> String {
        if s >= 1 { return String(format: "%.2f s", s) }
        if s >= 1e-3 { return String(format: "%.1f ms", s * 1e3) }
        if s >= 1e-6 { return String(format: "%.0f µs", s * 1e6) }
        return String(format: "%.0f ns", s * 1e9)
    }

    /// A rate with an SI prefix: 12.3 M, 456 k.
    static func rate(_ x: Double) -> String {
        if !x.isFinite { return "-" }
        if x >= 1e9 { return String(format: "%.2f G", x / 1e9) }
        if x >= 1e6 { return String(format: "%.1f M", x / 1e6) }
        if x >= 1e3 { return String(format: "%.1f k", x / 1e3) }
        return String(format: "%.0f", x)
    }

    /// Rows of cells as an aligned text table (first row is the header) or a markdown table.
    static func grid(_ rows: [[String]], markdown: Bool, rightAligned: Set<Int> = []) -> String {
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
                lines.append(markdown
                    ? "|" + widths.indices.map { (rightAligned.contains($0) ? " " + String(repeating: "-", count: max(widths[$0], 3) - 1) + ":" : " " + String(repeating: "-", count: max(widths[$0], 3))) + " " }.joined(separator: "|") + "|"
                    : widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
