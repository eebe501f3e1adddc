import Columnar
import Foundation
import KQLSyntax

/// An error as the Kusto REST API reports it: the HTTP status and the OneApiErrors body
/// `{"error":{"code","message","@type","@message","@context","@permanent","innererror":{...}}}` that the
/// clients read (azure-kusto-data raises it as `KustoApiError`; 429 as `KustoThrottlingError`).
/// `innererror.code` is the catalogued Sandpiper code (`docs/errors.md`).
struct OneApiError: Sendable {
    var status: Int
    var code: ErrorCode
    var message: String
    /// The message with line:column and hint, as the CLI prints it.
    var detail: String
    var permanent: Bool

    init(_ error: any Error) {
        if let e = error as? ServerError {
            self.init(status: e.status, code: e.code, message: e.message, detail: e.description)
        } else if let e = error as? any CodedError {
            let code = Self.rootCode(e)
            self.init(status: Self.status(for: code), code: code, message: e.message, detail: e.description)
        } else {
            self.init(status: 500, code: .runtime, message: "\(error)", detail: "\(error)")
        }
    }

    init(status: Int, code: ErrorCode, message: String, detail: String) {
        self.status = status; self.code = code; self.message = message; self.detail = detail
        // A throttled or timed-out request may succeed when sent again; the others fail the same way.
        permanent = !(status == 429 || status == 503 || status == 504)
    }

    /// The code that decides the status: a wrapped throttling error (a python() call that found no free
    /// sandbox slot) makes the whole request a 429, as ADX answers when it is out of capacity.
    private static func rootCode(_ error: any CodedError) -> ErrorCode {
        var current: (any Error)? = error
        var depth = 0
        while let e = current as? any CodedError, depth < 16 {
            if e.code == .sandboxThrottled { return .sandboxThrottled }
            current = e.cause
            depth += 1
        }
        return error.code
    }

    /// The HTTP status for a catalogued code: what the request did wrong is 4xx, what the service could
    /// not do is 5xx.
    static func status(for code: ErrorCode) -> Int {
        switch code {
        case .unauthorized: return 401
        case .requestTooLarge: return 413
        case .sandboxThrottled: return 429
        case .queryTimeout, .sandboxTimeout: return 504
        case .sandboxUnavailable: return 503
        case .sandboxStart, .sandboxCrash, .sandboxIO, .sandboxSetup, .sandboxEnvironment, .sharedTable, .sharedMemory,
            .io, .cancelled:
            return 500
        default: return 400
        }
    }

    /// ADX's general code for a status (the `code` field clients show first).
    private var generalCode: String {
        switch status {
        case 401: return "Unauthorized"
        case 404: return "NotFound"
        case 413: return "RequestEntityTooLarge"
        case 429: return "TooManyRequests"
        case 503: return "ServiceUnavailable"
        case 504: return "RequestTimeout"
        case 400..<500: return "General_BadRequest"
        default: return "InternalServiceError"
        }
    }

    /// `{"error":{...}}`.
    func body(clientRequestID: String, activityID: String) -> String {
        var w = JSONWriter()
        w.raw("{\"error\":")
        writeError(&w, clientRequestID: clientRequestID, activityID: activityID)
        w.raw("}")
        return w.text
    }

    /// The inner `{"code":...}` object, also used in a v2 DataSetCompletion's `OneApiErrors`.
    func writeError(_ w: inout JSONWriter, clientRequestID: String, activityID: String) {
        w.raw("{\"code\":"); w.string(generalCode)
        w.raw(",\"message\":"); w.string(message)
        w.raw(",\"@type\":"); w.string("Sandpiper." + code.rawValue)
        w.raw(",\"@message\":"); w.string(detail)
        w.raw(",\"@context\":{\"timestamp\":");
        w.string(DateTimeFormat.iso8601(Int64(Date().timeIntervalSince1970 * 1e9), fractionDigits: 7))
        w.raw(",\"serviceAlias\":\"SANDPIPER\",\"clientRequestId\":"); w.string(clientRequestID)
        w.raw(",\"activityId\":"); w.string(activityID)
        w.raw("},\"@permanent\":"); w.raw(permanent ? "true" : "false")
        w.raw(",\"innererror\":{\"code\":"); w.string(code.rawValue)
        w.raw(",\"message\":"); w.string(message)
        w.raw(",\"@errorCode\":"); w.string(code.rawValue)
        w.raw(",\"@errorMessage\":"); w.string(message)
        w.raw("}}")
    }
}
