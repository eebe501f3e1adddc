import Foundation
import Sandbox

/// The archive extractor (environment archives and wheels) on a hostile archive of any format
/// libarchive reads, into a fresh folder per input.
///
/// Besides crashes, one broken promise counts as a finding and stops the fuzzer: anything written
/// beside the destination, or a link inside it that resolves outside it. The extractor's contract
/// is that nothing leaves the tree.
struct ArchiveFuzzTarget: FuzzTarget {
    let name = "archive"
    let summary = "archive extractor (tar with any filter, zip) on hostile archives; nothing may land outside"

    static let root = ScratchFolder.path("sandpiper-fuzz-archive")

    func run(_ bytes: [UInt8]) {
        let fm = FileManager.default
        try? fm.removeItem(atPath: Self.root)
        let destination = Self.root + "/tree", archive = Self.root + "/input.archive"
        try? fm.createDirectory(atPath: destination, withIntermediateDirectories: true)
        guard fm.createFile(atPath: archive, contents: Data(bytes)) else { return }
        let extractor = ArchiveExtractor(
            destination: URL(fileURLWithPath: destination),
            limits: ExtractionLimits(maxBytes: 32 << 20, maxEntries: 2000))
        var succeeded = true
        do { try extractor.extract(URL(fileURLWithPath: archive), displayName: "input.archive") } catch {
            _ = error.description
            succeeded = false
        }
        // After a refusal the tree is a partial one its caller deletes: only what lies beside it counts then.
        if let escape = Self.escape(
            root: Self.root, expected: ["tree", "input.archive"], tree: destination, links: succeeded)
        {
            fatalError("the extractor broke its promise: \(escape)")
        }
    }

    /// What lies outside `tree` after an extraction: a file beside it in `root` other than `expected`,
    /// or (with `links`) a link inside it that resolves out of it; nil when everything stayed inside.
    static func escape(root: String, expected: Set<String>, tree: String, links: Bool = true) -> String? {
        let fm = FileManager.default
        let beside = Set((try? fm.contentsOfDirectory(atPath: root)) ?? [])
        if beside != expected { return "it wrote beside its destination: \(beside.subtracting(expected).sorted())" }
        guard links else { return nil }
        let realTree = URL(fileURLWithPath: tree).resolvingSymlinksInPath().path
        guard let walker = fm.enumerator(atPath: tree) else { return nil }
        for case let relative as String in walker {
            let path = tree + "/" + relative
            guard (try? fm.destinationOfSymbolicLink(atPath: path)) != nil else { continue }
            guard let resolved = realpath(path, nil) else { continue }  // dangling: harmless
            defer { free(resolved) }
            let target = String(cString: resolved)
            if target != realTree && !target.hasPrefix(realTree + "/") {
                return "it left a link that leads out of its destination: \(relative) -> \(target)"
            }
        }
        return nil
    }

    func describe(_ bytes: [UInt8]) -> String {
        "archive of \(bytes.count) bytes:\n" + SharedTableFuzzTarget.hexDump(Array(bytes.prefix(1024)))
    }

    var dictionary: [String] {
        [
            "ustar\u{0}00", "ustar  \u{0}", "PK\u{3}\u{4}", "PK\u{1}\u{2}", "PK\u{5}\u{6}", "\u{1F}\u{8B}\u{8}", "BZh9",
            "\u{FD}7zXZ\u{0}",
            "(\u{B5}/\u{FD}", "../", "/etc/", "./", "a/b/c", "0000644\u{0}", "0000755\u{0}", "0120777",
        ]
    }
}
