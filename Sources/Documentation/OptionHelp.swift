/// The help line of a command-line option, as `sandpiper COMMAND --help` lists it, and the name its value
/// is shown with (`--db <dir>`). Options several commands share have one text here, so they read the same
/// everywhere; the command-line target only declares the options.
public struct OptionHelp: Sendable {
    /// The sentence `--help` prints.
    public let text: String
    /// The placeholder of the option's value, when it takes one and the default (its name) says too little.
    public let valueName: String?

    init(_ text: String, value: String? = nil) { self.text = text; self.valueName = value }
}

// MARK: Queries (`query`, `shell`, `serve`, `conformance run`)

extension OptionHelp {
    /// `--db` (query, shell, serve, conformance run).
    public static let database = OptionHelp(
        "Use a folder of .csv/.tsv/.jsonl/.parquet files (or one such file) as the database.", value: "dir")
    /// `--skip-bad-rows`.
    public static let skipBadRows = OptionHelp(
        "Leave out CSV/TSV records that do not fit (wrong field count, not UTF-8, a value of the wrong type) and report how many, instead of refusing the file."
    )
    /// `--now`.
    public static let now = OptionHelp(
        "Fix the current time (ISO 8601), for reproducible ago()/now() and sample data.", value: "datetime")
    /// `query -f/--file`.
    public static let queryFile = OptionHelp("Read the query from a file.", value: "file")
    /// `--format` of query and shell.
    public static let resultFormat = OptionHelp(
        "Output format: table, csv, json (one object per result table and line) or markdown.")
    /// `--max-width`.
    public static let maxWidth = OptionHelp(
        "Widest cell in the table format before it is cut with an ellipsis (0: no limit on cells or on the table's width).",
        value: "n")
    /// `--max-rows`.
    public static let maxRows = OptionHelp(
        "Rows the table format prints of each result; the rest are counted (0: all).", value: "n")
    /// `query --chart`.
    public static let chartFile = OptionHelp(
        "Write the chart of a result that ends in render to this .svg, .png, .html or .vl.json file (further charts: FILE-2.svg, ...).",
        value: "file")
    /// `shell --chart`.
    public static let chartFormat = OptionHelp(
        "Format of render charts: svg, png, html, vl.json or off.", value: "format")
    /// `shell --chart-dir`.
    public static let chartDir = OptionHelp("Folder the charts are written into.", value: "dir")
    /// `query --param`.
    public static let parameter = OptionHelp(
        "A value for a parameter of `declare query_parameters`: a KQL literal of its type, or for a string any text (repeatable).",
        value: "name=value")
    /// `query --all`.
    public static let all = OptionHelp(
        "With -f: run every query of the file (a blank line outside a ``` string ends one) and print each result after a header."
    )
    /// `query --keep-going`.
    public static let keepGoing = OptionHelp(
        "With --all: run the remaining queries after one fails (the exit status is still 1).")
}

// MARK: Query limits (ADX's client request properties)

extension OptionHelp {
    /// `--no-truncation`.
    public static let noTruncation = OptionHelp("Return every record (`set notruncation;`).")
    /// `--truncation-max-records`.
    public static let truncationMaxRecords = OptionHelp(
        "Truncate results after this many records (default 500000; `set truncationmaxrecords`).", value: "n")
    /// `--truncation-max-size`.
    public static let truncationMaxSize = OptionHelp(
        "Truncate results past this much data (default 64MB; `set truncationmaxsize`).", value: "size")
    /// `--max-memory`.
    public static let maxMemory = OptionHelp(
        "Memory one operator may use, e.g. 2GB (default: 5GB or a quarter of physical memory; `set maxmemoryconsumptionperiterator`).",
        value: "size")
    /// `--timeout`.
    public static let timeout = OptionHelp(
        "Stop the query after this long, e.g. 90s, 30m or 01:00:00 (default 10m; `set servertimeout`).",
        value: "timespan")
}

// MARK: python()

extension OptionHelp {
    /// `--unsafe-no-sandbox`.
    public static let unsafeNoSandbox = OptionHelp(
        "Let python() run without the confinement layers this kernel lacks (see `sandpiper sandbox doctor`); every result says so."
    )
    /// `--artifacts`.
    public static let artifacts = OptionHelp(
        "A folder python()'s external_artifacts may be read from, besides the query file's and the --db folder (repeatable).",
        value: "dir")
    /// `query --python-output`.
    public static let pythonOutput = OptionHelp(
        "Copy the files python() scripts write under outputs/ (and plt.show() figures) into this folder (default: ./sandpiper-output/<query-id>/).",
        value: "dir")
    /// `query --verbose`.
    public static let verbose = OptionHelp(
        "Show python() tracebacks whole: the frames inside pandas, numpy and the standard library, and chained exceptions."
    )
}

