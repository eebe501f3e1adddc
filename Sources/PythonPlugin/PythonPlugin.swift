import Columnar
import Foundation
import KQLEngine
import KQLSyntax
import Sandbox
import SharedTable

/// A sandbox environment resolved for one `python()` call.
public struct PythonEnvironment: Sendable, Hashable {
    /// The sandbox's registered name.
    public var name: String
    /// Site-packages directories added to the worker's `sys.path`.
    public var sitePackages: [String]
    /// Wall-time limit of one script run (the sandbox policy's).
    public var timeoutMilliseconds: Int
    /// The registered sandbox with its whole policy (pool size, CPU, confinement of its environment);
    /// nil runs the site-packages under the supervisor's default policy.
    public var settings: SandboxSettings?

    public init(name: String, sitePackages: [String], timeoutMilliseconds: Int, settings: SandboxSettings? = nil) {
        self.name = name; self.sitePackages = sitePackages
        self.timeoutMilliseconds = timeoutMilliseconds; self.settings = settings
    }

    /// A registered sandbox under its own policy.
    public init(_ resolved: ResolvedSandbox) {
        self.init(
            name: resolved.name, sitePackages: [resolved.sitePackages.path],
            timeoutMilliseconds: resolved.policy.timeoutSeconds * 1000,
            settings: SandboxSettings(resolved))
    }
}

/// The `python()` plugin: runs a script over its input table in a sandbox worker.
///
/// Both syntaxes reach it (see `PythonCall`). With `typeof(...)` the result is coerced to the declared
/// schema (`typeof(*, c:type)` keeps the input's columns and adds `c`); without it the schema is
/// inferred from `result`. `hint.distribution = per_node` splits the input into one partition per core,
/// each run by its own child in parallel, and unions the results. `set query_python_debug;` writes the
/// input, the parameters and a runnable script into a folder instead of running anything.
public struct PythonPlugin: TabularPlugin {
    public let name = "python"
    let supervisor: Supervisor
    /// The environment of a sandbox by name (nil: the default sandbox).
    let resolveEnvironment: @Sendable (String?) throws(SandboxError) -> PythonEnvironment
    let cores: Int
    /// The folders `external_artifacts` may be read from.
    let artifactRoots: ArtifactRoots
    /// Where the files scripts write under `outputs/` go.
    let outputFiles: PythonOutputFiles
    /// Whether errors show the whole traceback (`--verbose`) rather than the one with library frames folded.
    let fullTracebacks: Bool

    public init(
        supervisor: Supervisor, cores: Int = ProcessInfo.processInfo.activeProcessorCount,
        artifactRoots: ArtifactRoots = .none,
        outputFiles: PythonOutputFiles = .dropped(reason: "this program keeps no python() output files"),
        fullTracebacks: Bool = false,
        resolveEnvironment: @escaping @Sendable (String?) throws(SandboxError) -> PythonEnvironment
    ) {
        self.supervisor = supervisor
        self.cores = max(cores, 1); self.resolveEnvironment = resolveEnvironment
        self.artifactRoots = artifactRoots; self.outputFiles = outputFiles; self.fullTracebacks = fullTracebacks
    }

    /// The plugin over the registered sandboxes of `registry` (`sandpiper sandbox list`).
    public static func standard(
        registry: SandboxRegistry = SandboxRegistry(), supervisor: Supervisor = Supervisor(),
        artifactRoots: ArtifactRoots = .none
    ) -> PythonPlugin {
        PythonPlugin(supervisor: supervisor, artifactRoots: artifactRoots) {
            (name: String?) throws(SandboxError) -> PythonEnvironment in
            PythonEnvironment(try registry.resolve(name))
        }
    }

