import Columnar
import Foundation
import KQLSyntax
import SharedTable

/// What happens to the files a `python()` script writes under `outputs/` in its working folder.
public enum PythonOutputFiles: Sendable, Equatable {
    /// They are copied into this folder (made when the first file comes): `sandpiper query
    /// --python-output DIR`, by default `./sandpiper-output/<query-id>/`.
    case folder(String)
    /// They are not copied: the script's output says how many were dropped and `reason`. What a server
    /// does, which never writes files for remote clients.
    case dropped(reason: String)

    /// Limits on one call's files; the worker stops at them first (`collect_outputs` in `sandbox_utils.py`).
    static let maxFiles = 100
    static let maxBytes = 32 << 20
    /// Longest path below `outputs/` accepted, in bytes.
    static let maxPathBytes = 1024
}

/// Copies a call's `outputs/` files into the output folder, all or none.
///
/// What the query child reported is untrusted: every path is checked (relative, no `.`/`..`/empty
/// component, no control character) and every size against the limits before anything is written. Each
/// file is written to a temporary file beside its target and renamed over it (a reader never sees half a
/// file; a link in the way is replaced, never followed), and folders on the way must be real folders,
/// so nothing outside the output folder is written. When one file fails, the ones this call already
/// wrote are removed again.
enum PythonOutputWriter {
    /// Writes `files` under `folder`; returns the paths written, in order.
    static func write(_ files: [WorkerOutputFile], to folder: String, span: SourceSpan) throws(KQLError) -> [String] {
        guard !files.isEmpty else { return [] }
        let checked = try check(files, span: span)
        var written: [String] = []
        do {
            for (components, contents) in checked {
                try makeFolder(folder, components: components.dropLast())
                let path = folder + "/" + components.joined(separator: "/")
                try refuseNonFile(path)
                try contents.write(to: URL(fileURLWithPath: path), options: .atomic)
                written.append(path)
            }
        } catch {
            for path in written { try? FileManager.default.removeItem(atPath: path) }
            throw KQLError(
                .pythonOutputFiles,
                "python(): cannot write the script's output files into \(folder): "
                    + error.localizedDescription,
                span: span, hint: "pick a writable folder with --python-output DIR; no file of this call was kept",
                cause: error)
        }
        return written
    }

    /// The one-line notice for files that were not copied.
    static func droppedNotice(_ files: [WorkerOutputFile], reason: String) -> String {
        let names = files.prefix(5).map(\.path).joined(separator: ", ") + (files.count > 5 ? ", ..." : "")
        let count = "\(files.count) file\(files.count == 1 ? "" : "s")"
        return "python(): the script wrote \(count) under outputs/ (\(names)); "
            + "they were dropped: \(reason)\n"
    }

    /// Each file's path components and bytes, once the whole set passed the limits.
    private static func check(_ files: [WorkerOutputFile], span: SourceSpan) throws(KQLError) -> [([String], Data)] {
        func refuse(_ message: String) -> KQLError {
            KQLError(
                .pythonOutputFiles, "python(): " + message, span: span,
                hint: "no file of this call was written; \(ErrorCode.pythonOutputFiles.hint)")
        }
        guard files.count <= PythonOutputFiles.maxFiles else {
            throw refuse(
                "the script wrote \(files.count) files under outputs/; at most \(PythonOutputFiles.maxFiles) are copied out"
            )
        }
        var total = 0
        var seen: Set<String> = []
        var out: [([String], Data)] = []
        for file in files {
            guard let contents = file.contents, contents.count == file.size else {
                throw refuse("the reply about outputs/\(file.path) carries no bytes of the size it says")
            }
            total += contents.count
            guard total <= PythonOutputFiles.maxBytes else {
                throw refuse("the files under outputs/ hold more than \(PythonOutputFiles.maxBytes >> 20) MiB")
            }
            let components = file.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard file.path.utf8.count <= PythonOutputFiles.maxPathBytes, !components.isEmpty,
                components.allSatisfy(isPlainName)
            else {
                throw refuse("outputs/\(file.path) is not a plain relative path")
            }
            guard seen.insert(file.path).inserted else { throw refuse("outputs/\(file.path) is listed twice") }
            out.append((components, contents))
        }
        return out
    }

    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && name.utf8.count <= 255
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Makes `folder/components...` one folder at a time. The output folder itself is the user's choice
    /// (it may be a link to a folder); below it, a link or a file on the way is refused.
    private static func makeFolder(_ folder: String, components: ArraySlice<String>) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: folder])
            }
        } else {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var path = folder
        for c in components {
            path += "/" + c
            if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType {
                guard type == .typeDirectory else {
                    throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path])
                }
                continue
            }
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
    }

    /// Clears the way for a file: an earlier file stays until the rename replaces it, a link is removed
    /// (the write must not follow it), and anything else (a folder, a pipe) is refused.
    private static func refuseNonFile(_ path: String) throws {
        guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType else {
            return
        }
        if type == .typeSymbolicLink { try FileManager.default.removeItem(atPath: path); return }
        guard type == .typeRegular else {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path])
        }
    }
}

extension PythonOutputFiles {
    /// `sandpiper-output/<query-id>`, where `sandpiper query` copies a script's files when no folder is
    /// given: the id is the command's start time (UTC) and process id, so two runs never share a folder.
    public static let defaultFolder: String = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "sandpiper-output/" + formatter.string(from: Date()) + "-\(ProcessInfo.processInfo.processIdentifier)"
    }()
}
