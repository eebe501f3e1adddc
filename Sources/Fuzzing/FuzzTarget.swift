/// A part of Sandpiper that reads untrusted input, driven one input at a time by a fuzzer.
///
/// A target returns normally for every input the code under test handles, a coded error included:
/// only a crash, a hang or unbounded memory is a finding, and the fuzzer (libFuzzer, or the replay
/// driver of an ordinary build) reports those.
public protocol FuzzTarget: Sendable {
    /// The name `scripts/fuzz` and `sandpiper-fuzz` know it by; also its corpus folder's name.
    var name: String { get }
    /// One line for `sandpiper-fuzz list`.
    var summary: String { get }
    /// Runs one input.
    func run(_ input: [UInt8])
    /// What an input means, for triage: the query it generates, the header it forges.
    func describe(_ input: [UInt8]) -> String
    /// Tokens worth inserting when mutating (a libFuzzer dictionary), derived from the catalogue.
    var dictionary: [String] { get }
    /// The seed inputs of its corpus (`fuzz/corpus/NAME`), by file name; `packageRoot` is where case
    /// files are found. `sandpiper-fuzz seeds` writes them.
    func seeds(packageRoot: String) -> [(name: String, bytes: [UInt8])]
    /// What the inputs run so far in this process did (for the query target: how many scripts ran, the
    /// error codes of the others), or nil.
    var statistics: String? { get }
}

extension FuzzTarget {
    public func describe(_ input: [UInt8]) -> String { String(decoding: input, as: UTF8.self) }
    public var dictionary: [String] { [] }
    public var statistics: String? { nil }
}

/// Every target, in the order `scripts/fuzz` runs them.
public enum FuzzTargets {
    /// The targets by name, built on first use (the query target derives its catalogue then).
    public static let all: [any FuzzTarget] = [
        ParserFuzzTarget(), QueryFuzzTarget(), SharedTableFuzzTarget(), TableReaderFuzzTarget(), ArchiveFuzzTarget(),
        ParquetFuzzTarget(), ArrowFuzzTarget(),
    ]

    /// The target called `name` (`driver-check` included, which fails on purpose), or nil.
    public static func named(_ name: String) -> (any FuzzTarget)? {
        name == "driver-check" ? DriverCheckTarget() : all.first { $0.name == name }
    }
}
