// sandpiper-fuzz: runs Sandpiper's fuzz targets (see `scripts/fuzz` and docs/fuzzing.md).
import Foundation
import Fuzzing

let usage = """
    usage: sandpiper-fuzz list
           sandpiper-fuzz fuzz TARGET [LIBFUZZER-ARGS...]      (a build linked with libFuzzer: scripts/fuzz)
           sandpiper-fuzz replay TARGET [--runs N] [--seconds S] [--seed N] [--timeout S] [--rss-limit-mb N]
                                 [--max-len N] [--artifacts DIR] [--known FILE] PATH...
           sandpiper-fuzz describe TARGET FILE...              (what an input means: the query it generates, ...)
           sandpiper-fuzz dict TARGET                          (a libFuzzer dictionary from the catalogue)
           sandpiper-fuzz seeds TARGET DIR [--package-root DIR]

    """

func fail(_ message: String, status: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
}

func target(_ name: String?) -> any FuzzTarget {
    guard let name, let target = FuzzTargets.named(name) else {
        fail(
            "unknown target '\(name ?? "")'; the targets are \(FuzzTargets.all.map(\.name).joined(separator: ", "))\n\n"
                + usage)
    }
    return target
}

/// Options of `replay` (and of the child it starts); the words that are not options are inputs.
func replayOptions(_ words: ArraySlice<String>) -> (ReplayDriver.Options, state: String?) {
    var options = ReplayDriver.Options()
    var state: String?
    var rest = words[...]
    while let word = rest.popFirst() {
        guard word.hasPrefix("--") else { options.inputs.append(word); continue }
        guard let value = rest.popFirst() else { fail("\(word) needs a value\n\n" + usage) }
        switch word {
        case "--runs": options.runs = Int(value) ?? options.runs
        case "--seconds": options.seconds = Double(value)
        case "--seed": options.seed = UInt64(value) ?? options.seed
        case "--timeout": options.timeoutSeconds = Double(value) ?? options.timeoutSeconds
        case "--rss-limit-mb": options.rssLimitMB = Int(value) ?? options.rssLimitMB
        case "--max-len": options.maxLength = Int(value) ?? options.maxLength
        case "--artifacts": options.artifacts = value
        case "--skip": options.skip = Int(value) ?? 0
        case "--known":
            guard let text = try? String(contentsOfFile: value, encoding: .utf8) else { fail("cannot read \(value)") }
            options.known = KnownFindings(text: text)
        case "--state": state = value
        default: fail("unknown option \(word)\n\n" + usage)
        }
    }
    return (options, state)
}

let arguments = CommandLine.arguments
// libFuzzer's fork mode starts this program again with its own arguments only; the target travels in
// the environment (`fuzz` sets it).
if let name = ProcessInfo.processInfo.environment[LibFuzzerDriver.targetVariable], LibFuzzerDriver.isAvailable,
    arguments.count < 2 || arguments[1].hasPrefix("-") || arguments[1].hasPrefix("/") || arguments[1].hasPrefix(".")
{
    exit(LibFuzzerDriver.run(target(name), programName: arguments[0], arguments: Array(arguments.dropFirst())))
}
switch arguments.count > 1 ? arguments[1] : "" {
case "list":
    for t in FuzzTargets.all { print(t.name.padding(toLength: 12, withPad: " ", startingAt: 0) + t.summary) }
case "fuzz":
    let t = target(arguments.count > 2 ? arguments[2] : nil)
    guard LibFuzzerDriver.isAvailable else {
        fail("this sandpiper-fuzz is not linked with libFuzzer; build and run it with scripts/fuzz (or use `replay`)")
    }
    setenv(LibFuzzerDriver.targetVariable, t.name, 1)
    exit(LibFuzzerDriver.run(t, programName: arguments[0], arguments: Array(arguments.dropFirst(3))))
case "replay":
    let t = target(arguments.count > 2 ? arguments[2] : nil)
    let (options, _) = replayOptions(arguments.dropFirst(3))
    let outcome = ReplayDriver.supervise(t, options: options, executable: Bundle.main.executablePath ?? arguments[0])
    for known in outcome.known { print("\(t.name): known finding passed over, \(known)") }
    print(
        "\(t.name): \(outcome.executions) executions, \(outcome.failure == nil ? 0 : 1) crashes, \(outcome.known.count) known"
    )
    if let failure = outcome.failure {
        print("\(t.name): \(failure)")
        print(outcome.log.split(separator: "\n", omittingEmptySubsequences: false).prefix(80).joined(separator: "\n"))
        if let artifact = outcome.artifact, let bytes = FileManager.default.contents(atPath: artifact) {
            print("input: \(artifact) (base64 \(bytes.base64EncodedString()))")
            print(t.describe([UInt8](bytes)))
        }
        exit(1)
    }
case "replay-child":
    let t = target(arguments.count > 2 ? arguments[2] : nil)
    let (options, state) = replayOptions(arguments.dropFirst(3))
    guard let state else { fail("replay-child needs --state") }
    exit(ReplayDriver.runChild(t, options: options, statePath: state))
case "describe":
    let t = target(arguments.count > 2 ? arguments[2] : nil)
    for path in arguments.dropFirst(3) {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        print(t.describe([UInt8](data)))
    }
case "dict":
    print(FuzzDictionary.text(target(arguments.count > 2 ? arguments[2] : nil).dictionary), terminator: "")
case "seeds":
    let t = target(arguments.count > 2 ? arguments[2] : nil)
    guard arguments.count > 3 else { fail(usage) }
    let root =
        arguments.count > 5 && arguments[4] == "--package-root"
        ? arguments[5] : FileManager.default.currentDirectoryPath
    try? FileManager.default.createDirectory(atPath: arguments[3], withIntermediateDirectories: true)
    let seeds = t.seeds(packageRoot: root)
    for seed in seeds {
        _ = FileManager.default.createFile(atPath: arguments[3] + "/" + seed.name, contents: Data(seed.bytes))
    }
    print("\(t.name): \(seeds.count) seeds written to \(arguments[3])")
default:
    fail(usage)
}
