import Foundation

/// One row of `sandpiper sandbox list`; its JSON form (`--format json`) is a contract.
public struct SandboxSummary: Sendable, Hashable, Codable {
    /// The registered name.
    public var name: String
    /// `ready`, `packed` or `missing`.
    public var state: SandboxState
    /// Whether `python()` uses it when no sandbox is named.
    public var isDefault: Bool
    /// SHA-256 of its archive.
    public var archiveSHA256: String
    /// Interpreter ABI tag (empty when the manifest cannot be read).
    public var abi: String
    /// Number of installed distributions.
    public var packageCount: Int
    /// Bytes of the unpacked environment.
    public var sizeBytes: Int64
    /// One line from the spec.
    public var description: String

    enum CodingKeys: String, CodingKey {
        case name, state, isDefault = "default", archiveSHA256 = "archive_sha256", abi, packageCount = "packages",
            sizeBytes = "size_bytes", description
    }
}

/// Everything `sandpiper sandbox show NAME` reports; its JSON form is a contract.
public struct SandboxDetails: Sendable, Hashable, Codable {
    /// A package line of `show`.
    public struct Package: Sendable, Hashable, Codable {
        public var name: String
        public var version: String
        public var sizeBytes: Int64
        public var wheel: String
        public var sha256: String
        enum CodingKeys: String, CodingKey { case name, version, sizeBytes = "size_bytes", wheel, sha256 }
    }

    public var name: String
    public var description: String
    public var state: SandboxState
    public var isDefault: Bool
    /// The spec or archive it was registered from.
    public var source: String
    public var abi: String
    public var platform: String
    public var specSHA256: String?
    public var archiveFile: String
    public var archiveSHA256: String
    public var archiveSizeBytes: Int64
    public var environmentPath: String
    public var sizeBytes: Int64
    public var policy: SandboxPolicy
    public var preload: [String]
    public var packages: [Package]
    public var unavailable: [UnavailablePackage]

    enum CodingKeys: String, CodingKey {
        case name, description, state, isDefault = "default", source, abi, platform, specSHA256 = "spec_sha256",
            archiveFile = "archive_file", archiveSHA256 = "archive_sha256", archiveSizeBytes = "archive_size_bytes",
            environmentPath = "environment_path", sizeBytes = "size_bytes", policy, preload, packages, unavailable
    }
}

extension SandboxRegistry {
    /// The `list` rows, sorted by name.
    public func summaries() throws(SandboxError) -> [SandboxSummary] {
        let defaultName = try defaultName()
        return try entries().map { entry in
            let state = state(of: entry)
            let manifest =
                state == .ready ? try? SandboxManifest.read(from: home.environment(entry.archiveSHA256)) : nil
            return SandboxSummary(
                name: entry.name, state: state, isDefault: entry.name == defaultName,
                archiveSHA256: entry.archiveSHA256, abi: manifest?.abi ?? "",
                packageCount: manifest?.packages.count ?? 0,
                sizeBytes: manifest?.sizeBytes ?? 0, description: manifest?.description ?? "")
        }
    }

    /// The `show` report of one sandbox (its tree is unpacked again first if only the archive is left).
    public func details(_ name: String) throws(SandboxError) -> SandboxDetails {
        let entry = try entry(name)
        let resolved = try resolve(name)
        let m = resolved.manifest
        let archive = home.archives.appendingPathComponent(entry.archiveFile)
        let archiveSize =
            (try? FileManager.default.attributesOfItem(atPath: archive.path)[.size] as? NSNumber)?.int64Value ?? 0
        return SandboxDetails(
            name: name, description: m.description, state: state(of: entry), isDefault: try defaultName() == name,
            source: entry.source, abi: m.abi, platform: m.platform, specSHA256: m.specSHA256,
            archiveFile: entry.archiveFile,
            archiveSHA256: entry.archiveSHA256, archiveSizeBytes: archiveSize,
            environmentPath: resolved.environmentPath.path,
            sizeBytes: m.sizeBytes, policy: entry.policy, preload: m.preload,
            packages: m.packages.map {
                .init(name: $0.name, version: $0.version, sizeBytes: $0.sizeBytes, wheel: $0.wheel, sha256: $0.sha256)
            },
            unavailable: m.unavailable)
    }
}

/// JSON as the CLI prints it: sorted keys, pretty-printed, one trailing newline.
public enum SandboxJSON {
    /// Encodes a report value.
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Left-aligned text columns separated by two spaces; the last column is not padded.
public func sandboxTable(_ header: [String], _ rows: [[String]]) -> String {
    let all = [header] + rows
    var widths = [Int](repeating: 0, count: header.count)
    for row in all {
        for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    return all.map { row in
        row.enumerated().map { i, cell in
            i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
}
