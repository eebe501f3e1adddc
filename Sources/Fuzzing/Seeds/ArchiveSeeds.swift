import CArchive
import Foundation

/// Seeds of the archive target, written with libarchive: ordinary trees in tar, tar.gz, tar.zst and
/// zip, and the hostile shapes the extractor refuses (parent paths, absolute paths, links that leave).
extension ArchiveFuzzTarget {
    enum Entry {
        case directory(String)
        case file(String, String)
        case symlink(String, to: String)
        case hardlink(String, to: String)
    }

    enum Format: String, CaseIterable { case tar, tgz, tzst, zip }

    static let trees: [(String, [Entry])] = [
        (
            "package",
            [
                .directory("pkg"), .file("pkg/__init__.py", "x = 1\n"), .file("pkg/data.txt", "hello\n"),
                .file("top.txt", ""),
            ]
        ),
        (
            "links",
            [
                .directory("lib"), .file("lib/a.txt", "a"), .symlink("link", to: "lib/a.txt"),
                .symlink("lib/up", to: ".."),
                .hardlink("copy", to: "lib/a.txt"),
            ]
        ),
        (
            "hostile",
            [
                .file("ok.txt", "ok"), .file("../evil", "x"), .file("/abs", "y"), .symlink("out", to: "../../etc"),
                .file("a/./b\\c", "z"), .file("ok.txt", "twice"),
            ]
        ),
    ]

    func seeds(packageRoot: String) -> [(name: String, bytes: [UInt8])] {
        var seeds: [(name: String, bytes: [UInt8])] = []
        for (name, entries) in Self.trees {
            for format in Format.allCases {
                if let bytes = Self.archive(entries, format: format) {
                    seeds.append(("\(name).\(format.rawValue)", bytes))
                }
            }
        }
        return seeds
    }

    /// The entries packed in `format`, or nil when libarchive refuses.
    static func archive(_ entries: [Entry], format: Format) -> [UInt8]? {
        guard let a = archive_write_new() else { return nil }
        defer { archive_write_free(a) }
        switch format {
        case .zip: archive_write_set_format_zip(a)
        case .tar: archive_write_set_format_pax_restricted(a)
        case .tgz: archive_write_set_format_pax_restricted(a); archive_write_add_filter_gzip(a)
        case .tzst: archive_write_set_format_pax_restricted(a); archive_write_add_filter_zstd(a)
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var used = 0
        let ok: Bool = buffer.withUnsafeMutableBytes { out in
            guard archive_write_open_memory(a, out.baseAddress, out.count, &used) == ARCHIVE_OK else { return false }
            for entry in entries {
                guard let e = archive_entry_new() else { return false }
                defer { archive_entry_free(e) }
                var content = ""
                switch entry {
                case .directory(let path):
                    archive_entry_set_pathname(e, path); archive_entry_set_filetype(e, 0o040000);
                    archive_entry_set_perm(e, 0o755)
                case .file(let path, let text):
                    archive_entry_set_pathname(e, path); archive_entry_set_filetype(e, 0o100000);
                    archive_entry_set_perm(e, 0o644)
                    archive_entry_set_size(e, Int64(text.utf8.count)); content = text
                case .symlink(let path, let target):
                    archive_entry_set_pathname(e, path); archive_entry_set_filetype(e, 0o120000);
                    archive_entry_set_perm(e, 0o777)
                    archive_entry_set_symlink(e, target)
                case .hardlink(let path, let target):
                    archive_entry_set_pathname(e, path); archive_entry_set_filetype(e, 0o100000);
                    archive_entry_set_perm(e, 0o644)
                    archive_entry_set_hardlink(e, target)
                }
                guard archive_write_header(a, e) >= ARCHIVE_WARN else { continue }
                if !content.isEmpty {
                    _ = Array(content.utf8).withUnsafeBytes { archive_write_data(a, $0.baseAddress, $0.count) }
                }
            }
            return archive_write_close(a) == ARCHIVE_OK
        }
        return ok ? Array(buffer.prefix(used)) : nil
    }
}
