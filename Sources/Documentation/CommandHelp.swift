/// The long help of Sandpiper's commands, printed by `sandpiper COMMAND --help` under the one-line
/// abstract. It is documentation, so it lives here beside the pages `sandpiper help TOPIC` prints (each
/// points at its page), and the command-line target only parses arguments.
public enum CommandHelp {
    /// `sandpiper --help`.
    public static let root = """
        `sandpiper help` lists the documentation compiled into this binary and `sandpiper help TOPIC` \
        prints a page; `sandpiper --generate-completion-script bash|zsh|fish` prints shell completion.
        """

    /// `sandpiper query --help`.
    public static let query = """
        The query comes from the argument, from -f FILE, or from standard input. Without --db the \
        embedded sample database is used (tables Events, StormEvents, Customers, Sales). With --db DIR \
        each .csv, .tsv or .jsonl file in DIR is a table named after the file, each DIR/functions/NAME.kql \
        a stored function, and management commands (.create table, .set-or-append, .create function, ...) \
        write there; without --db, what they write lasts for this command only.

        Each statement runs under ADX's query limits (docs/limits.md): results are truncated at 500000 \
        records or 64 MB with a partial-result notice on standard error (E_QUERY_RESULT_SET_TOO_LARGE), \
        each operator may use 5 GB or a quarter of physical memory, whichever is less (E_QUERY_MEMORY), \
        and the query may run 10 minutes (E_QUERY_TIMEOUT). The flags below and `set` statements in the \
        query change them; when both give a limit, the lower value applies.

        Exit status: 0 on success (also for a truncated result), 1 when the query fails (the error, with \
        line:column, is on standard error), 2 on bad usage.
        """

    /// `sandpiper shell --help`.
    public static let shell = """
        A blank line or a line ending in ';' runs the query typed so far; Tab completes; .help lists the \
        shell's commands (.timer, .format, .db, .chart, .width, .rows, .quit). Charts of queries that end \
        in render are written into --chart-dir. Ctrl-C stops the running query, Ctrl-D leaves. With \
        standard input not a terminal, the queries are read from it in the same syntax, without prompts; \
        the exit status is then 1 when any failed. See docs/repl.md (`sandpiper help repl`).
        """

    /// `sandpiper conformance run --help`.
    public static let conformanceRun = """
        A document is markdown (any extension): each ```kusto or ```kql block is an example, a ```python \
        block right after a python() call without a script is its inline code, and the first table after \
        it in its section is its expected result (none: it must only run without error). Folders are \
        searched recursively for .md, .markdown, .txt and .kqltest files. An error's line:column is the \
        document's.

        Expectations live beside documents, never in them: <document>.expect.toml, \
        <stem>.expect.toml, conformance/seed/<stem>.expect.toml (from the current folder up), and a \
        folder's conformance.expect.toml, after any --expectations FILE. See docs/conformance.md \
        (`sandpiper help conformance`).

        Exit status: 0 when every example passed, failed as expected or was skipped; 1 when anything \
        unexpected happened (a failure, an error, a stale expectation, a missing input); 2 on bad usage.

        With --target twice, every example and record runs on both endpoints and their answers are \
        compared with each other cell by cell, one line per query (equal, or the first differing cell); \
        exit status 1 when any differ.
        """

    /// `sandpiper serve --help`.
    public static let serve = """
        Clients connect with the URL printed at start: azure-kusto-data with \
        KustoConnectionStringBuilder.with_no_authentication(URL), kqlmagic with \
        azuredataexplorer://anonymous;cluster='URL';database='NAME', the ADX web UI as a connection. \
        Only loopback addresses are served unless --token-file is given. See docs/serve.md \
        (`sandpiper help serve`).
        """

    /// `sandpiper sandbox doctor --help`.
    public static let doctor = """
        Probes seccomp, Landlock, namespaces, cgroups and memfd_noexec. With --verify, also runs \
        sandpiper-probe under the standard confinement plan and reports what the confined process \
        observes. Exits with status 1 when a layer python() needs is missing.
        """

    /// `sandpiper bench --help`.
    public static let bench = """
        Peers run in bench/.venv, which bench/setup-venv creates from bench/requirements.txt (PyPI). \
        bench/run-all runs both benchmarks at full size and writes bench/RESULTS.md.
        """

    /// `sandpiper bench engine --help`.
    public static let benchEngine = """
        Data: `events`, `logs` and `sparse` (--rows rows each) and join sides `l`, `r` (--join-rows rows) \
        and `lm`, `rm` (a tenth of them, many to many), generated from the formulas in BenchEngineData.swift, \
        which bench/peers/duckdb_engine.py repeats in SQL. Sandpiper runs serially (whole tables, one \
        thread), over morsels on one thread, and on every core; DuckDB on one thread and its default. \
        The run fails (exit 1, E_BENCH_CHECKSUM) when the engines' answers differ.
        """

    /// `sandpiper bench calls --help`.
    public static let benchCalls = """
        Back to back: each call starts as soon as the previous one returned, so it finds at best the spare \
        child the previous call began to prepare. Spaced: 100 ms (untimed) between calls, so the spare is \
        ready. Cold: every worker is stopped first, so the call starts CPython and imports numpy and \
        pandas. Below the calls, the medians of what the query child measured itself: each confinement \
        step (confine.<step>, wall and .cpu), df, script, result, and cpu (the query process's CPU time).
        """

    /// `sandpiper bench geo --help`.
    public static let benchGeo = """
        Points are generated from the formulas in GeoBenchmark.swift. The same questions go to the S2 and H3 \
        Python bindings (s2geometry, h3; bench/.venv from PyPI) in the same run. Each answer is checked against \
        arithmetic done without the engine where there is one, and against the peers' (exit 1, \
        E_BENCH_CHECKSUM, when it differs).
        """

    /// `sandpiper bench series --help`.
    public static let benchSeries = """
        The data (hourly series with a daily pattern, noise and planted spikes) is generated from the \
        formulas in BenchSeriesData.swift, which bench/peers/series_anomalies.py repeats. Every method must \
        count exactly the planted spikes (exit 1, E_BENCH_CHECKSUM, when one does not).
        """

    /// `sandpiper bench parquet --help`.
    public static let benchParquet = """
        Data: the first four columns of bench engine's events (--rows rows: id, key, value, flag), written by pyarrow \
        with its defaults (snappy) in bench/peers/parquet_read.py.
        """

    /// `sandpiper bench serve --help`.
    public static let benchServe =
        "Without --target it serves the sample database on a free loopback port itself. Every answer is checked."

    /// `sandpiper bench transfer --help`.
    public static let benchTransfer = """
        Datasets are generated per type from the formulas in BenchTransferData.swift (the peer script \
        bench/peers/transfer.py repeats them). Every run checks a checksum of what the receiving side saw; \
        a wrong transfer fails the run (exit 1, E_BENCH_CHECKSUM). Directions: to-df (table → df visible \
        to the script, and every value of it read once by the receiver, as for every peer), from-df \
        (result → engine columns: a result the script computed; variant by-reference: result = df), \
        round-trip, call (a whole python() call on 1 row: warm worker back to back, warm 100 ms apart, \
        cold worker). Transfer rows run without spare children, so none profits from untimed work. memcpy \
        is one copy of the dataset's bytes (variant read-once: reading them once), the physical limit every \
        ratio is taken against.
        """
}
