import Columnar
import Foundation
import KQLSyntax
import Synchronization

/// The stored functions of a folder database: one file per function, `functions/<Name>.kql`, holding
/// the `.create-or-alter function` command that recreates it (readable, diffable, and editable by hand).
///
/// Like the tables, a file that cannot be read does not stop the folder from opening: that function is
/// unavailable and a query that calls it gets the file's error (file:line:column), while the others
/// work. Writes replace the file atomically (``AtomicFile``).
final class FolderFunctionStore: Sendable {
    /// The folder of function files.
    let directory: String
    /// Functions are kept in memory only (a database opened from one file has no folder of its own).
    let inMemory: Bool
    private let functions: Mutex<[String: StoredFunction]>
    private let unreadable: Mutex<[String: KQLError]>

    static let fileExtension = "kql"

    init(database path: String, inMemory: Bool = false) {
        directory = path + "/functions"
        self.inMemory = inMemory
        var loaded: [String: StoredFunction] = [:]
        var broken: [String: KQLError] = [:]
        let files = inMemory ? [] : ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        for file in files where !file.hasPrefix(".") && file.hasSuffix("." + Self.fileExtension) {
            let name = String(file.dropLast(Self.fileExtension.count + 1))
            let full = directory + "/" + file
            do {
                loaded[name] = try Self.load(full, name: name)
            } catch {
                broken[name] = error
            }
        }
        functions = Mutex(loaded)
        unreadable = Mutex(broken)
    }

    private static func load(_ file: String, name: String) throws(KQLError) -> StoredFunction {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw KQLError(.data, "cannot read the function file \(file)", hint: "check its permissions")
        }
        let function = try StoredFunction.read(String(decoding: data, as: UTF8.self), origin: file)
        guard function.name == name else {
            throw KQLError(
                .data, "the file \(file) defines function '\(function.name)', not '\(name)'",
                hint:
                    "rename the file to \(function.name).\(fileExtension), or recreate the function with `.create-or-alter function`"
            )
        }
        return function
    }

    var names: [String] { functions.withLock { $0.keys.sorted() } }

    func function(named name: String) -> StoredFunction? { functions.withLock { $0[name] } }

    func unavailableReason(_ name: String) -> KQLError? { unreadable.withLock { $0[name] } }

    func store(_ function: StoredFunction) throws(KQLError) {
        let name = function.name
        if inMemory { functions.withLock { $0[name] = function }; return }
        let fits =
            !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
            && name.utf8.count <= 200
        guard fits else {
            throw KQLError(
                .command, "'\(name.prefix(60))' cannot be a function name in a folder database",
                hint: "use a name without '/', not starting with '.', at most 200 bytes")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw KQLError(
                .command, "could not create the folder \(directory): \(error.localizedDescription)",
                hint: "check that the database folder is writable; the function was not stored")
        }
        let file = directory + "/" + name + "." + Self.fileExtension
        // Parsed again from the text the file holds, so errors in its body name the file.
        let kept = try StoredFunction(
            name: name, parameters: function.parameters, body: function.body,
            folder: function.folder, docString: function.docString, origin: file)
        try AtomicFile.write(kept.definitionText, to: file)
        functions.withLock { $0[name] = kept }
        unreadable.withLock { $0[name] = nil }
    }

    func drop(_ name: String) throws(KQLError) {
        let present = functions.withLock { $0[name] != nil } || unreadable.withLock { $0[name] != nil }
        guard present else {
            throw KQLError(
                .unknownName, "there is no function '\(name)'", hint: "`.show functions` lists the stored functions")
        }
        if !inMemory { try AtomicFile.remove(directory + "/" + name + "." + Self.fileExtension) }
        functions.withLock { $0[name] = nil }
        unreadable.withLock { $0[name] = nil }
    }
}
