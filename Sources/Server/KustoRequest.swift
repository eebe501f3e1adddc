import Columnar
import Foundation
import KQLEngine

/// A query or command request as the Kusto clients send it: `{"db": ..., "csl": ..., "properties": ...}`
/// where `properties` is a JSON object or a string holding one (azure-kusto-data sends a string, the web
/// UI an object), with `Options` (client request properties) and `Parameters` (values for
/// `declare query_parameters`). Unknown fields and options are ignored, as ADX ignores what it does not use.
struct KustoRequest: Sendable {
    var database: String?
    var text: String
    /// The request properties the engine understands (truncation, timeout, memory), from `Options`.
    var properties: RequestProperties
    /// `Options.results_progressive_enabled`: answer v2 with progressive frames.
    var progressive: Bool
    /// `ClientRequestId` from the properties, when the header did not give one.
    var clientRequestID: String?

    /// Reads a request body; a body that is not JSON, or has no `csl`, is `E_REQUEST`.
    static func decode(_ body: [UInt8]) throws(ServerError) -> KustoRequest {
        let root: Dynamic
        do { root = try Dynamic.parseJSON(String(decoding: body, as: UTF8.self)) } catch {
            throw ServerError(.request, "the request body is not JSON: \(error.message)")
        }
        guard case .string(let text)? = root[key: "csl"] else {
            throw ServerError(.request, "the request body has no `csl` (the query or command text)")
        }
        var request = KustoRequest(
            database: nil, text: text, properties: RequestProperties(), progressive: false, clientRequestID: nil)
        if case .string(let db)? = root[key: "db"] { request.database = db }
        var properties = root[key: "properties"] ?? .null
        if case .string(let s) = properties {
            guard !s.isEmpty else { return request }
            do { properties = try Dynamic.parseJSON(s) } catch {
                throw ServerError(.request, "the request's `properties` string is not JSON: \(error.message)")
            }
        }
        if case .string(let id)? = properties[key: "ClientRequestId"] { request.clientRequestID = id }
        if case .bag(let options)? = properties[key: "Options"] {
            for (name, value) in zip(options.keys, options.values) { try request.apply(option: name, value) }
        }
        if case .bag(let parameters)? = properties[key: "Parameters"] {
            for (name, value) in zip(parameters.keys, parameters.values) {
                switch value {
                case .string(let s): request.properties.parameters[name] = s
                case .long(let n): request.properties.parameters[name] = String(n)
                case .real(let x): request.properties.parameters[name] = RealFormat.string(x)
                case .bool(let b): request.properties.parameters[name] = b ? "true" : "false"
                default:
                    throw ServerError(
                        .request,
                        "query parameter '\(name)' must be a string (a KQL literal) or a number, not \(value.typeName)")
                }
            }
        }
        return request
    }

    /// One `Options` entry: the limits go to the engine as `set` would give them (a timespan written as
    /// ADX's `00:10:00` or KQL's `10m`); other options are ignored.
    private mutating func apply(option name: String, _ value: Dynamic) throws(ServerError) {
        if name == "results_progressive_enabled" {
            progressive = value == .bool(true) || value == .string("true"); return
        }
        if name == "query_now" {
            guard case .string(let s) = value, let t = DateTimeFormat.parse(s) else {
                throw ServerError(.request, "option 'query_now' must be a datetime such as 2025-01-01T00:00:00Z")
            }
            properties.queryNow = t
            return
        }
        let v: Value
        switch value {
        case .bool(let b): v = .bool(b)
        case .long(let n): v = .long(n)
        case .real(let x) where x == x.rounded() && abs(x) < 9e18: v = .long(Int64(x))
        case .string(let s) where name == RequestProperties.Name.serverTimeout:
            guard let t = TimespanFormat.parse(s) else {
                throw ServerError(
                    .request, "option 'servertimeout' must be a timespan such as 00:10:00 or 10m, not '\(s)'")
            }
            v = .timespan(t)
        case .string(let s) where Int64(s) != nil: v = .long(Int64(s)!)
        case .string(let s) where s == "true" || s == "false": v = .bool(s == "true")
        default: return
        }
        do { try properties.set(name, v) } catch {
            throw ServerError(.request, error.message, hint: error.hint)
        }
    }
}
