import KQLSyntax

/// The `with (name = value, ...)` properties of a command, read as text.
struct CommandOptions {
    private var values: [String: (text: String, span: SourceSpan)] = [:]

    /// Reads the options, refusing any whose name is not in `known` (case-insensitive).
    init(_ options: [OptionSyntax], known: Set<String>, command: String) throws(KQLError) {
        for option in options {
            let key = option.name.lowercased()
            guard known.contains(key) else {
                throw KQLError(
                    .unsupported, "`\(command)` has no property '\(option.name)' here", span: option.span,
                    hint: known.isEmpty
                        ? "remove the with (...) clause"
                        : "supported properties: \(known.sorted().joined(separator: ", "))")
            }
            guard let text = Self.text(option.value) else {
                throw KQLError(
                    .argument, "the value of '\(option.name)' must be a name, a string, a number or a bool",
                    span: option.value.span)
            }
            values[key] = (text, option.value.span)
        }
    }

    subscript(name: String) -> String? { values[name.lowercased()]?.text }

    func span(_ name: String) -> SourceSpan? { values[name.lowercased()]?.span }

    /// A boolean property (`true`/`false`), defaulting to `false`.
    func flag(_ name: String) throws(KQLError) -> Bool {
        guard let text = self[name] else { return false }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default:
            throw KQLError(.argument, "'\(name)' must be true or false, not '\(text)'", span: span(name))
        }
    }

    private static func text(_ e: ExpressionSyntax) -> String? {
        switch e {
        case .name(let n): return n.name
        case .literal(let v, _, _): return v.isNull ? nil : v.text
        case .parenthesized(let inner, _): return text(inner)
        default: return nil
        }
    }
}