// MARK: conformance run

extension OptionHelp {
    /// `conformance run PATH...`.
    public static let conformancePaths = OptionHelp("Documents, .kqltest files, or folders of them.", value: "path")
    /// `conformance run --sandbox`.
    public static let sandboxMatrix = OptionHelp(
        "Run python examples in each of these sandboxes (comma-separated) and add a compatibility matrix.",
        value: "name[,name...]")
    /// `conformance run --filter`.
    public static let exampleFilter = OptionHelp(
        "Only examples whose location, id or query contains this text.", value: "text")
    /// `conformance run --junit`.
    public static let junit = OptionHelp("Also write a JUnit XML report to this file.", value: "file")
    /// `conformance run --format`.
    public static let reportFormat = OptionHelp(
        "Report format: table, json (one object per example and line), or html (one page, with the charts of render examples)."
    )
    /// `conformance run --complete`.
    public static let complete = OptionHelp(
        "Write the actual results of examples without an expected table or expectation into .kqltest files.")
    /// `conformance run --complete-dir`.
    public static let completeDir = OptionHelp("Folder for the --complete case files.", value: "dir")
    /// `conformance run --expectations`.
    public static let expectations = OptionHelp(
        "Expectations file consulted before the sidecars (repeatable).", value: "file")
    /// `conformance run --target`.
    public static let conformanceTarget = OptionHelp(
        "Run against this Kusto endpoint (sandpiper serve, the emulator, ADX) instead of the embedded engine; twice: compare the two endpoints' answers cell by cell.",
        value: "url")
    /// `conformance run --target-database`.
    public static let targetDatabase = OptionHelp("The --target database.", value: "name")
    /// `conformance run --token-file`.
    public static let targetToken = OptionHelp(
        "A file holding the --target's bearer token (else $SANDPIPER_KUSTO_TOKEN, if set).", value: "file")
}

// MARK: serve

extension OptionHelp {
    /// `serve --listen`.
    public static let listen = OptionHelp(
        "Address and port to listen on (port 0: any free port).", value: "host:port")
    /// `serve --token-file`.
    public static let serveToken = OptionHelp(
        "A file holding the token every request must send as `Authorization: Bearer <token>`.", value: "file")
    /// `serve --tls-cert`.
    public static let tlsCert = OptionHelp(
        "Serve HTTPS with this PEM certificate chain (needs --tls-key).", value: "file")
    /// `serve --tls-key`.
    public static let tlsKey = OptionHelp("The PEM private key of --tls-cert.", value: "file")
    /// `serve --cors-origin`.
    public static let corsOrigin = OptionHelp(
        "A browser origin allowed by CORS besides the ADX web UI's and loopback ones (repeatable).", value: "origin")
}

// MARK: bench

extension OptionHelp {
    /// `bench --runs`.
    public static let benchRuns = OptionHelp("Timed runs per measurement, after one warm-up run.")
    /// `bench --bench-dir`.
    public static let benchDir = OptionHelp(
        "The bench folder (peer scripts and venv); found above the current directory by default.", value: "dir")
    /// `bench --format`.
    public static let benchFormat = OptionHelp(
        "Output: table, json (one object per measurement and line) or markdown.")
    /// `bench engine --target`.
    public static let benchEngineTarget = OptionHelp(
        "Time the queries on this Kusto endpoint (its benchmark tables are replaced) instead of the embedded engine.",
        value: "url")
    /// `bench serve --target`.
    public static let loadTarget = OptionHelp("A Kusto endpoint to load instead of an own server.", value: "url")
    /// `bench serve --clients`.
    public static let clients = OptionHelp("Concurrent client counts, comma-separated.", value: "n,n,...")
    /// `bench serve --only`.
    public static let onlyQuery = OptionHelp(
        "Only this query (print, summarize-10k, python-1-row).", value: "name")
    /// `bench transfer --rows`.
    public static let transferRows = OptionHelp("Row counts, comma-separated.", value: "n[,n...]")
    /// `bench transfer --nulls`.
    public static let nullRatios = OptionHelp("Null ratios, comma-separated (0 to 1).", value: "ratio[,ratio...]")
    /// `bench transfer --methods`.
    public static let peerMethods = OptionHelp(
        "Peer methods to run, comma-separated (default all).", value: "method[,method...]")
    /// `bench transfer --sandbox`.
    public static let transferSandbox = OptionHelp(
        "Run sandpiper's python() path in this sandbox (default: the bench venv's numpy and pandas).")
    /// `bench transfer --site-packages`.
    public static let sitePackages = OptionHelp(
        "Site-packages directory for the worker instead of a sandbox (repeatable).", value: "dir")
    /// `bench transfer --plot`.
    public static let plot = OptionHelp("Also write an SVG plot of throughput against rows.", value: "file.svg")
}
