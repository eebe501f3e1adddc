import Foundation

/// How `sandpiper serve` listens and what it allows; the CLI fills it from its flags.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; anything but a loopback address needs `token`.
    public var host: String
    /// The port (0: any free port, reported once listening).
    public var port: Int
    /// The bearer token every request must carry (`--token-file`), or nil on loopback without one.
    public var token: String?
    /// The name the database answers to besides `default` (the `--db` folder's name, or `Sandpiper`).
    public var databaseName: String
    /// The largest request body read; a larger one is refused with `E_REQUEST_TOO_LARGE` (HTTP 413).
    public var maxRequestBytes: Int
    /// The largest response written; a larger result is refused with `E_REQUEST_TOO_LARGE` (the engine's
    /// own truncation at 64 MB, ADX's `truncationmaxsize`, usually cuts it first).
    public var maxResponseBytes: Int
    /// Queries the engine runs at once; more wait for a slot (on threads of their own, never on the event loop).
    public var maxConcurrentQueries: Int
    /// The certificate and key to serve HTTPS with (`--tls-cert`, `--tls-key`); nil serves plain HTTP.
    public var tls: TLSFiles?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, databaseName: String = "Sandpiper",
        maxRequestBytes: Int = 16 << 20, maxResponseBytes: Int = 256 << 20,
        maxConcurrentQueries: Int = max(2, ProcessInfo.processInfo.activeProcessorCount * 2), tls: TLSFiles? = nil
    ) {
        self.host = host; self.port = port; self.token = token; self.databaseName = databaseName
        self.maxRequestBytes = maxRequestBytes; self.maxResponseBytes = maxResponseBytes
        self.maxConcurrentQueries = maxConcurrentQueries; self.tls = tls
    }

    /// `HOST:PORT` (`[::1]:8080` for IPv6) as `--listen` takes it.
    public static func listenAddress(_ text: String) throws(ServerError) -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port),
            colon > text.startIndex
        else {
            throw ServerError(
                .request, "'\(text)' is not HOST:PORT", hint: "for example 127.0.0.1:8080, or port 0 for any free port")
        }
        return (String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port)
    }

    /// The token in `path` (surrounding whitespace dropped), or nil without a path; for `--token-file`.
    public static func token(file path: String?) throws(ServerError) -> String? {
        guard let path else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServerError(.request, "cannot read the token file '\(path)'")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The line `sandpiper serve` prints once it listens on `port` with `scheme` (http or https).
    public func listeningLine(scheme: String, port: Int) -> String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "sandpiper serve: listening on \(scheme)://\(shown):\(port), database '\(databaseName)'"
            + (token == nil ? "" : "; every request needs `Authorization: Bearer <token>`")
    }

    /// True for 127.0.0.0/8, ::1 and `localhost`: the addresses only this machine reaches.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
