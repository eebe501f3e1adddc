import CArchive
import Foundation

/// Packs a directory tree into a `.tar.zst` that is byte-for-byte the same whenever the tree's contents are:
/// entries in byte order of their paths, pax-restricted headers, modification time 0, owner 0:0 without
/// names, modes reduced to 0644/0755, and single-threaded zstd.
struct ArchiveWriter {
    /// zstd level: 9 packs a pandas environment to about a quarter of its size in seconds.
    var compressionLevel = 9
    /// Called with the bytes packed so far and the total.
    var onBytes: (Int64, Int64) -> Void = { _, _ in }

    func pack(_ root: URL, to output: URL) throws(SandboxError) {
        let items = try TreeScanner.scan(root)
        let total = items.reduce(Int64(0)) { $0 + $1.size }
        guard let a = archive_write_new() else { throw .io("libarchive could not allocate a writer") }
        defer { archive_write_free(a) }
        guard archive_write_add_filter_zstd(a) == ARCHIVE_OK,
            archive_write_set_filter_option(a, "zstd", "compression-level", String(compressionLevel)) == ARCHIVE_OK,
            archive_write_set_format_pax_restricted(a) == ARCHIVE_OK,
            archive_write_open_filename(a, output.path) == ARCHIVE_OK
        else {
            throw .io("cannot create \(output.path): \(ArchiveExtractor.message(a))")
        }
        var done: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        for item in items {
            guard let entry = archive_entry_new() else { throw .io("libarchive could not allocate an entry") }
            defer { archive_entry_free(entry) }
            archive_entry_set_pathname(entry, item.path)
            archive_entry_set_mtime(entry, 0, 0)
            archive_entry_set_uid(entry, 0); archive_entry_set_gid(entry, 0)
            switch item.kind {
            case .directory:
                archive_entry_set_filetype(entry, ArchiveExtractor.directory); archive_entry_set_perm(entry, 0o755)
            case .symlink(let target):
                archive_entry_set_filetype(entry, ArchiveExtractor.symlink); archive_entry_set_perm(entry, 0o777)
                archive_entry_set_symlink(entry, target)
            case .file:
                archive_entry_set_filetype(entry, ArchiveExtractor.regular)
                archive_entry_set_perm(entry, item.executable ? 0o755 : 0o644)
                archive_entry_set_size(entry, item.size)
            }
            guard archive_write_header(a, entry) == ARCHIVE_OK else {
                throw .io("cannot pack \(item.path): \(ArchiveExtractor.message(a))")
            }
            guard item.kind == .file else { continue }
            guard let handle = FileHandle(forReadingAtPath: root.path + "/" + item.path) else {
                throw .io("cannot open \(item.path)")
            }
            defer { try? handle.close() }
            var remaining = item.size
            while remaining > 0 {
                let n = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
                guard n > 0 else { throw .io("cannot read \(item.path) (it changed while packing?)") }
                let chunk = min(Int64(n), remaining)
                let wrote = buffer.withUnsafeBytes { archive_write_data(a, $0.baseAddress, Int(chunk)) }
                guard wrote == Int(chunk) else { throw .io("cannot pack \(item.path): \(ArchiveExtractor.message(a))") }
                remaining -= chunk
                done += chunk
            }
            onBytes(done, total)
        }
        guard archive_write_close(a) == ARCHIVE_OK else {
            throw .io("cannot finish \(output.path): \(ArchiveExtractor.message(a))")
        }
    }
}
