import Foundation
import Testing

/// `sandpiper serve` as a user starts it, and `conformance run --target` against it: the same case files
/// that check the embedded engine, sent over HTTP.
@Suite(.serialized) struct ServeCommandTests {
    /// Starts `sandpiper serve` on a free port; returns the process and its URL.
    static func startServer(_ extra: [String] = [], environment extraEnvironment: [String: String] = [:]) throws
        -> (Process, String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SandpiperBinary.path)
        process.arguments = ["serve", "--listen", "127.0.0.1:0"] + extra
        process.environment = ProcessInfo.processInfo.environment.merging(extraEnvironment) { _, new in new }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line says where it listens: "sandpiper serve: listening on http(s)://127.0.0.1:PORT, ...".
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line += byte
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let start = text.range(of: "http://") ?? text.range(of: "https://"),
            let end = text[start.lowerBound...].firstIndex(of: ",")
        else {
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

    /// `--target A --target B`: two servers over the same data agree on every record; a server whose
    /// StormEvents holds two rows differs from the sample database's at the count's cell.
    @Test func twoTargetsAreComparedCellByCell() async throws {
        try await Self.offPool { try Self.checkTwoTargetsAreComparedCellByCell() }
    }

    static func checkTwoTargetsAreComparedCellByCell() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandpiper-cmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("db"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "State:string,DamageProperty:long\nTEXAS,10\nOHIO,20\n".write(
            to: folder.appendingPathComponent("db/StormEvents.csv"), atomically: true, encoding: .utf8)
        let document = folder.appendingPathComponent("compare.md")
        try "# Two queries\n\n```kusto\nprint x = 1, s = \"a\"\n```\n\n```kusto\nStormEvents | count\n```\n".write(
            to: document, atomically: true, encoding: .utf8)
        let (a, urlA) = try Self.startServer(["--now", "2025-01-01T00:00:00Z"])
        defer { a.terminate(); a.waitUntilExit() }
        let (b, urlB) = try Self.startServer(["--now", "2025-01-01T00:00:00Z"])
        defer { b.terminate(); b.waitUntilExit() }
        let same = try SandpiperBinary.run(
            [
                "conformance", "run", "--target", urlA, "--target", urlB,
                "conformance/engine/commands/sample_database.kqltest", document.path,
            ],
            in: SandpiperBinary.packageRoot.path)
        #expect(same.status == 0, "\(same.stdout)\n\(same.stderr)")
        #expect(same.stdout.contains(" 0 differ"), "\(same.stdout)")
        #expect(!same.stdout.contains("differs"), "\(same.stdout)")
        let (c, urlC) = try Self.startServer(["--db", folder.appendingPathComponent("db").path])
        defer { c.terminate(); c.waitUntilExit() }
        let differ = try SandpiperBinary.run(
            ["conformance", "run", "--target", urlA, "--target", urlC, "--target-database", "default", document.path])
        #expect(differ.status == 1, "\(differ.stdout)\n\(differ.stderr)")
        let lines = differ.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasSuffix("  equal  1 result, 1 row") }, "\(differ.stdout)")
        #expect(
            lines.contains { $0.contains("  differs  row 1, column 'Count': A ") && $0.hasSuffix(", B 2") },
            "\(differ.stdout)")
        #expect(lines.last == "2 queries: 1 equal, 1 differ", "\(differ.stdout)")
    }

    @Test func refusesAPublicAddressWithoutAToken() throws {
        let r = try SandpiperBinary.run(["serve", "--listen", "0.0.0.0:0"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("E_UNAUTHORIZED") && r.stderr.contains("--token-file"), "\(r.stderr)")
    }

    /// Runs `body` on a thread of its own: a test that waits for processes for long must not hold one of
    /// the few threads of Swift's cooperative pool, on which the in-process servers of other suites answer.
    static func offPool(_ body: @escaping @Sendable () throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs a program of the machine (openssl, curl) to its end: its status and standard output.
    static func tool(_ program: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A self-signed certificate for 127.0.0.1 and its key, made by the openssl CLI into `folder`.
    static func selfSignedCertificate(in folder: URL, name: String = "server") throws -> (cert: String, key: String) {
        let cert = folder.appendingPathComponent("\(name).pem").path,
            key = folder.appendingPathComponent("\(name).key").path
        let made = try tool(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert,
            ])
        guard made.status == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "openssl req failed"])
        }
        return (cert, key)
    }

    /// `--tls-cert/--tls-key`: curl reaches the server over HTTPS when it trusts that certificate, and
    /// refuses it when it does not; plain HTTP on the port gets no answer.
    @Test func servesHTTPSWithTheGivenCertificate() async throws {
        try await Self.offPool { try Self.checkServesHTTPSWithTheGivenCertificate() }
    }

    static func checkServesHTTPSWithTheGivenCertificate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandpiper-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (cert, key) = try Self.selfSignedCertificate(in: folder)
        let (server, url) = try Self.startServer(["--tls-cert", cert, "--tls-key", key])
        defer { server.terminate(); server.waitUntilExit() }
        #expect(url.hasPrefix("https://127.0.0.1:"), "\(url)")
        let query = try Self.tool(
            "/usr/bin/curl",
            [
                "-sS", "--fail", "--cacert", cert, url + "/v2/rest/query", "-H", "Content-Type: application/json",
                "-d", #"{"db":"Sandpiper","csl":"print x = 6 * 7"}"#,
            ])
        #expect(query.status == 0)
        let frames = (try? JSONSerialization.jsonObject(with: Data(query.stdout.utf8))) as? [[String: Any]] ?? []
        let primary = frames.first { $0["TableKind"] as? String == "PrimaryResult" }
        #expect((primary?["Rows"] as? [[Any]])?.first?.first as? Int == 42, "\(query.stdout)")
        // Without the certificate curl cannot verify the server (exit 60); plain HTTP is not TLS (no answer).
        #expect(try Self.tool("/usr/bin/curl", ["-sS", url + "/v1/rest/ping"]).status == 60)
        let plain = try Self.tool(
            "/usr/bin/curl",
            ["-sS", "--max-time", "10", url.replacingOccurrences(of: "https:", with: "http:") + "/v1/rest/ping"])
        #expect(plain.status != 0)
    }

    /// A key that is not the certificate's stops the server at start with `E_TLS`.
    @Test func refusesAKeyThatIsNotTheCertificates() async throws {
        try await Self.offPool { try Self.checkRefusesAKeyThatIsNotTheCertificates() }
    }

    static func checkRefusesAKeyThatIsNotTheCertificates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandpiper-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try Self.selfSignedCertificate(in: folder, name: "one")
        let other = try Self.selfSignedCertificate(in: folder, name: "other")
        let r = try SandpiperBinary.run([
            "serve", "--listen", "127.0.0.1:0", "--tls-cert", one.cert, "--tls-key", other.key,
        ])
        #expect(r.status == 1)
        #expect(r.stderr.contains("E_TLS") && r.stderr.contains("does not belong"), "\(r.stderr)")
    }

    /// Every process below `pid`.
    static func descendants(of pid: Int32) -> [Int32] {
        var found: [Int32] = [], todo = [pid]
        while let next = todo.popLast() {
            let children = CancellationTests.children(of: next).filter(CancellationTests.isRunning)
            found += children
            todo += children
        }
        return found
    }

    /// The memfds `pid` holds open.
    static func memfds(of pid: Int32) -> Int {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        return fds.filter {
            ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")) ?? "").hasPrefix(
                "/memfd:")
        }.count
    }

    /// The HTTP status of a v2 query, sent with curl.
    static func status(_ url: String, _ csl: String) throws -> String {
        let body = String(
            decoding: try JSONSerialization.data(withJSONObject: ["db": "Sandpiper", "csl": csl]), as: UTF8.self)
        return try tool(
            "/usr/bin/curl",
            [
                "-sS", "-o", "/dev/null", "-w", "%{http_code}", url + "/v2/rest/query", "-H",
                "Content-Type: application/json", "-d", body,
            ]
        ).stdout
    }

    /// A client that goes away while its python() script sleeps for ten minutes: the script's processes
    /// are stopped (the server is back to its warm worker and spare child), its memfds are given back,
    /// and the next python() call runs in the freed slot.
    @Test func aClientThatLeavesStopsItsPythonScript() async throws {
        try await Self.offPool { try Self.checkAClientThatLeavesStopsItsPythonScript() }
    }

    static func checkAClientThatLeavesStopsItsPythonScript() throws {
        _ = try TestSandboxes.minimal.get()
        let (server, url) = try Self.startServer([], environment: TestSandboxes.environment)
        defer { server.terminate(); server.waitUntilExit() }
        let quick = "print x = 1 | evaluate python(typeof(*), 'result = df', sandbox = 'minimal')"
        // Warm: the zygote, a spare child and the pool's regions exist, as they will after the cancelled call.
        for _ in 0..<2 { #expect(try Self.status(url, quick) == "200") }
        Thread.sleep(forTimeInterval: 1)
        let processes = Self.descendants(of: server.processIdentifier).count
        let memfds = Self.memfds(of: server.processIdentifier)
        let body = String(
            decoding: try JSONSerialization.data(withJSONObject: [
                "db": "Sandpiper",
                "csl":
                    "print x = 1 | evaluate python(typeof(*), 'import time\\ntime.sleep(600)\\nresult = df', sandbox = 'minimal')",
            ]), as: UTF8.self)
        let client = Process()
        client.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        client.arguments = ["-sS", url + "/v2/rest/query", "-H", "Content-Type: application/json", "-d", body]
        client.standardOutput = FileHandle.nullDevice
        client.standardError = FileHandle.nullDevice
        try client.run()
        // The query's child (and the next spare) appear while the script sleeps.
        var deadline = Date().addingTimeInterval(30)
        while Self.descendants(of: server.processIdentifier).count <= processes && Date() < deadline { usleep(20_000) }
        #expect(Self.descendants(of: server.processIdentifier).count > processes, "the script never started")
        usleep(500_000)
        client.terminate()
        client.waitUntilExit()
        deadline = Date().addingTimeInterval(10)
        while (Self.descendants(of: server.processIdentifier).count > processes
            || Self.memfds(of: server.processIdentifier) > memfds) && Date() < deadline
        {
            usleep(20_000)
        }
        #expect(Self.descendants(of: server.processIdentifier).count == processes, "the script's processes live on")
        #expect(Self.memfds(of: server.processIdentifier) <= memfds)
        #expect(try Self.status(url, quick) == "200")
    }
}
