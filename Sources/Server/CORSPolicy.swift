import HTTPTypes
import Hummingbird

/// Cross-origin access for browser clients (the ADX web UI at https://dataexplorer.azure.com, a page
/// served from this machine): an allowed origin is echoed back with the methods and the headers the
/// preflight asked for, and Chrome's private-network preflight (a public site reaching a loopback
/// address) is answered with `Access-Control-Allow-Private-Network: true`.
public struct CORSPolicy: Sendable {
    /// Origins allowed besides loopback ones (`http://localhost:*`, `http://127.0.0.1:*`).
    var origins: Set<String>

    public static let defaultOrigins: Set<String> = ["https://dataexplorer.azure.com"]

    func allows(_ origin: String) -> Bool {
        if origins.contains("*") || origins.contains(origin) { return true }
        for prefix in [
            "http://localhost", "http://127.0.0.1", "https://localhost", "https://127.0.0.1", "http://[::1]",
        ] where origin.hasPrefix(prefix) {
            let rest = origin.dropFirst(prefix.count)
            if rest.isEmpty || rest.hasPrefix(":") { return true }
        }
        return false
    }

    /// The headers an answer to `request` carries; empty when it has no allowed `Origin`.
    func headers(for request: Request, preflight: Bool) -> HTTPFields {
        var h = HTTPFields()
        guard let origin = request.headers[.origin], allows(origin) else { return h }
        h[.accessControlAllowOrigin] = origin
        h[.vary] = "Origin"
        h[.accessControlExposeHeaders] = "x-ms-client-request-id, x-ms-activity-id"
        guard preflight else { return h }
        h[.accessControlAllowMethods] = "GET, POST, OPTIONS"
        h[.accessControlAllowHeaders] =
            request.headers[.accessControlRequestHeaders]
            ?? "Authorization, Content-Type, Accept, x-ms-client-request-id, x-ms-app, x-ms-user, x-ms-client-version"
        h[.accessControlMaxAge] = "3600"
        if request.headers[Self.requestPrivateNetwork]?.lowercased() == "true" { h[Self.allowPrivateNetwork] = "true" }
        return h
    }

    static let requestPrivateNetwork = HTTPField.Name("Access-Control-Request-Private-Network")!
    static let allowPrivateNetwork = HTTPField.Name("Access-Control-Allow-Private-Network")!
}
