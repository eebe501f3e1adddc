import Columnar
import KQLSyntax

/// A query parameter's value as the client passed it (`--param name=value`): a KQL literal of the declared
/// type (`5`, `datetime(2024-01-01)`, `dynamic([1, 2])`, `"text"`), the bare text its `to*` function reads
/// (`2024-01-01`, `[1, 2]`), or for a string parameter any other text as it is.
enum QueryParameterValue {
    static func parse(_ text: String, as type: ScalarType, name: NameSyntax) throws(KQLError) -> Value {
        if let v = literal(text, type) { return v }
        if type == .string { return .string(text) }
        // Bare text of the type (`2024-01-01T00:00:00Z`, `1.02:00:00`, `[1, 2]`), read as its to* function reads it.
        let converted = Cast.explicit(.string(text), to: type)
        if !converted.isNull { return converted }
        throw KQLError(
            .argument, "the value given for query parameter '\(name.name)' is not a \(type.rawValue) literal: \(text)",
            span: name.span,
            hint: "pass a KQL literal of its declared type, e.g. --param \(name.name)=\(example(type))")
    }

    /// The constant a literal text denotes, converted to `type` where KQL converts implicitly.
    private static func literal(_ text: String, _ type: ScalarType) -> Value? {
        guard let e = try? Parser.parseExpression(text) else { return nil }
        let value: Value, written: ScalarType
        switch e {
        case .literal(let v, let t, _): (value, written) = (v, t)
        case .unary(.negate, .literal(.long(let v), .long, _), _) where v != Int64.min:
            (value, written) = (.long(-v), .long)
        case .unary(.negate, .literal(.real(let v), .real, _), _): (value, written) = (.real(-v), .real)
        default: return nil
        }
        if value.isNull { return type == .dynamic ? .dynamic(.null) : .null }
        if written == type { return type == .dynamic && value.type != .dynamic ? .dynamic(value.asDynamic) : value }
        return Cast.value(value, to: type, mode: .implicit)
    }

    private static func example(_ type: ScalarType) -> String {
        switch type {
        case .bool: return "true"
        case .int, .long: return "5"
        case .real, .decimal: return "0.5"
        case .datetime: return "2024-01-01T00:00:00Z"
        case .timespan: return "1h"
        case .guid: return "00000000-0000-0000-0000-000000000001"
        case .string: return "text"
        case .dynamic: return "'[1, 2]'"
        }
    }
}
