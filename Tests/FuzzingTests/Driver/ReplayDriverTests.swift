import Foundation
import Testing

/// The replay driver notices a crash, a hang and runaway memory, and keeps the input that caused it
/// (exercised with the `driver-check` target, which fails on purpose).
@Suite(.serialized) struct ReplayDriverTests {
    func replay(_ input: String, _ options: [String]) throws -> (FuzzBinary.Output, artifacts: [String], folder: String)
    {
        let folder = try FuzzBinary.scratch()
        try #require(FileManager.default.createFile(atPath: folder + "/input", contents: Data(input.utf8)))
        let output = try FuzzBinary.run(
            ["replay", "driver-check", "--artifacts", folder + "/artifacts"] + options + [folder + "/input"])
        let artifacts = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/artifacts")) ?? []
        return (output, artifacts.filter { !$0.hasPrefix(".") }, folder)
    }

    @Test func aCrashIsReportedWithItsInput() throws {
        let (output, artifacts, folder) = try replay("crash now", [])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(output.status == 1, "\(output.text)")
        #expect(output.text.contains("driver-check: 0 executions, 1 crashes, 0 known"), "\(output.text)")
        #expect(output.text.contains("crash: signal"), "\(output.text)")
        let artifact = try #require(artifacts.first { $0.hasPrefix("crash-") })
        #expect(FileManager.default.contents(atPath: folder + "/artifacts/" + artifact) == Data("crash now".utf8))
    }

    @Test func aHangIsReportedAsATimeout() throws {
        let (output, artifacts, folder) = try replay("hang", ["--timeout", "1"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(output.status == 1)
        #expect(output.text.contains("timeout: one input ran longer than 1.0 s"), "\(output.text)")
        #expect(artifacts.contains { $0.hasPrefix("timeout-") })
    }

    @Test func runawayMemoryIsReported() throws {
        let (output, artifacts, folder) = try replay("grow", ["--rss-limit-mb", "128", "--timeout", "30"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(output.status == 1)
        #expect(output.text.contains("out of memory"), "\(output.text)")
        #expect(artifacts.contains { $0.hasPrefix("out-of-memory-") })
    }

    @Test func inputsThatPassRunAndMutationsFollow() throws {
        let (output, artifacts, folder) = try replay("fine", ["--runs", "40", "--seed", "3"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(output.status == 0, "\(output.text)")
        #expect(output.text.contains("driver-check: 41 executions, 0 crashes, 0 known"), "\(output.text)")
        #expect(artifacts.isEmpty)
    }

    @Test func aKnownFindingIsPassedOverAndTheRunGoesOn() throws {
        let folder = try FuzzBinary.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in [("1", "crash first"), ("2", "fine"), ("3", "crash again"), ("4", "fine too")] {
            try #require(FileManager.default.createFile(atPath: folder + "/inputs/" + name, contents: Data(text.utf8)))
        }
        try "driver-check crash DriverCheckTarget.run on purpose\n".write(
            toFile: folder + "/known", atomically: true, encoding: .utf8)
        let output = try FuzzBinary.run([
            "replay", "driver-check", "--known", folder + "/known", "--artifacts", folder + "/artifacts",
            folder + "/inputs",
        ])
        #expect(output.status == 0, "\(output.text)")
        #expect(output.text.contains("driver-check: 4 executions, 0 crashes, 2 known"), "\(output.text)")
        #expect(output.text.contains("input 2: crash: signal"), "\(output.text)")
        // The same crash without the entry fails the run.
        let strict = try FuzzBinary.run([
            "replay", "driver-check", "--artifacts", folder + "/artifacts", folder + "/inputs",
        ])
        #expect(strict.status == 1)
    }

    @Test func fuzzNeedsALibFuzzerBuild() throws {
        let output = try FuzzBinary.run(["fuzz", "parser"])
        #expect(output.status == 2)
        #expect(output.text.contains("not linked with libFuzzer"))
    }
}
