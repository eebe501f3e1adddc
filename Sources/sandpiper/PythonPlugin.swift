import Columnar
import Foundation
import KQLEngine
import KQLSyntax
import Sandbox

/// The `python()` plugin: runs a script over its input table in a sandbox worker.
///
/// Two syntaxes reach it. ADX's `evaluate [hint.distribution = per_node] python(typeof(...), script
/// [, kargs])` declares the output schema (`typeof(*, c:type)` keeps the input's columns and adds
/// `c`), and every result value is coerced to it. The seed's `T | python(kickout=..., script=...,
/// sandbox=...)` infers the schema from the result. With `hint.distribution = per_node` the input is
/// split into one partition per core, each run by its own child in parallel, and the results unioned.
public struct PythonPlugin: TabularPlugin {
    public let name = "python"
    let supervisor: Supervisor
    /// Site-packages directories of a sandbox by name (nil: the default sandbox).
    let resolveEnvironment: @Sendable (String?) throws(KQLError) -> [String]
    /// Wall-time limit of one script, in milliseconds.
    let timeoutMilliseconds: Int
    let cores: Int

    public init(supervisor: Supervisor, timeoutMilliseconds: Int = 600_000,
                cores: Int = ProcessInfo.processInfo.activeProcessorCount,
                resolveEnvironment: @escaping @Sendable (String?) throws(KQLError) -> [String]) {
        self.supervisor = supervisor; self.timeoutMilliseconds = timeoutMilliseconds
        self.cores = max(cores, 1); self.resolveEnvironment = resolveEnvironment
    }

    public func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let call = try PythonCall(arguments)
        return call.declared.map { Self.schema(declared: $0, input: input) }
    }

    public func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let call = try PythonCall(arguments)
        let sitePackages = try resolveEnvironment(call.sandbox)
        var options: [String: String] = [:]
        if let kickout = call.kickout { options["kickout"] = String(kickout) }
        let run = ScriptRun(script: call.script, kargsJSON: call.kargsJSON, sitePackages: sitePackages,
                            timeoutMilliseconds: timeoutMilliseconds, options: options)
        let partitions = call.perNode ? Self.partitions(rows: input.rowCount, count: cores) : [0..<input.rowCount]
        let outputs: [ScriptOutput]
        do { outputs = try supervisor.run(input, partitions: partitions, run) } catch {
            throw KQLError(error.code, error.message, span: arguments.span, hint: error.hint)
        }
        let target = call.declared.map { Self.schema(declared: $0, input: input.schema) }
        var tables: [Table] = []
        for output in outputs {
            tables.append(try target.map { schema throws(KQLError) in try PythonResultCoercion.coerce(output.table, to: schema, span: arguments.span) } ?? output.table)
        }
        let table = try Self.union(tables, span: arguments.span)
        let text = outputs.map { $0.stdout + $0.stderr }.joined()
        return PluginResult(table: table, output: text.isEmpty ? nil : text)
    }

    /// `typeof(*, c:type)`: the input's fields (when `*`), then the declared ones not already there.
    static func schema(declared: SchemaSyntax, input: Schema) -> Schema {
        var fields = declared.includesStar ? input.fields : []
        for c in declared.columns {
            if let i = fields.firstIndex(where: { $0.name == c.name.name }) { fields[i].type = c.type } else { fields.append(Field(c.name.name, c.type)) }
        }
        return Schema(fields)
    }

    /// About `count` row ranges, boundaries on multiples of 64 rows (whole validity bytes).
    static func partitions(rows: Int, count: Int) -> [Range<Int>] {
        guard rows > 0, count > 1 else { return [0..<rows] }
        let size = max(64, (rows + count - 1) / count + 63) / 64 * 64
        return stride(from: 0, to: rows, by: size).map { $0..<min($0 + size, rows) }
    }

    static func union(_ tables: [Table], span: SourceSpan) throws(KQLError) -> Table {
        guard let first = tables.first else { return Table.empty(Schema([])) }
        if tables.count == 1 { return first }
        for (k, t) in tables.enumerated() where t.schema != first.schema {
            throw KQLError("E_RESULT_SCHEMA", "partition \(k + 1) returned columns \(describe(t.schema)) but partition 1 returned \(describe(first.schema))",
                           span: span, hint: "declare the output schema with typeof(...) so every partition is coerced to it")
        }
        let columns = first.schema.fields.indices.map { i in Column.concat(tables.map { $0.columns[i] }, type: first.schema.fields[i].type) }
        return Table(schema: first.schema, columns: columns)
    }

    static func describe(_ s: Schema) -> String { "(" + s.fields.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: ", ") + ")" }
}

/// The arguments of one `python()` call, in either syntax.
struct PythonCall {
    var script: String
    var kargsJSON = "{}"
    var declared: SchemaSyntax?
    var sandbox: String?
    var kickout: Int64?
    var perNode = false

    init(_ a: PluginArguments) throws(KQLError) {
        func string(_ arg: PluginArguments.Argument?, _ what: String) throws(KQLError) -> String? {
            switch arg {
            case nil: return nil
            case .value(.string(let s), _)?: return s
            case .value(.null, _)?: return nil
            default: throw KQLError("E_ARGUMENT", "python(): \(what) must be a string literal", span: a.span)
            }
        }
        if case .string(let d)? = a.options["hint.distribution"] { perNode = d.lowercased() == "per_node" }
        if a.inlineForm {
            let known: Set = ["script", "kickout", "sandbox"]
            if let bad = a.named.keys.first(where: { !known.contains($0) }) {
                throw KQLError("E_ARGUMENT", "python(): unknown argument '\(bad)'", span: a.span, hint: "python() takes kickout, script and sandbox")
            }
            guard let s = try string(a.named["script"] ?? a.positional.first, "script") else {
                throw KQLError("E_ARGUMENT", "python(): a script is required", span: a.span, hint: "write python(script=r'''result = df''')")
            }
            script = s
            sandbox = try string(a.named["sandbox"], "sandbox")
            switch a.named["kickout"] {
            case nil: break
            case .value(.long(let k), _)?: kickout = k
            case .value(.int(let k), _)?: kickout = Int64(k)
            default: throw KQLError("E_ARGUMENT", "python(): kickout must be an integer", span: a.span)
            }
            return
        }
        guard a.positional.count >= 2, case .schema(let schema) = a.positional[0] else {
            throw KQLError("E_ARGUMENT", "python() expects typeof(...) then the script", span: a.span,
                           hint: "evaluate python(typeof(*), 'result = df')")
        }
        declared = schema
        guard let s = try string(a.positional[1], "the script") else { throw KQLError("E_ARGUMENT", "python(): the script is null", span: a.span) }
        script = s
        if a.positional.count > 2 {
            switch a.positional[2] {
            case .value(.dynamic(let d), _): kargsJSON = d.jsonText
            case .value(.null, _): break
            default: throw KQLError("E_ARGUMENT", "python(): kargs must be a dynamic property bag", span: a.span)
            }
        }
        if a.positional.count > 3 {
            throw KQLError("E_ARGUMENT", "python() takes at most 3 arguments (schema, script, kargs)", span: a.span)
        }
    }
}
