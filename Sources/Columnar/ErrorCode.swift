/// A stable error code, printed first in every user-facing error (`E_PARSE: ...`).
///
/// The set of codes is closed: every code is declared once, below, with what it means, what to do about
/// it and which layers raise it, and `docs/errors.md` is generated from this list. A producer names a
/// constant (`.parse`); a code read back from outside the process (a worker's reply, an expectations
/// file) goes through `named(_:)`, which refuses codes the catalogue does not hold.
public struct ErrorCode: Sendable, Hashable, CustomStringConvertible {
    /// The stable text, for example `E_PARSE`.
    public let rawValue: String
    /// What the code means, in one line.
    public let meaning: String
    /// What a user usually does about it, in one line (each error's own hint is more specific).
    public let hint: String
    /// The targets that raise it, lowest layer first.
    public let raisedBy: [String]

    private init(_ rawValue: String, raisedBy: [String], meaning: String, hint: String) {
        self.rawValue = rawValue; self.raisedBy = raisedBy; self.meaning = meaning; self.hint = hint
    }

    public var description: String { rawValue }

    public static func == (a: ErrorCode, b: ErrorCode) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// The catalogued code spelled `name`, or nil: the one way to turn text that crossed a process or
    /// file boundary back into a code.
    public static func named(_ name: String) -> ErrorCode? { byName[name] }

