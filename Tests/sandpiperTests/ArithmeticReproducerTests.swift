import Foundation
import Testing

/// The overflow and range reproducers of issue 11, run through the built binary: each must end within
/// seconds with exit 0, or exit 1 and a coded error with line:column — never a signal, a hang or a
/// wrapped value. (The values themselves are checked by the case files; this checks the process.)
@Suite(.serialized) struct ArithmeticReproducerTests {
    /// Far more than any of these needs (each answers in well under a second), little enough to
    /// catch a hang or an allocation of gigabytes.
    static let deadline: TimeInterval = 20

    struct Reproducer: CustomTestStringConvertible, Sendable {
        var query: String
        var now = "2025-01-01T00:00:00Z"
        /// nil: exit 0; otherwise the error code (exit 1).
        var error: String?
        /// Text the output must not contain (a wrapped value).
        var notInOutput: [String] = []
        var testDescription: String { query }
    }

    static let reproducers: [Reproducer] = [
        Reproducer(query: "range x from 0 to 9223372036854775807 step 1", error: "E_LIMIT"),
        Reproducer(query: "range x from 0.0 to 1e300 step 1.0", error: "E_LIMIT"),
        // The span's row count (2^64 - 1) does not fit a long.
        Reproducer(query: "range x from -9223372036854775807 to 9223372036854775807 step 1", error: "E_LIMIT"),
        Reproducer(query: "range x from 9223372036854775800 to 9223372036854775807 step 3", notInOutput: ["-922"]),
        Reproducer(
            query: "print x = 1 | make-series c = count() default = 0 on x from 0 to 9223372036854775807 step 1",
            error: "E_LIMIT"),
        Reproducer(
            query: "print x = 1.0 | make-series c = count() default = 0 on x from 0.0 to 1e300 step 1e-300",
            error: "E_LIMIT"),
        Reproducer(query: "print x = 5 | make-series c = count() default = 0 on x step 9223372036854775807"),
        Reproducer(
            query: "print t = (-timespan(106751.23:47:16.8547758) - 8 * (1tick / 100)) / -1", notInOutput: ["106751"]),
        Reproducer(query: "print x = (-9223372036854775807 - 1) / -1", notInOutput: ["-922"]),
        Reproducer(query: "print x = tohex(1, 9223372036854775807), y = tohex(1, 100000000000)"),
        Reproducer(query: "datatable(x:long)[1e300]", error: "E_TYPE", notInOutput: ["-9223372036854775808"]),
        Reproducer(query: "print x = datetime(2262-04-11) + 365d", notInOutput: ["1678"]),
        Reproducer(
            query: "Events | summarize min(Timestamp), max(Timestamp)", now: "1677-09-22T00:00:00Z",
            notInOutput: ["2262"]),
        Reproducer(
            query: "Sales | summarize min(Timestamp), max(Timestamp)", now: "2262-04-11T23:00:00Z",
            notInOutput: ["1677"]),
    ]

    @Test(arguments: reproducers)
    func endsCleanlyWithinSeconds(_ r: Reproducer) throws {
        let out = try Self.run(["query", "--format", "csv", "--now", r.now, r.query])
        #expect(!out.timedOut, "still running after \(Self.deadline) s")
        #expect(out.signal == nil, "killed by signal \(out.signal ?? 0): \(out.stderr.prefix(300))")
        if let code = r.error {
            #expect(out.status == 1)
            // A coded error with the query's line:column, e.g. "E_LIMIT: 1:1: range would produce ...".
            #expect(out.stderr.hasPrefix("\(code): 1:"), "\(out.stderr.prefix(300))")
        } else {
            #expect(out.status == 0, "\(out.stderr.prefix(300))")
        }
        for text in r.notInOutput { #expect(!out.stdout.contains(text), "wrapped value in \(out.stdout.prefix(300))") }
    }

    /// A clock the datetime range cannot hold is bad usage (exit 2) that names the range, not a crash.
    @Test func nowBeforeTheRangeIsBadUsage() throws {
        let out = try Self.run(["query", "--now", "1600-01-01", "print 1"])
        #expect(!out.timedOut && out.signal == nil)
        #expect(out.status == 2)
        #expect(out.stderr.contains("1677-09-21"))
    }

    struct Output {
        var stdout = "", stderr = ""
        var status: Int32 = 0
        var signal: Int32?
        var timedOut = false
    }

    /// Runs the binary with a deadline; one still running then is stopped (it is our own child, not yet
    /// reaped, so its pid cannot have been reused) and reported as timed out.
    static func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SandpiperBinary.path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        var result = Output()
        if done.wait(timeout: .now() + deadline) == .timedOut {
            result.timedOut = true
            process.terminate()
            done.wait()
        }
        group.wait()
        result.stdout = String(decoding: outData, as: UTF8.self)
        result.stderr = String(decoding: errData, as: UTF8.self)
        result.status = process.terminationStatus
        result.signal =
            process.terminationReason == .uncaughtSignal && !result.timedOut ? process.terminationStatus : nil
        return result
    }
}
