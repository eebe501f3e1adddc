import Columnar
import Foundation

/// `parse_url(url)` (alias `parseurl`): a bag of Scheme, Host, Port, Path, Username, Password, Query Parameters
/// (a bag, values URL-decoded) and Fragment; parts the URL lacks are empty strings; text without `scheme://` gives `{}`.
struct ParseUrlFunction: ScalarFunction {
    let name: String
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string]); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .string(let s) = r[0] else { return .dynamic(.null) }
            return .dynamic(ParseUrlFunction.parse(s))
        }
    }

    static func parse(_ url: String) -> Dynamic {
        guard let schemeEnd = url.range(of: "://"), !url[..<schemeEnd.lowerBound].isEmpty else {
            return .bag(PropertyBag())
        }
        let scheme = String(url[..<schemeEnd.lowerBound])
        var rest = Substring(url[schemeEnd.upperBound...])
        var fragment = "", query = ""
        if let h = rest.firstIndex(of: "#") { fragment = String(rest[rest.index(after: h)...]); rest = rest[..<h] }
        if let q = rest.firstIndex(of: "?") { query = String(rest[rest.index(after: q)...]); rest = rest[..<q] }
        var authority = rest, path = ""
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]; path = String(rest[rest.index(after: slash)...])
        }
        var user = "", password = ""
        if let at = authority.lastIndex(of: "@") {
            let info = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = info.firstIndex(of: ":") {
                user = String(info[..<colon]); password = String(info[info.index(after: colon)...])
            } else {
                user = String(info)
            }
        }
        var host = String(authority), port = ""
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            host = String(authority[..<colon]); port = String(authority[authority.index(after: colon)...])
        }
        let parameters = queryParameters(query)
        return .bag(
            PropertyBag([
                ("Scheme", .string(scheme)), ("Host", .string(host)), ("Port", .string(port)), ("Path", .string(path)),
                ("Username", .string(user)), ("Password", .string(password)), ("Query Parameters", .bag(parameters)),
                ("Fragment", .string(fragment)),
            ]))
    }

    /// The `k=v` pairs of a URL's query (`&`-separated, URL-decoded, `+` as space; a key without `=` has
    /// the empty value), as `parse_url` and `parse_urlquery` show them.
    static func queryParameters(_ query: String) -> PropertyBag {
        var parameters = PropertyBag()
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(kv[0]).removingPercentEncoding ?? String(kv[0])
            let value =
                kv.count > 1
                ? (String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(kv[1])) : ""
            parameters[key] = .string(value)
        }
        return parameters
    }
}
