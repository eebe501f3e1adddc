import CArchive
import Foundation

/// Limits on what one extraction may produce; beyond them the archive is refused as a decompression bomb.
public struct ExtractionLimits: Sendable, Hashable {
    /// Most bytes of file content the archive may unpack to.
    public var maxBytes: Int64
    /// Most entries the archive may hold.
    public var maxEntries: Int

    /// Makes limits.
    public init(maxBytes: Int64, maxEntries: Int = 500_000) { self.maxBytes = maxBytes; self.maxEntries = maxEntries }

    /// 16 GiB and half a million entries, or `SANDPIPER_MAX_UNPACK_MB` MiB when that is set.
    public static var standard: ExtractionLimits {
        if let text = ProcessInfo.processInfo.environment["SANDPIPER_MAX_UNPACK_MB"], let mb = Int64(text), mb > 0 {
            return ExtractionLimits(maxBytes: mb << 20)
        }
        return ExtractionLimits(maxBytes: 16 << 30)
    }
}

/// What an extraction wrote.
public struct ExtractionResult: Sendable {
    /// Destination-relative paths of regular files written, in archive order.
    public var files: [String] = []
    /// Bytes of file content written.
    public var bytes: Int64 = 0
}

/// Unpacks tar (any libarchive filter) and zip archives into a directory, refusing anything unsafe.
///
/// Every entry's path is checked lexically first (`ArchivePath`), then written by `archive_write_disk` with
/// `ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NODOTDOT`. Entries are rewritten to absolute
/// paths under the (symlink-free) destination after the checks, which is why the third secure flag,
/// `SECURE_NOABSOLUTEPATHS`, cannot be set: absolute entry names are refused by the lexical check instead.
/// Owners are never applied (no `ARCHIVE_EXTRACT_OWNER`); modes are reduced to 0644/0755, so set-id bits,
/// sticky bits and odd permissions never reach the disk. Device nodes, FIFOs and sockets are refused.
/// Public for the archive fuzz target, which feeds it hostile archives.
public struct ArchiveExtractor {
    /// Where entries go; must exist.
    public var destination: URL
    public var limits: ExtractionLimits
    /// Refuse a second regular file at a path already written (true for our archives; false for wheels,
    /// where a later wheel may replace a file of an earlier one, as pip does).
    var rejectDuplicates = true
    /// Maps an entry's clean relative path to where it goes (relative to `destination`), or nil to skip it.
    var route: (String) -> String? = { $0 }
    /// Called with the bytes written so far.
    var onBytes: (Int64) -> Void = { _ in }

    /// An extractor into `destination` (which must exist) within `limits`.
    public init(destination: URL, limits: ExtractionLimits) { self.destination = destination; self.limits = limits }

    static let fileTypeMask: UInt32 = 0o170000
    static let regular: UInt32 = 0o100000, directory: UInt32 = 0o040000, symlink: UInt32 = 0o120000