    private static let byName: [String: ErrorCode] = Dictionary(
        all.map { ($0.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
}

extension ErrorCode {
    // MARK: Data model

    /// A datetime or timespan outside 64-bit nanoseconds.
    public static let outOfRange = ErrorCode(
        "E_OUT_OF_RANGE", raisedBy: ["Columnar", "FileFormats"],
        meaning: "A datetime or timespan does not fit in 64-bit nanoseconds (1677-09-21 to 2262-04-11).",
        hint: "Keep datetimes and timespans within the range pandas and ADX can hold.")
    /// Text that is not valid JSON where a `dynamic` value is read.
    public static let json = ErrorCode(
        "E_JSON", raisedBy: ["Columnar"],
        meaning: "A text read as a dynamic value is not valid JSON, or nests deeper than 512 levels.",
        hint: "Fix the JSON at the line:column given; the message says what was expected there.")

    // MARK: Queries

    /// The query text does not follow KQL's grammar.
    public static let parse = ErrorCode(
        "E_PARSE", raisedBy: ["KQLSyntax"],
        meaning: "The query text does not follow KQL's grammar.",
        hint: "Look at the caret under the query line: the token there is not what KQL expects.")
    /// A name the query uses is not a column, table, function or `let` in scope.
    public static let unknownName = ErrorCode(
        "E_UNKNOWN_NAME", raisedBy: ["KQLEngine"],
        meaning: "A name is not a column, table, function or let-bound value in scope.",
        hint: "Check the spelling and the columns the previous operator produces (`getschema`).")
    /// A value or expression of the wrong type.
    public static let type = ErrorCode(
        "E_TYPE", raisedBy: ["KQLEngine"],
        meaning: "An expression or argument has a type the operator or function does not accept.",
        hint: "Convert explicitly (`tolong`, `todatetime`, `tostring`, ...) or use another function.")
    /// KQL that ADX has but Sandpiper does not implement yet.
    public static let unsupported = ErrorCode(
        "E_UNSUPPORTED", raisedBy: ["KQLSyntax", "KQLEngine", "Charts", "FileFormats"],
        meaning:
            "An operator, function, plugin, option or visualization of KQL that Sandpiper does not implement yet, or a feature of a data file (an Arrow type) its readers do not read.",
        hint: "See docs/support.md for what is implemented; nothing is approximated silently.")
    /// An argument of the right type but an unusable value or count.
    public static let argument = ErrorCode(
        "E_ARGUMENT", raisedBy: ["FileFormats", "KQLEngine", "PythonPlugin"],
        meaning: "An argument has an unusable value, or a call has the wrong number of arguments.",
        hint: "Read the function's or plugin's page in the KQL reference for the arguments it takes.")
    /// A query's own `assert()` whose condition is false.
    public static let assertion = ErrorCode(
        "E_ASSERTION", raisedBy: ["KQLEngine"],
        meaning: "An assert() in the query has a condition that is false; the message is the query's own.",
        hint: "The query's author states what must hold; change the arguments (often a function parameter) so it does.")
    /// A failure while evaluating that is neither a type nor an argument problem.
    public static let runtime = ErrorCode(
        "E_RUNTIME", raisedBy: ["KQLEngine"],
        meaning: "Evaluating the query failed on the data it met.",
        hint: "The message names the operator and the value; filter out the rows that cause it.")
    /// A size limit of an operator or function was exceeded.
    public static let limit = ErrorCode(
        "E_LIMIT", raisedBy: ["KQLEngine"],
        meaning: "An operator or function would produce more rows, columns or bins than it allows.",
        hint: "Narrow the range, the step or the input; see docs/limits.md.")
    /// The query nests or expands past one of `QueryLimits` (see docs/limits.md).
    public static let queryTooComplex = ErrorCode(
        "E_QUERY_TOO_COMPLEX", raisedBy: ["KQLSyntax", "KQLEngine"],
        meaning: "The query nests or expands deeper or larger than the query limits allow.",
        hint: "Flatten the nesting or split the query; the limits are listed in docs/limits.md.")
    /// A user function calls itself, directly or through another function; KQL has no recursion.
    public static let recursiveFunction = ErrorCode(
        "E_RECURSIVE_FUNCTION", raisedBy: ["KQLEngine"],
        meaning: "A user function calls itself, directly or through another function; KQL has no recursion.",
        hint: "Rewrite the function without calling itself (for example with `scan` or `mv-expand`).")
    /// A command of `sandpiper shell` (`.format`, `.db`, ...) with an argument it does not take.
    public static let shellCommand = ErrorCode(
        "E_SHELL_COMMAND", raisedBy: ["Shell"],
        meaning:
            "A command of the interactive shell (`.format`, `.timer`, `.chart`, ...) was given an argument it does not take.",
        hint: "Type `.help` in the shell for its commands and their arguments.")
    /// A management command (`.create`, `.show`, ...) that cannot be run as written.
    public static let command = ErrorCode(
        "E_COMMAND", raisedBy: ["KQLEngine"],
        meaning: "A management command cannot be run as written (unknown command, missing entity, bad property).",
        hint: "Check the command against the management pages of the reference.")
    /// A regular expression RE2 cannot compile, or a construct of KQL's dialect it lacks.
    public static let regex = ErrorCode(
        "E_REGEX", raisedBy: ["KQLEngine"],
        meaning:
            "A regular expression cannot be compiled, or uses a construct RE2 does not support (backreferences, lookaround).",
        hint: "Rewrite the pattern in RE2 syntax, which KQL documents.")
    /// Data that cannot be read: a malformed CSV/TSV/JSON Lines/Parquet/Arrow file or inline ingestion text.
    public static let data = ErrorCode(
        "E_DATA", raisedBy: ["FileFormats", "KQLEngine"],
        meaning:
            "A data file or inline ingestion text cannot be read (malformed CSV, TSV, JSON Lines, Parquet or Arrow, or a value of the wrong type).",
        hint: "Fix the file at the line:column (or byte) given, or declare the column's type in the schema.")
    /// An operator or function would allocate more than the query's memory budget.
    public static let queryMemory = ErrorCode(
        "E_QUERY_MEMORY", raisedBy: ["KQLEngine"],
        meaning:
            "The query would use more memory than its budget (ADX's maxmemoryconsumptionperiterator, E_RUNAWAY_QUERY).",
        hint: "Reduce the data earlier in the query, or raise the budget with --max-memory.")
    /// The query ran past its time limit (`servertimeout`).
    public static let queryTimeout = ErrorCode(
        "E_QUERY_TIMEOUT", raisedBy: ["KQLEngine"],
        meaning: "The query ran longer than its time limit (servertimeout).",
        hint: "Reduce the data earlier in the query, or raise the limit with --timeout.")
    /// A result was cut at the truncation limits: the code of the partial-result notice, ADX's own.
    public static let resultTruncated = ErrorCode(
        "E_QUERY_RESULT_SET_TOO_LARGE", raisedBy: ["KQLEngine"],
        meaning: "The result was cut at the truncation limits; the rows shown are a prefix of it.",
        hint: "Add `take` or `summarize`, or run with --truncation-max-records N or --no-truncation.")

    // MARK: The python() plugin

    /// The script raised, or did not compile.
    public static let python = ErrorCode(
        "E_PYTHON", raisedBy: ["PythonHost", "Sandbox"],
        meaning: "The python() script raised an exception or did not compile.",
        hint: "Read the Python traceback printed with the error; the line is the script's own.")
    /// A `python()` result the engine cannot accept.
    public static let result = ErrorCode(
        "E_RESULT", raisedBy: ["PythonHost", "Sandbox"],
        meaning:
            "The python() script's result is missing or not a DataFrame, or the reply its process sent is malformed.",
        hint: "Assign a pandas DataFrame to `result`, for example `result = df`.")
    /// A `python()` or `evaluate` result whose columns disagree with the declared schema.
    public static let resultSchema = ErrorCode(
        "E_RESULT_SCHEMA", raisedBy: ["KQLEngine", "PythonPlugin"],
        meaning: "A plugin's result does not have the columns or types its declared output schema says.",
        hint: "Make the script produce the columns of typeof(...), or change the declared schema.")
    /// The files a script wrote under `outputs/` cannot be copied out.
    public static let pythonOutputFiles = ErrorCode(
        "E_PYTHON_OUTPUT", raisedBy: ["PythonHost", "PythonPlugin"],
        meaning:
            "The files a python() script wrote under outputs/ pass the limits on their number or size, include a link or a special file, or could not be written to the output folder.",
        hint:
            "Write fewer or smaller regular files under outputs/ (docs/python.md gives the limits), or pick a writable folder with --python-output DIR."
    )
    /// A file the plugin itself reads or writes (debug files, artifacts) could not be.
    public static let io = ErrorCode(
        "E_IO", raisedBy: ["Sandbox", "PythonPlugin"],
        meaning:
            "A file or folder Sandpiper reads or writes for you (sandbox state, debug files) could not be read or written.",
        hint: "The cause line names the system's reason; check the path's permissions and free space.")

    // MARK: Sandboxes

    /// A corrupt, unsafe, oversized or wrong-ABI archive or wheel.
    public static let archive = ErrorCode(
        "E_ARCHIVE", raisedBy: ["Sandbox"],
        meaning: "A sandbox archive or wheel is corrupt, truncated, unsafe, oversized or built for another ABI.",
        hint: "Rebuild the archive with `sandpiper sandbox build`, or fetch the wheel again.")
    /// A sandbox spec or lock file that cannot be used as written.
    public static let spec = ErrorCode(
        "E_SPEC", raisedBy: ["Sandbox"],
        meaning: "A sandbox spec or lock file (TOML) cannot be used as written.",
        hint: "Fix the file at the line:column given; `sandboxes/*.toml` are working examples.")
    /// No sandbox of that name is registered.
    public static let sandboxNotFound = ErrorCode(
        "E_SANDBOX_NOT_FOUND", raisedBy: ["Sandbox"],
        meaning: "No sandbox of that name is registered.",
        hint: "List them with `sandpiper sandbox list`; build one with `sandpiper sandbox build`.")
    /// Resolving or downloading wheels failed.
    public static let sandboxBuild = ErrorCode(
        "E_SANDBOX_BUILD", raisedBy: ["Sandbox"],
        meaning: "Building a sandbox failed: its packages could not be resolved or downloaded.",
        hint: "Check the package names and versions in the spec, and that PyPI is reachable.")
    /// A policy value outside its allowed range.
    public static let sandboxPolicy = ErrorCode(
        "E_SANDBOX_POLICY", raisedBy: ["Sandbox"],
        meaning: "A sandbox policy value (memory, time, pool size) is outside its allowed range.",
        hint: "See `sandpiper sandbox policy --help` for the ranges.")
    /// Something the sandbox refused.
    public static let sandboxDenied = ErrorCode(
        "E_SANDBOX_DENIED", raisedBy: ["Sandbox", "PythonPlugin"],
        meaning:
            "The sandbox refused an operation of the script (network, processes, files), or a file the engine would read for it.",
        hint: "Do the work in KQL or pass the data in `df`; the hint of the error says what is allowed instead.")
    /// The script ran longer than the time limit.
    public static let sandboxTimeout = ErrorCode(
        "E_SANDBOX_TIMEOUT", raisedBy: ["Sandbox"],
        meaning: "The python() script ran longer than its time limit and was stopped.",
        hint:
            "Make the script faster, reduce its input with KQL first, or raise the limit with `sandpiper sandbox policy NAME --timeout SECONDS`."
    )
    /// The worker could not be started or its environment did not load.
    public static let sandboxStart = ErrorCode(
        "E_SANDBOX_START", raisedBy: ["Sandbox"],
        meaning: "The worker process could not be started, or its Python environment did not load.",
        hint: "Check that sandpiper-worker sits next to sandpiper and run `sandpiper sandbox doctor`.")
    /// The worker found its Python environment unusable (reported by the worker, shown as `E_SANDBOX_START`).
    public static let sandboxEnvironment = ErrorCode(
        "E_SANDBOX_ENVIRONMENT", raisedBy: ["PythonHost"],
        meaning: "The worker's Python environment cannot run scripts (numpy or pandas missing or broken).",
        hint: "Rebuild the sandbox; it needs numpy and pandas for the worker's Python.")
    /// The query's process ended without answering.
    public static let sandboxCrash = ErrorCode(
        "E_SANDBOX_CRASH", raisedBy: ["Sandbox"],
        meaning: "The script's process ended without answering (a crash in a native library, or killed).",
        hint: "Run the script outside Sandpiper to see the crash; only this query failed.")
    /// Shared memory or the worker socket failed.
    public static let sandboxIO = ErrorCode(
        "E_SANDBOX_IO", raisedBy: ["Sandbox"],
        meaning: "Talking to the worker failed: its socket or shared memory broke, or it got a request it cannot run.",
        hint: "Run the query again; if it repeats, run `sandpiper sandbox doctor` and report it.")
    /// The query's processes used more memory than the ceiling.
    public static let sandboxKickout = ErrorCode(
        "E_SANDBOX_KICKOUT", raisedBy: ["Sandbox"],
        meaning: "The script's processes used more memory than the sandbox's ceiling and were stopped.",
        hint: "Process less data per call, or raise the ceiling with `sandpiper sandbox policy NAME --memory-mb N`.")
    /// Every worker slot stayed busy for longer than the supervisor waits.
    public static let sandboxThrottled = ErrorCode(
        "E_SANDBOX_THROTTLED", raisedBy: ["Sandbox"],
        meaning: "Every worker of the sandbox stayed busy for longer than a call waits for one.",
        hint: "Run fewer python() calls at once, or raise the pool with `sandpiper sandbox policy NAME --pool-size N`.")
    /// A confinement layer python() requires is missing on this machine.
    public static let sandboxUnavailable = ErrorCode(
        "E_SANDBOX_UNAVAILABLE", raisedBy: ["Sandbox"],
        meaning:
            "A confinement layer python() requires is missing on this kernel, and unconfined runs were not allowed.",
        hint: "Run `sandpiper sandbox doctor` to see which layers are missing.")
    /// A confinement layer could not be applied; the script did not run.
    public static let sandboxSetup = ErrorCode(
        "E_SANDBOX_SETUP", raisedBy: ["Sandbox"],
        meaning: "A confinement layer could not be applied in the script's process, so the script did not run.",
        hint: "Run `sandpiper sandbox doctor --verify` to check the layers on this machine.")
    /// `sandbox doctor --verify` could not run its probe.
    public static let sandboxProbe = ErrorCode(
        "E_SANDBOX_PROBE", raisedBy: ["Sandbox"],
        meaning:
            "`sandpiper sandbox doctor --verify` could not run sandpiper-probe: it is not beside sandpiper (or at $SANDPIPER_PROBE), is not executable, or ended without a report.",
        hint:
            "Build it beside sandpiper with `swift build -c release --product sandpiper-probe` (scripts/quickstart does), or set $SANDPIPER_PROBE."
    )
    /// The process was told to stop while a script ran.
    public static let cancelled = ErrorCode(
        "E_CANCELLED", raisedBy: ["Sandbox", "KQLEngine", "Shell"],
        meaning:
            "Sandpiper was told to stop (Ctrl-C, SIGTERM) while a query or script ran, or the client of `sandpiper serve` that sent the query went away; the query (and any script) was stopped.",
        hint: "Nothing to fix; run the query again.")

    // MARK: The engine–worker wire format

    /// A shared table region or message that is not well-formed.
    public static let sharedTable = ErrorCode(
        "E_SHARED_TABLE", raisedBy: ["SharedTable"],
        meaning: "A shared table region or a message between engine and worker is not well-formed.",
        hint: "This is a bug in Sandpiper or a script that wrote into shared memory; please report it.")
    /// A system call on shared memory or the worker socket failed.
    public static let sharedMemory = ErrorCode(
        "E_SHARED_MEMORY", raisedBy: ["SharedTable"],
        meaning: "A system call on shared memory or on the worker's socket failed, or the peer went away.",
        hint: "The machine may be out of memory or shared-memory space; the message names the call.")

    // MARK: Time series and sketches

    /// An argument of a series function outside what it accepts.
    public static let seriesArgument = ErrorCode(
        "E_SERIES_ARGUMENT", raisedBy: ["SeriesAnalysis"],
        meaning:
            "An argument of a series_* function is outside what it accepts (a percentile outside [2, 98], a zero IIR denominator, ...).",
        hint: "Read the function's page in the KQL reference for the argument's range.")
    /// A value given as an `hll()` or `tdigest()` result is not one.
    public static let sketchFormat = ErrorCode(
        "E_SKETCH_FORMAT", raisedBy: ["SeriesAnalysis"],
        meaning: "A value passed as an hll() or tdigest() sketch is not one.",
        hint: "Pass the unchanged result of hll()/tdigest() or their _merge functions.")
    /// Two sketches that cannot be combined.
    public static let sketchMismatch = ErrorCode(
        "E_SKETCH_MISMATCH", raisedBy: ["SeriesAnalysis"],
        meaning: "Two sketches cannot be combined (HyperLogLogs of different accuracy).",
        hint: "Build the sketches with the same accuracy argument.")

    // MARK: Charts

    /// `render` names a visualization ADX does not have.
    public static let chartKind = ErrorCode(
        "E_CHART_KIND", raisedBy: ["Charts"],
        meaning: "render names a visualization ADX does not have.",
        hint: "Use one of the kinds on the render operator's page (timechart, barchart, piechart, ...).")
    /// A `with (...)` property that `render` does not have, or a value it cannot take.
    public static let chartProperty = ErrorCode(
        "E_CHART_PROPERTY", raisedBy: ["Charts", "KQLEngine"],
        meaning: "A render property is unknown, or has a value it cannot take (yaxis=cubic).",
        hint: "See the render operator's page for its properties and their values.")
    /// A property names a column the result does not have.
    public static let chartColumn = ErrorCode(
        "E_CHART_COLUMN", raisedBy: ["Charts"],
        meaning: "A render property names a column the result does not have.",
        hint: "Name a column of the result, or project it before render.")
    /// The result lacks a column of the type the visualization needs.
    public static let chartColumnType = ErrorCode(
        "E_CHART_COLUMN_TYPE", raisedBy: ["Charts"],
        meaning:
            "The result lacks a column of the type the visualization needs (a datetime x, a numeric y), or a named column has the wrong type.",
        hint: "Convert the column in the query (todatetime, todouble) before render.")
    /// A chart file cannot be written: an unknown extension, an unwritable path, or no rasteriser for PNG.
    public static let chartOutput = ErrorCode(
        "E_CHART_OUTPUT", raisedBy: ["Charts"],
        meaning:
            "A chart file cannot be written: its extension is not .svg, .png, .html or .vl.json, the path is not writable, or no PNG rasteriser is installed.",
        hint: "Name a writable .svg, .png, .html or .vl.json file; for PNG install librsvg2-bin (scripts/install-deps)."
    )

    // MARK: Conformance

    /// A sidecar expectations file is unreadable or invalid.
    public static let expectations = ErrorCode(
        "E_EXPECTATIONS", raisedBy: ["Conformance"],
        meaning: "A conformance expectations file (TOML sidecar) is unreadable or invalid.",
        hint: "Fix the file at the line:column given; docs/conformance.md describes its keys.")
    /// An input path of `conformance run` is missing or unreadable.
    public static let conformanceInput = ErrorCode(
        "E_CONFORMANCE_INPUT", raisedBy: ["Conformance"],
        meaning: "An input of `conformance run` is missing or unreadable.",
        hint: "Pass an existing markdown page, .kqltest file or folder of them.")
    /// A `.kqltest` case file that does not follow the format.
    public static let caseFileFormat = ErrorCode(
        "E_CASE_FILE", raisedBy: ["Conformance"],
        meaning: "A .kqltest case file does not follow the format.",
        hint: "Fix the record at the line given; docs/conformance.md describes the format.")

    // MARK: The server and remote endpoints

    /// A request to `sandpiper serve` that cannot be answered as sent.
    public static let request = ErrorCode(
        "E_REQUEST", raisedBy: ["Server"],
        meaning:
            "A request to `sandpiper serve` is malformed or names something the server does not have: a body that is not JSON, no `csl`, an unknown database or endpoint.",
        hint:
            "Send `{\"db\":\"NAME\",\"csl\":\"QUERY\"}` to /v2/rest/query, /v1/rest/query or /v1/rest/mgmt; docs/serve.md lists the endpoints."
    )
    /// A request to `sandpiper serve` without the bearer token it requires.
    public static let unauthorized = ErrorCode(
        "E_UNAUTHORIZED", raisedBy: ["Server"],
        meaning:
            "A request to `sandpiper serve` lacks the `Authorization: Bearer` token the server was started with (`--token-file`), or carries another.",
        hint: "Send the token from the server's --token-file in an `Authorization: Bearer <token>` header.")
    /// A request body larger than the server accepts.
    public static let requestTooLarge = ErrorCode(
        "E_REQUEST_TOO_LARGE", raisedBy: ["Server"],
        meaning:
            "A request body, or the response to it, is larger than `sandpiper serve` allows (`--max-request-bytes`, `--max-response-bytes`).",
        hint:
            "Send a shorter query, or cut the result with `take`/`summarize` or `set truncationmaxsize`; the server's flags raise the limits."
    )
    /// A Kusto endpoint (`--target`) could not be reached or answered with something unreadable.
    public static let endpoint = ErrorCode(
        "E_ENDPOINT", raisedBy: ["Server"],
        meaning:
            "A Kusto endpoint given with `--target` could not be reached, refused the request, or answered with something that is not a Kusto response.",
        hint:
            "Check the URL and that the endpoint runs (`curl URL/v1/rest/ping`); for ADX, give a token with --token-file or $SANDPIPER_KUSTO_TOKEN."
    )

    /// The TLS certificate or key `sandpiper serve` was given cannot be used.
    public static let tls = ErrorCode(
        "E_TLS", raisedBy: ["Server"],
        meaning:
            "The files given to `sandpiper serve --tls-cert/--tls-key` are not a PEM certificate chain and the PEM private key that belongs to it.",
        hint:
            "Give the server's certificate (then any intermediates) in one PEM file and its unencrypted private key in another, e.g. from `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes`."
    )

    // MARK: The command line

    /// A command line that names a command or help topic sandpiper does not have.
    public static let usage = ErrorCode(
        "E_USAGE", raisedBy: ["Documentation"],
        meaning: "The command line names a command, subcommand or help topic that sandpiper does not have.",
        hint: "Run `sandpiper --help` for the commands and `sandpiper help` for the documentation topics.")

    // MARK: Benchmarks

    /// A benchmark's answer differs from the expected checksum.
    public static let benchChecksum = ErrorCode(
        "E_BENCH_CHECKSUM", raisedBy: ["Bench"],
        meaning: "A benchmark produced a different answer than expected, so its timing means nothing.",
        hint: "Fix the transfer or the engine before reading any timing.")
    /// A benchmark peer script or the bench environment failed.
    public static let benchPeer = ErrorCode(
        "E_BENCH_PEER", raisedBy: ["Bench"],
        meaning: "A benchmark peer script or the bench environment failed.",
        hint: "The message names the peer and what it printed; run that peer alone to see it fail.")

    /// Every code, in the order of the documentation.
    public static let all: [ErrorCode] = [
        outOfRange, json,
        parse, unknownName, type, unsupported, argument, assertion, runtime, limit, queryTooComplex, recursiveFunction,
        command, shellCommand, regex, data, queryMemory, queryTimeout, resultTruncated,
        python, result, resultSchema, pythonOutputFiles, io,
        archive, spec, sandboxNotFound, sandboxBuild, sandboxPolicy, sandboxDenied, sandboxTimeout,
        sandboxStart, sandboxEnvironment, sandboxCrash, sandboxIO, sandboxKickout, sandboxThrottled,
        sandboxUnavailable, sandboxSetup, sandboxProbe, cancelled,
        sharedTable, sharedMemory,
        seriesArgument, sketchFormat, sketchMismatch,
        chartKind, chartProperty, chartColumn, chartColumnType, chartOutput,
        expectations, conformanceInput, caseFileFormat,
        request, unauthorized, requestTooLarge, endpoint, tls,
        usage,
        benchChecksum, benchPeer,
    ]
}
