import Foundation
import Testing
@testable import Server

/// The real azure-kusto-data client and kqlmagic (from PyPI, in the venv `scripts/test` builds from
/// `Clients/requirements.txt`) against an in-process server: queries, every KQL type into a DataFrame,
/// query parameters, `render`, a management command and errors (`Clients/azure_kusto_data_check.py`), over
/// HTTP and HTTPS; kqlmagic in a Jupyter kernel (`Clients/kqlmagic_check.py`).
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

    /// kqlmagic in a real Jupyter kernel, run headless by nbclient (`Clients/kqlmagic_check.py`): its
    /// anonymous connection and schema popup, a query's DataFrame, and `render timechart` as a plotly figure.
    @Test(
        .enabled(
            if: ClientVenv.python != nil,
            "needs python3 with venv and pip (PyPI) to build .build/sandpiper-serve-clients"))
    func kqlmagicInJupyter() async throws {
        let python = try ClientVenv.ensure()
        try await ServerHarness.with { server in
            let output = try await ClientVenv.runOffPool(
                python,
                [
                    ClientVenv.clients.appendingPathComponent("kqlmagic_check.py").path,
                    "http://127.0.0.1:\(server.port)", "Sandpiper",
                ])
            let line = output.split(separator: "\n").last.map(String.init) ?? ""
            let failures =
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["failures"] as? [String]
            #expect(failures == [], "\(output)")
        }
    }

    /// The same client over HTTPS (`--tls-cert/--tls-key`), verifying the server against the self-signed
    /// certificate made for this test (requests reads `REQUESTS_CA_BUNDLE`), with a bearer token (the
    /// client sends no request over https:// without one).
    @Test(
        .enabled(
            if: ClientVenv.python != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"),
            "needs python3 with venv and pip (PyPI), and the openssl CLI to make a certificate"))
    func azureKustoDataOverTLS() async throws {
        let python = try ClientVenv.ensure()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandpiper-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cert = folder.appendingPathComponent("server.pem").path,
            key = folder.appendingPathComponent("server.key").path
        _ = try ClientVenv.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert,
            ])
        let token = UUID().uuidString
        let configuration = ServerConfiguration(
            port: 0, token: token, tls: TLSFiles(certificateChain: cert, privateKey: key))
        try await ServerHarness.with(configuration) { server in
            let output = try await ClientVenv.runOffPool(
                python,
                [
                    ClientVenv.clients.appendingPathComponent("azure_kusto_data_check.py").path,
                    "https://127.0.0.1:\(server.port)", "Sandpiper", token,
                ], environment: ["REQUESTS_CA_BUNDLE": cert])
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

    /// The venv's python, building the venv when it is missing or was built from another requirements
    /// file (what `scripts/test` does first). Its `.complete` marker holds the requirements it was built from.
    static func ensure() throws -> String {
        let bin = venv.appendingPathComponent("bin/python").path
        let marker = venv.appendingPathComponent(".complete").path
        let requirements = clients.appendingPathComponent("requirements.txt").path
        let wanted = FileManager.default.contents(atPath: requirements)
        if let wanted, FileManager.default.contents(atPath: marker) == wanted { return bin }
        try? FileManager.default.removeItem(at: venv)
        _ = try run(python!, ["-m", "venv", venv.path])
        _ = try run(bin, ["-m", "pip", "install", "-q", "-r", requirements])
        try #require(FileManager.default.createFile(atPath: marker, contents: wanted))
        return bin
    }

    /// `run` on a thread of its own, so the wait blocks no thread of Swift's cooperative pool (the
    /// in-process server answers the client on that pool).
    static func runOffPool(_ program: String, _ arguments: [String], environment: [String: String] = [:])
        async throws -> String
    {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try run(program, arguments, environment: environment) })
            }
        }
    }

    /// Runs a program, returning its standard output; a non-zero exit is an error carrying both outputs.
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
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
