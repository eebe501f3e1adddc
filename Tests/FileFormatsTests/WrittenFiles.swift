import Foundation
import Testing

/// Parquet and Arrow IPC files written by pyarrow and DuckDB (`Writers/make_files.py`, from the PyPI packages pinned in
/// `Writers/requirements.txt`), generated once into `.build/sandpiper-file-fixtures` with their expected
/// contents. `scripts/test` builds the venv first; a test run without it builds it here.
enum WrittenFiles {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let writers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Writers")
    static let venv = package.appendingPathComponent(".build/sandpiper-file-writers")
    static let folder = package.appendingPathComponent(".build/sandpiper-file-fixtures")

    /// The interpreter a venv can be made with, when there is one.
    static let python: String? =
        ((ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/python3" } ?? [])
        + ["/usr/bin/python3"]).first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The venv's python, building the venv when it is missing.
    static func venvPython() throws -> String {
        let bin = venv.appendingPathComponent("bin/python").path
        let marker = venv.appendingPathComponent(".complete").path
        if FileManager.default.fileExists(atPath: marker) { return bin }
        try run(python!, ["-m", "venv", venv.path])
        try run(bin, ["-m", "pip", "install", "-q", "-r", writers.appendingPathComponent("requirements.txt").path])
        try #require(FileManager.default.createFile(atPath: marker, contents: Data()))
        return bin
    }

    /// The folder of written files, generating them when the generator is newer than they are.
    static func ensure() throws -> URL {
        let marker = folder.appendingPathComponent(".complete")
        let script = writers.appendingPathComponent("make_files.py")
        let scriptDate = try FileManager.default.attributesOfItem(atPath: script.path)[.modificationDate] as? Date
        if let made = try? FileManager.default.attributesOfItem(atPath: marker.path)[.modificationDate] as? Date,
            let scriptDate, made > scriptDate
        {
            return folder
        }
        try run(try venvPython(), [script.path, folder.path])
        try #require(FileManager.default.createFile(atPath: marker.path, contents: Data()))
        return folder
    }

    /// The `.parquet` files of the folder, by name.
    static func parquetFiles() throws -> [URL] { try files(extensions: ["parquet"]) }

    /// The Arrow IPC files of the folder (`.arrow`, `.feather`, and streams as `.arrows`), by name.
    static func arrowFiles() throws -> [URL] { try files(extensions: ["arrow", "feather", "arrows"]) }

    /// The files of the folder with one of `extensions` and an expectation beside them, by name.
    static func files(extensions: Set<String>) throws -> [URL] {
        let dir = try ensure()
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter {
                extensions.contains($0.pathExtension)
                    && FileManager.default.fileExists(
                        atPath: $0.deletingPathExtension().appendingPathExtension("expected.json").path)
            }
            .sorted { $0.path < $1.path }
    }

    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw WriterFailure(
                text: "\(program) \(arguments.joined(separator: " ")): \(String(decoding: stderr, as: UTF8.self))")
        }
        return String(decoding: stdout, as: UTF8.self)
    }

    struct WriterFailure: Error, CustomStringConvertible { let text: String; var description: String { text } }
}