    public func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let call = try PythonCall(arguments)
        if PythonDebugDump.isRequested(arguments.queryOptions) { return PythonDebugDump.schema }
        return call.declared.map { Self.schema(declared: $0, input: input) }
    }

    public func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let call = try PythonCall(arguments)
        let span = arguments.span
        if PythonDebugDump.isRequested(arguments.queryOptions) {
            return try PythonDebugDump.write(input: input, call: call, span: span)
        }
        let environment: PythonEnvironment
        do { environment = try resolveEnvironment(call.sandbox) } catch {
            throw KQLError(
                error.code, error.message, span: span,
                hint: error.hint ?? "see `sandpiper sandbox list`, or build one with `sandpiper sandbox build`",
                cause: error.cause)
        }
        let budget = arguments.budget
        try budget.checkDeadline()
        // The script may not outlive the query: its wall-time limit is the sandbox's or what is left of
        // the query's, whichever is lower.
        let remaining = Int(clamping: budget.remainingNanoseconds / 1_000_000)
        let timeout = max(1, min(environment.timeoutMilliseconds, remaining))
        let kickout = call.kickout.map { UInt64($0) }
        let artifacts = try PythonArtifacts.pack(call.artifacts, roots: artifactRoots, span: span)
        var run =
            environment.settings.map {
                ScriptRun(
                    script: call.script, kargsJSON: call.kargsJSON, sandbox: $0,
                    timeoutMilliseconds: timeout, kickoutMiB: kickout, artifacts: artifacts)
            }
            ?? ScriptRun(
                script: call.script, kargsJSON: call.kargsJSON, sitePackages: environment.sitePackages,
                timeoutMilliseconds: timeout, kickoutMiB: kickout, artifacts: artifacts)
        let placed = PythonScriptSource(script: call.script, span: call.scriptSpan, source: arguments.source)
        run.location = placed?.location
        if case .folder = outputFiles { run.collectOutputs = true }
        // A cancelled request (its client went away) stops the script now, not when it ends.
        run.stopRequested = { budget.isCancelled }
        let partitions = call.perNode ? Self.partitions(rows: input.rowCount, count: cores) : [0..<input.rowCount]
        let outputs: [ScriptOutput]
        do { outputs = try supervisor.run(input, partitions: partitions, run) } catch {
            // A script stopped because the query's time ran out reports the query's limit.
            if timeout < environment.timeoutMilliseconds { try budget.checkDeadline() }
            throw scriptError(error, placed: placed, span: span)
        }
        // The results are mapped, not yet copied: charge them before coercion and the union copy them.
        try budget.charge(outputs.map(\.table), for: "python")
        let target = call.declared.map { Self.schema(declared: $0, input: input.schema) }
        var tables: [Table] = []
        for output in outputs {
            if let target {
                tables.append(try PythonResultCoercion.coerce(output.table, to: target, span: span))
            } else {
                tables.append(output.table)
            }
        }
        let table = try Self.union(tables, span: span)
        var text = outputs.map { $0.stdout + $0.stderr }.joined()
        let files = outputs.flatMap(\.outputFiles)
        var written: [String] = []
        switch outputFiles {
        case .folder(let folder): written = try PythonOutputWriter.write(files, to: folder, span: span)
        case .dropped(let reason): if !files.isEmpty { text += PythonOutputWriter.droppedNotice(files, reason: reason) }
        }
        // Running without some confinement layers is only possible when the user asked for it; say so every time.
        if let missing = outputs.first(where: { !$0.unconfinedLayers.isEmpty })?.unconfinedLayers {
            text =
                "WARNING: this script ran WITHOUT these sandbox layers (--unsafe-no-sandbox): \(missing.joined(separator: ", "))\n"
                + text
        }
        return PluginResult(table: table, output: text.isEmpty ? nil : text, files: written)
    }

    /// The coded error of a failed run. A Python error of a script placed in the query points at the query
    /// line of the failing script line (`file:line:column`, a caret under it); its hint is the traceback,
    /// library frames folded unless `fullTracebacks`. What the script printed before it failed or was
    /// stopped (its time limit, its memory ceiling, a cancel) follows the hint.
    func scriptError(_ error: SupervisorError, placed: PythonScriptSource?, span: SourceSpan) -> KQLError {
        var message = error.message, at = span, hint = error.hint
        if case .python(let failure) = error.kind {
            let traceback = fullTracebacks ? (failure.fullTraceback ?? failure.traceback) : failure.traceback
            hint = traceback.isEmpty ? nil : traceback
            if let placed, let line = failure.line, let lineSpan = placed.span(ofLine: line) {
                message = (failure.type.isEmpty ? "" : "\(failure.type): ") + failure.message
                at = lineSpan
            }
        }
        if let printed = error.scriptOutput, !printed.isEmpty {
            hint = (hint.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" } ?? "") + Self.printedHeader + "\n" + printed
        }
        return KQLError(error.code, message, span: at, hint: hint, cause: error.cause)
    }

    /// The line above what a failed or stopped script printed, in its error.
    static let printedHeader = "--- python output before the script stopped ---"

    /// `typeof(*, c:type)`: the input's fields (when `*`), then the declared ones not already there.
    static func schema(declared: SchemaSyntax, input: Schema) -> Schema {
        var fields = declared.includesStar ? input.fields : []
        for c in declared.columns {
            if let i = fields.firstIndex(where: { $0.name == c.name.name }) {
                fields[i].type = c.type
            } else {
                fields.append(Field(c.name.name, c.type))
            }
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
            throw KQLError(
                .resultSchema,
                "partition \(k + 1) returned columns \(describe(t.schema)) but partition 1 returned \(describe(first.schema))",
                span: span, hint: "declare the output schema with typeof(...) so every partition is coerced to it")
        }
        let columns = first.schema.fields.indices.map { i in
            Column.concat(tables.map { $0.columns[i] }, type: first.schema.fields[i].type)
        }
        return Table(schema: first.schema, columns: columns)
    }

    static func describe(_ s: Schema) -> String {
        "(" + s.fields.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: ", ") + ")"
    }
}
