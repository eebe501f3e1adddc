import Foundation
import Testing
@testable import Server

/// The real azure-kusto-data client (from PyPI, in the venv `scripts/test` builds from
/// `Clients/requirements.txt`) against an in-process server: queries, every KQL type into a DataFrame,
/// query parameters, `render`, a management command and errors (`Clients/azure_kusto_data_check.py`).
@Suite(.serialized) struct RealClientTests {
    @Test(
        .enabled(
            if: ClientVenv.python != nil,
            "needs python3 with venv and pip (PyPI) to build .build/sandpiper-serve-clients"))
    func azureKustoData() async throws {
        let python = try ClientVenv.ensure()
        try await ServerHarness.with { server in
            let output = try await ClientVenv.runOffPool(
                python,
                [
                    ClientVenv.clients.appendingPathComponent("azure_kusto_data_check.py").path,
                    "http://127.0.0.1:\(server.port)", "Sandpiper",
                ])
            let line = output.split(separator: "\n").last.map(String.init) ?? ""
            let failures =
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["failures"] as? [String]
            #expect(failures == [], "\(output)")
        }
    }
}

/// The venv of Kusto clients under `.build/sandpiper-serve-clients`, built once.
enum ClientVenv {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let clients = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Clients")
    static let venv = package.appendingPathComponent(".build/sandpiper-serve-clients")

    /// The interpreter a venv can be made with, when there is one.
    static let python: String? =
        ((ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/python3" } ?? [])
        + ["/usr/bin/python3"]).first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The venv's python, building the venv when it is missing (what `scripts/test` does first).
    static func ensure() throws -> String {
        let bin = venv.appendingPathComponent("bin/python").path
        let marker = venv.appendingPathComponent(".complete").path
        if FileManager.default.fileExists(atPath: marker) { return bin }
        _ = try run(python!, ["-m", "venv", venv.path])
        _ = try run(bin, ["-m", "pip", "install", "-q", "-r", clients.appendingPathComponent("requirements.txt").path])
        FileManager.default.createFile(atPath: marker, contents: Data())
        return bin
    }

    /// `run` on a thread of its own, so the wait blocks no thread of Swift's cooperative pool (the
    /// in-process server answers the client on that pool).
    static func runOffPool(_ program: String, _ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try run(program, arguments) }) }
        }
    }

    /// Runs a program, returning its standard output; a non-zero exit is an error carrying both outputs.
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(),
            stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: stdout, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ServerError(
                .request,
                "\(program) \(arguments.joined(separator: " ")) failed: \(text)\n\(String(decoding: stderr, as: UTF8.self))"
            )
        }
        return text
    }
}
