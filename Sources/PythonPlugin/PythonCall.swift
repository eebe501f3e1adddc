import Columnar
import KQLEngine
import KQLSyntax

/// The arguments of one `python()` call, in either syntax, checked.
///
/// ADX: `evaluate [hint.distribution = single|per_node] [hint.remote = auto|local] python(output_schema,
/// script [, script_parameters] [, external_artifacts] [, spill_to_disk])`, positionally or by those
/// names. The seed: `T | python([kickout=N], [script=r'''...'''], [sandbox=NAME])` with the script in
/// `script=` or between lines of three backticks after the call (the binder passes it as `script`).
/// Both forms also accept the other's named arguments (`sandbox=` in ADX's form, `output_schema=` in
/// the seed's), since nothing is ambiguous about them.
struct PythonCall {
    var script: String
    /// Where the script's argument is written in the query (nil when unknown).
    var scriptSpan: SourceSpan?
    var kargsJSON = "{}"
    /// `typeof(...)`; nil: the schema is inferred from `result`.
    var declared: SchemaSyntax?
    var sandbox: String?
    /// The seed's `kickout`: a memory ceiling in MiB for this call (capped by the sandbox policy).
    var kickout: Int64?
    var perNode = false
    /// `external_artifacts`: file name in the script's folder → location (`file://` URL or local path).
    var artifacts: [(name: String, location: String)] = []
    /// Accepted and ignored: the input always reaches the worker in shared memory, never serialized.
    var spillToDisk = true

    /// ADX's positional order.
    static let positionalNames = [
        "output_schema", "script", "script_parameters", "external_artifacts", "spill_to_disk",
    ]
    static let knownNames: Set<String> = Set(positionalNames + ["kickout", "sandbox"])

    init(_ a: PluginArguments) throws(KQLError) {
        func fail(_ message: String, _ hint: String? = nil) -> KQLError {
            KQLError(.argument, "python(): " + message, span: a.span, hint: hint)
        }
        try Self.checkHints(a)
        perNode = (a.options["hint.distribution"].flatMap(Self.text)?.lowercased() == "per_node")

        // Positional arguments take ADX's order; the seed's form may start with the script itself.
        var args: [String: PluginArguments.Argument] = [:]
        var spans: [String: SourceSpan] = [:]
        var order = Self.positionalNames
        if a.inlineForm, let first = a.positional.first, case .value = first { order.removeFirst() }
        guard a.positional.count <= order.count else {
            throw fail("takes at most \(order.count) positional arguments (\(order.joined(separator: ", ")))")
        }
        for (k, (name, value)) in zip(order, a.positional).enumerated() {
            args[name] = value
            if k < a.positionalSpans.count { spans[name] = a.positionalSpans[k] }
        }
        for (name, value) in a.named {
            let key = name.lowercased()
            guard Self.knownNames.contains(key) else {
                throw fail(
                    "unknown argument '\(name)'",
                    "python() takes \(Self.positionalNames.joined(separator: ", ")), kickout and sandbox")
            }
            guard args[key] == nil else { throw fail("'\(key)' is given twice") }
            args[key] = value
            spans[key] = a.namedSpans[name]
        }

        switch args["output_schema"] {
        case nil:
            if !a.inlineForm {
                throw fail("the output schema is required first", "write evaluate python(typeof(*), 'result = df')")
            }
        case .schema(let s)?: declared = s
        case .value(.null, _)?: break
        case .value?, .query?, .table?, .expression?, .column?, .inputQuery?:
            throw fail(
                "the output schema must be a typeof(...) literal",
                "typeof(*, y:real) keeps the input's columns and adds y")
        }
        guard let s = try Self.string(args["script"], "the script", fail) else {
            throw fail(
                "a script is required",
                a.inlineForm
                    ? "write python(script=r'''result = df''') or put the script between lines of ``` after the call"
                    : "write evaluate python(typeof(*), 'result = df')")
        }
        script = s
        scriptSpan = spans["script"]
        switch args["script_parameters"] {
        case nil, .value(.null, _)?, .value(.dynamic(.null), _)?: break
        case .value(.dynamic(.bag(let b)), _)?: kargsJSON = Dynamic.bag(b).jsonText
        default: throw fail("script_parameters must be a property bag, such as bag_pack('gain', 100)")
        }
        switch args["external_artifacts"] {
        case nil, .value(.null, _)?, .value(.dynamic(.null), _)?: break
        case .value(.dynamic(.bag(let b)), _)?:
            for (name, location) in b.pairs {
                guard case .string(let l) = location else {
                    throw fail("external artifact '\(name)' must be a string (a file:// URL or a local path)")
                }
                artifacts.append((name, l))
            }
        default:
            throw fail(
                "external_artifacts must be a property bag of file name and location, such as bag_pack('model.pkl', '/data/model.pkl')"
            )
        }
        switch args["spill_to_disk"] {
        case nil, .value(.null, _)?: break
        case .value(.bool(let b), _)?: spillToDisk = b
        default: throw fail("spill_to_disk must be a bool")
        }
        sandbox = try Self.string(args["sandbox"], "sandbox", fail)
        switch args["kickout"] {
        case nil, .value(.null, _)?: break
        case .value(.long(let k), _)? where k > 0: kickout = k
        case .value(.int(let k), _)? where k > 0: kickout = Int64(k)
        default: throw fail("kickout must be a positive integer (a memory ceiling in MiB)")
        }
    }

    static func string(_ arg: PluginArguments.Argument?, _ what: String, _ fail: (String, String?) -> KQLError)
        throws(KQLError) -> String?
    {
        switch arg {
        case nil, .value(.null, _)?: return nil
        case .value(.string(let s), _)?: return s
        default: throw fail("\(what) must be a string", nil)
        }
    }

    static func text(_ v: Value) -> String? {
        if case .string(let s) = v { return s }
        return nil
    }

    /// `hint.distribution` is `single` or `per_node`, `hint.remote` is `auto` or `local`; no other hint.
    static func checkHints(_ a: PluginArguments) throws(KQLError) {
        let allowed = ["hint.distribution": ["single", "per_node"], "hint.remote": ["auto", "local"]]
        for (name, value) in a.options {
            guard let values = allowed[name.lowercased()] else {
                throw KQLError(
                    .argument, "python(): unknown hint '\(name)'", span: a.span,
                    hint: "python() takes hint.distribution and hint.remote")
            }
            guard let v = text(value)?.lowercased(), values.contains(v) else {
                throw KQLError(.argument, "python(): \(name) must be \(values.joined(separator: " or "))", span: a.span)
            }
        }
    }
}
