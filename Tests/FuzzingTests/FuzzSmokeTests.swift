import Foundation
import Testing

/// A short run of every fuzz target, in the ordinary build: each committed seed and regression input
/// once (`fuzz/corpus/TARGET`, `fuzz/regressions/TARGET`), then a fixed number of mutations from a
/// fixed seed, so the run is the same every time. A crash, a hang or runaway memory fails the test
/// with the input and what it means, unless `fuzz/pending/known-findings.txt` lists it (a finding whose
/// fix is under way elsewhere). Long, coverage-guided runs are `scripts/fuzz`'s job.
@Suite(.serialized) struct FuzzSmokeTests {
    /// Mutations per target, sized to a few seconds each in a debug build.
    static let runs: [(target: String, runs: Int)] = [
        ("parser", 3000), ("query", 150), ("sharedtable", 150), ("readers", 2000), ("archive", 2000),
        ("parquet", 2000), ("arrow", 2000),
    ]

    @Test(arguments: runs)
    func target(_ target: String, runs: Int) throws {
        let folder = try FuzzBinary.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inputs = ["fuzz/corpus/\(target)", "fuzz/regressions/\(target)"].filter {
            FileManager.default.fileExists(atPath: FuzzBinary.packageRoot + "/" + $0)
        }
        #expect(!inputs.isEmpty, "no seed corpus for \(target)")
        let output = try FuzzBinary.run(
            [
                "replay", target, "--runs", String(runs), "--seed", "1", "--timeout", "30",
                "--known", "fuzz/pending/known-findings.txt", "--artifacts", folder,
            ] + inputs)
        #expect(output.status == 0, "\(output.text)")
        #expect(output.text.contains("\(target): ") && output.text.contains(" 0 crashes"), "\(output.text)")
        if target == "query" {
            // The generator must keep writing queries that get past the binder: a fifth of them at least.
            let counts = output.text.split(separator: "\n").compactMap { line -> (Int, Int)? in
                let words = line.split(separator: " ")
                guard words.count > 4, words[2] == "scripts,", words[4].hasPrefix("ran"), let n = Int(words[1]),
                    let ran = Int(words[3])
                else { return nil }
                return (n, ran)
            }
            let total = counts.reduce(0) { $0 + $1.0 }, ran = counts.reduce(0) { $0 + $1.1 }
            #expect(total > 0 && ran * 5 >= total, "\(ran) of \(total) generated scripts ran:\n\(output.text)")
        }
    }
}