    /// Unpacks `archive`; on error the destination may hold a partial tree, which the caller removes.
    @discardableResult
    public func extract(_ archive: URL, displayName: String? = nil) throws(SandboxError) -> ExtractionResult {
        let name = displayName ?? archive.lastPathComponent
        guard let reader = archive_read_new() else { throw .io("libarchive could not allocate a reader") }
        defer { archive_read_free(reader) }
        archive_read_support_filter_all(reader)
        archive_read_support_format_tar(reader)
        archive_read_support_format_gnutar(reader)
        archive_read_support_format_zip(reader)
        guard archive_read_open_filename(reader, archive.path, 1 << 16) == ARCHIVE_OK else {
            throw .archive("\(name) cannot be opened as an archive: \(Self.message(reader))")
        }
        guard let disk = archive_write_disk_new() else { throw .io("libarchive could not allocate a disk writer") }
        defer { archive_write_free(disk) }
        archive_write_disk_set_options(
            disk, ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NODOTDOT | ARCHIVE_EXTRACT_PERM)
        let root = destination.resolvingSymlinksInPath().path

        var result = ExtractionResult()
        var written = Set<String>()
        /// Symlinks written (routed path, name in the archive), checked again once every entry is on disk.
        var links: [(String, String)] = []
        var entries = 0
        var buffer: UnsafeRawPointer?
        var size = 0
        var offset: Int64 = 0
        while true {
            var entry: OpaquePointer?
            let status = archive_read_next_header(reader, &entry)
            if status == ARCHIVE_EOF { break }
            guard status >= ARCHIVE_WARN, let entry else {
                throw .archive("\(name) is corrupt or truncated: \(Self.message(reader))")
            }
            entries += 1
            if entries > limits.maxEntries {
                throw .archive(
                    "\(name) holds more than \(limits.maxEntries) entries", hint: "this looks like a decompression bomb"
                )
            }
            let rawPath = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
            let parts = try ArchivePath.components(of: rawPath).get()
            let clean = parts.joined(separator: "/")
            let type = UInt32(archive_entry_filetype(entry)) & Self.fileTypeMask
            let hardlink = archive_entry_hardlink(entry).map { String(cString: $0) }
            guard let routed = route(clean) else {
                if type == Self.regular { try drain(reader, name: name) }
                continue
            }
            let target = root + "/" + routed

            if let hardlink {
                let linkParts = try ArchivePath.components(of: hardlink).get()
                guard let linkRouted = route(linkParts.joined(separator: "/")), written.contains(linkRouted) else {
                    throw .archive(
                        "\(name): hard link '\(rawPath)' points at '\(hardlink)', which is not a file earlier in the archive"
                    )
                }
                archive_entry_set_hardlink(entry, root + "/" + linkRouted)
            } else if type == Self.symlink {
                let link = archive_entry_symlink(entry).map { String(cString: $0) } ?? ""
                guard ArchivePath.symlinkStaysInside(entry: routed.split(separator: "/").map(String.init), target: link)
                else {
                    throw .archive("\(name): symlink '\(rawPath)' points outside the tree ('\(link)')")
                }
                links.append((routed, rawPath))
            } else if type != Self.regular && type != Self.directory {
                throw .archive(
                    "\(name): entry '\(rawPath)' is a device, FIFO or socket",
                    hint: "environments hold only files, directories and links")
            }
            if type == Self.regular && hardlink == nil {
                if rejectDuplicates && written.contains(routed) {
                    throw .archive("\(name): entry '\(rawPath)' appears twice")
                }
                if archive_entry_size_is_set(entry) != 0, archive_entry_size(entry) > limits.maxBytes - result.bytes {
                    throw .archive(
                        "\(name) would unpack to more than \(limits.maxBytes >> 20) MiB",
                        hint:
                            "this looks like a decompression bomb; raise SANDPIPER_MAX_UNPACK_MB if the archive is genuine"
                    )
                }
            }
            let executable = (archive_entry_perm(entry) & 0o111) != 0
            archive_entry_set_perm(entry, type == Self.directory || executable ? 0o755 : 0o644)
            archive_entry_set_uid(entry, 0); archive_entry_set_gid(entry, 0)
            archive_entry_set_pathname(entry, target)
            guard archive_write_header(disk, entry) >= ARCHIVE_WARN else {
                throw .archive("\(name): entry '\(rawPath)' cannot be written: \(Self.message(disk))")
            }
            if type == Self.regular && hardlink == nil {
                while true {
                    let r = archive_read_data_block(reader, &buffer, &size, &offset)
                    if r == ARCHIVE_EOF { break }
                    guard r >= ARCHIVE_WARN else {
                        throw .archive("\(name) is corrupt or truncated at '\(rawPath)': \(Self.message(reader))")
                    }
                    result.bytes += Int64(size)
                    if result.bytes > limits.maxBytes {
                        throw .archive(
                            "\(name) would unpack to more than \(limits.maxBytes >> 20) MiB",
                            hint:
                                "this looks like a decompression bomb; raise SANDPIPER_MAX_UNPACK_MB if the archive is genuine"
                        )
                    }
                    guard archive_write_data_block(disk, buffer, size, offset) >= ARCHIVE_WARN else {
                        throw .io("writing '\(routed)' failed: \(Self.message(disk))")
                    }
                }
                onBytes(result.bytes)
                written.insert(routed)
                result.files.append(routed)
            } else if hardlink != nil {
                written.insert(routed)
                result.files.append(routed)
            }
            guard archive_write_finish_entry(disk) >= ARCHIVE_WARN else {
                throw .io("finishing '\(routed)' failed: \(Self.message(disk))")
            }
        }
        // Each link stayed inside on its own; together they may not (a later link can turn an earlier one's
        // `..` into a step out of the tree). Nothing was written through a link (SECURE_SYMLINKS), so
        // checking the final tree suffices.
        for (routed, rawPath) in links {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + routed) else {
                continue
            }
            guard
                ArchivePath.linkStaysInside(
                    root: root, entry: routed.split(separator: "/").map(String.init), target: target)
            else {
                throw .archive(
                    "\(name): symlink '\(rawPath)' points outside the tree through another link ('\(target)')")
            }
        }
        return result
    }

    /// Reads and discards an entry's data, so skipped entries still count as read (and errors still show).
    private func drain(_ reader: OpaquePointer, name: String) throws(SandboxError) {
        guard archive_read_data_skip(reader) >= ARCHIVE_WARN else {
            throw .archive("\(name) is corrupt or truncated: \(Self.message(reader))")
        }
    }

    static func message(_ a: OpaquePointer) -> String {
        archive_error_string(a).map { String(cString: $0) } ?? "unknown libarchive error"
    }
}
