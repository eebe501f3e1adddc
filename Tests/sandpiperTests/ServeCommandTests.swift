import Foundation
import Testing

/// `sandpiper serve` as a user starts it, and `conformance run --target` against it: the same case files
/// that check the embedded engine, sent over HTTP.
@Suite(.serialized) struct ServeCommandTests {
    /// Starts `sandpiper serve` on a free port; returns the process and its URL.
    static func startServer(_ extra: [String] = []) throws -> (Process, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SandpiperBinary.path)
        process.arguments = ["serve", "--listen", "127.0.0.1:0"] + extra
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line says where it listens: "sandpiper serve: listening on http://127.0.0.1:PORT, ...".
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line += byte
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let start = text.range(of: "http://"), let end = text[start.lowerBound...].firstIndex(of: ",") else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no URL in '\(text)'"])
        }
        return (process, String(text[start.lowerBound..<end]))
    }

    @Test func conformanceCaseFilesPassAgainstTheServer() throws {
        let (server, url) = try Self.startServer(["--now", "2025-01-01T00:00:00Z"])
        defer { server.terminate(); server.waitUntilExit() }
        let r = try SandpiperBinary.run(
            [
                "conformance", "run", "--target", url,
                "conformance/engine/commands/show_service.kqltest",
                "conformance/engine/commands/sample_database.kqltest",
            ],
            in: SandpiperBinary.packageRoot.path)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
    }

    @Test func refusesAPublicAddressWithoutAToken() throws {
        let r = try SandpiperBinary.run(["serve", "--listen", "0.0.0.0:0"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("E_UNAUTHORIZED") && r.stderr.contains("--token-file"), "\(r.stderr)")
    }
}
