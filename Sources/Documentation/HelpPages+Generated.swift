// Generated from docs/*.md by DocumentationTests — do not edit by hand. Regenerate with
// `SANDPIPER_REGENERATE=1 swift test --filter DocumentationTests`.

/// The hand-written pages of docs/, compiled in for `sandpiper help TOPIC`.
enum HelpPages {
    static let written: [(file: String, text: String)] = [
        (
            "architecture.md",
            ###"""
            # Architecture

            How Sandpiper is put together, and where each kind of change goes. The code is the final word; this
            page is the map. `Sources/README.md` says in one paragraph per target what each owns.

            ## Layers

            Each layer is one SwiftPM target. A target imports only targets drawn to its left (or below it); the
            build enforces it, because a target can only import what `Package.swift` lists as its dependencies.

            ```
            SystemCalls ◄ Columnar ◄ KQLSyntax ◄ KQLEngine ◄ Conformance ◄─────────────────┐
                             ▲                      ▲   ▲                                    │
                             │        Geospatial ───┘   └── SeriesAnalysis                   │
                             │        (CS2, CGEOS, CGeographicLib)                           │
                             ├── Charts (used by KQLEngine for render, and by Bench's plot)  │
                             ├── FileFormats (CZlib, CZstd: Parquet and Arrow IPC files; used by KQLEngine and Fuzzing)
                             ├── SharedTable ◄ PythonHost (CPython, CPythonSupport) ◄ sandpiper-worker
                             │        ▲                                  Bench ◄─┘           │
                             │        └── Sandbox (CSeccomp, CArchive) ◄── PythonPlugin ◄────┤
                             │                                   Server (PythonPlugin, Hummingbird) ◄────┤
                             │                                   Benchmarks (Bench, KQLEngine, Sandbox) ◄┤
                             └──────────────────────────────────────── sandpiper (CLI), sandpiper-probe
            Fuzzing ◄ sandpiper-fuzz   (over KQLEngine, Conformance, SharedTable, Sandbox, FileFormats)
            ```

            - **SystemCalls** is the one seam over Linux: memfds and mappings, descriptors and `poll`, sockets that
              pass descriptors, processes (fork, signals, pidfds, waitpid), raw `syscall`/`prctl` for confinement,
              and `MonotonicClock`, the one clock every process uses. Each wrapper makes one call, retries when
              interrupted and throws `SystemCallError` (the call and its errno); the layer above wraps that into
              its own coded error as the `cause`, so no layer reads `errno` after the fact.
            - **Columnar** is the data model every process shares: the ten KQL scalar types, `Value`, `Dynamic`,
              columns (typed buffers plus an Arrow validity bitmap), `Table`, `Schema`, and the coded-error
              protocol every layer's errors conform to, with the one error catalogue (`ErrorCode.swift`) and the one
              cast table (`Cast/`: every conversion between the ten types, in four modes — implicit, explicit `to*`,
              ingest, result schema — used by the binder, the functions, the folder readers and the python result
              coercion). Large column buffers live in memfds from the start, so
              they can cross into a worker by reference.
            - **KQLSyntax** turns text into a syntax tree with spans (line:column for every error) and holds the
              manifest: what the KQL reference catalogues (operators, functions, plugins), and which operators and
              plugins are implemented (which functions are is derived from the engine's function registry).
            - **KQLEngine** gives the tree meaning: the binder resolves names and types before anything runs, the
              planner lowers the bound query to a physical plan, the executor runs one operator per file
              (`Execution/Operators`), the function library lives under `Functions/` by family (the registry), the
              catalog holds tables, `let`s, stored functions and management commands (in memory, the embedded sample
              database, or a `--db` folder). Plugins are reached through the `TabularPlugin` protocol; the engine
              never imports Python or the sandbox.
            - **Geospatial**, **SeriesAnalysis** and **Charts** are algorithm libraries that know nothing of KQL
              syntax or execution: the geometry behind `geo_*` (S2, H3, geohash, GeoJSON, WKT, WGS-84), the numerics
              behind `series_*` and the sketches, and the drawing behind `render`. The engine adapts them to columns
              and KQL's null rules; they can be tested and benchmarked on their own. The engine checks `render`'s kind
              and properties with Charts when binding and reports them as ADX's Visualization property bag; the CLI
              (`query --chart`), the conformance HTML report and the benchmark plot draw with it.
            - **FileFormats** reads and writes Parquet and Arrow IPC files as `Table`s (folder tables, `.export`);
              see [Parquet](#parquet) and [Arrow IPC](#arrow-ipc) for why they are written in Swift.
            - **Conformance** runs `.kqltest` case files and markdown documents on an engine and compares results
              cell by cell.
            - **SharedTable** is the wire format between the engine and a worker (below), plus the small message
              protocol over a Unix socket that carries file descriptors.
            - **PythonHost** runs only inside the worker: it embeds CPython, builds `df`, runs the script, and
              writes `result` back.
            - **Sandbox** manages Python environments (specs, wheels, archives, the unpack cache, the registry,
              policies) and runs workers: the supervisor, the worker pool, the confinement plan.
            - **PythonPlugin** is the `python()` plugin (both argument syntaxes, artifacts, result coercion, the
              debug dump) and the composition "an engine with its plugins" (`EnginePlugins`, made from a
              `PythonPluginConfiguration` that carries the unconfined switch and the sandbox home; it owns the one
              supervisor, and whoever makes it shuts it down). The CLI, `sandpiper serve` and any embedding
              program use it as is.
            - **Server** is `sandpiper serve` (`docs/serve.md`): the Kusto REST API on Hummingbird (SwiftNIO
              underneath, no HTTP parsing of its own) over one engine with its plugins. Engine work runs on a bounded
              thread pool, never on an event loop; a client that disconnects cancels its query (`QueryCancellation`,
              checked where the deadline is). It knows the wire shapes (v2 frames, v1 tables, OneApiErrors); the
              engine knows nothing of HTTP.
            - **Shell** is `sandpiper shell` (`docs/repl.md`): statements and dot commands read from a terminal
              (through **CLibEdit**, a small C API over Debian's libedit) or a pipe, run on one engine with its plugins
              for the whole session (python() workers stay warm), `render` charts written through Charts. Its
              `QueryInterrupt` is Ctrl-C for a running query in the shell and in `sandpiper query`: it flips the
              query's `QueryCancellation` (checked where the deadline is: between operators and at the block
              boundaries of long loops) and stops the sandbox's running children through `Supervisor`'s interrupt
              handler, keeping the workers; `E_CANCELLED` is reported within 0.5 s whatever the engine is doing.
            - **Bench** is the benchmark harness (clock, runs, medians, checksums, reports, plot, datasets), which
              the worker links too; **Benchmarks** holds the measurements that need the engine or the supervisor.
            - **Documentation** is the pages of `docs/` compiled into the binary for `sandpiper help TOPIC` (a user
              with only the binary has no `docs/` folder): the written pages as generated Swift
              (`HelpPages+Generated.swift`, rewritten from `docs/` by `DocumentationTests`, which fail when it is
              stale), the generated pages (`errors`, `support`) made from the catalogue and the registry at run time.
            - **sandpiper** (the CLI) parses arguments and calls the libraries: results are shown by KQLEngine's
              `ResultPresenter`, conformance reports by Conformance's `RunReport.rendered`, sandbox listings by
              Sandbox's `SandboxText`, `help` and did-you-mean by Documentation's `CommandLineHelp`. Its ~1,140
              lines are mostly the commands' option declarations and help text; logic found there belongs in a library.
              **sandpiper-worker** is the process the supervisor starts; **sandpiper-probe** applies a confinement
              plan to itself and reports what the kernel allowed (`sandpiper sandbox doctor`). **sandpiper-fuzz**
              drives the fuzz targets.
            - **CPython, CArchive, CSeccomp, CRE2, CZlib, CZstd, CLibEdit, CS2, CGEOS, CGeographicLib** map Debian's libraries
              (`scripts/install-deps` installs them); CRE2, CS2 and CLibEdit are small C/C++ shims with a C interface.
              **CPythonSupport** is the worker's own C (the UTF-8 decoder, huge-page arenas, the numpy allocator);
              the worker's Python (`Sources/PythonHost/Python/*.py`) is embedded at build time and byte-compiled by
              a test.

            ## A query, end to end

            1. **Parse** (`KQLSyntax.Parser`): text → statements (`let`, `set`, a tabular expression, a management
               command). Parsing runs on a thread with a large, known stack (`DeepStack`), and nesting deeper than
               `QueryLimits` allows is `E_QUERY_TOO_COMPLEX`, so no user text can overflow a stack.
            2. **Bind** (`KQLEngine.Binder`): every name and type is resolved against the catalog and the function
               registry; constants are converted where KQL converts them implicitly. Mistakes surface here with
               line:column, before any data is touched. The result is a bound query: a source plus a list of bound
               operators, each with its output schema.
            3. **Plan** (`KQLEngine/Planning`): the bound query becomes a `PhysicalPlan`, a source node and a list
               of nodes, each an operator with the schema it produces and its traits (parallel-safe,
               order-preserving). A `let` chain is one flat
               pipeline; sub-queries are planned once and held by the node that runs them. Rewrites that need the
               whole query live here: column pruning first, pushdowns next.
            4. **Execute** (`KQLEngine.Executor`): it walks the plan, running each node over whole columns. Scalar functions
               get whole columns or constants and return a column (`Functions/Kernels` lifts per-row kernels).
               Where a stretch of `where`/`extend`/`project` over deterministic, row-local expressions (optionally
               closed by a `summarize` of `count`, `countif`, `sum`, `sumif`, `min`, `max`, `minif`, `maxif`) reads at
               least 262,144 rows, it runs over morsels of 65,536 rows instead (`Execution/Parallel`): one thread per
               core takes morsels in turn, each morsel's output (or partial aggregates) is kept by morsel number, and
               the outputs are joined (or the partials merged) in morsel order, so groups keep their first-seen order
               and the result is the same table whatever the number of threads. `SANDPIPER_QUERY_THREADS=N` sets the
               threads (`1` forces one); window functions, `serialize`, `rand()` and every other operator stay whole.
               Memory an operator is about to allocate is charged to the query's budget first (`E_QUERY_MEMORY`);
               the request's deadline is checked between operators and inside long loops (`E_QUERY_TIMEOUT`).
            5. **Print** (`KQLEngine/Output`): table, CSV, JSON or markdown, with result truncation as ADX does it.

            **Graphs** (`Sources/KQLEngine/Graph/`, see [`graphs.md`](graphs.md)) are the one value besides tables that flows
            through a pipeline, and only between graph operators. Binding `make-graph` marks the query as a graph
            (`BoundQuery.pendingGraph`: the query still produces the edges; the graph build and any
            `graph-mark-components` steps ride along); the graph operator that makes a table (`graph-match`,
            `graph-shortest-paths`, `graph-to-table`) closes it into one `.graph` bound operator, which the planner
            lowers to one `GraphOperator` node. A graph where a table is needed (a statement, a `union` leg, a table
            operator after `make-graph`) is `E_TYPE` at bind time, so executing never meets a graph it cannot use. A `let`
            or a function may stand for a graph; `graph-to-table nodes as N, edges as E;` names two tables for the
            statements after it. Pattern expressions (`n.prop`, `map(e, ...)`, `node_degree_in(n)`) are rewritten to
            columns of a match table, so `where` and `project` are ordinary bound expressions evaluated a column at a
            time; conditions on one variable, and `all()` over a walk, become candidate masks applied while matching.

            A plugin whose output schema is only known once it has run (a `python()` without a typed output) makes
            the operators after it one `DeferredOperator` node, holding their syntax and scope; when it runs it binds
            them against the table the plugin actually returned, plans them and runs them. Nothing in a plan refers
            to the binder, so a plan is a `Sendable` value.

            ## A `python()` call

            ```
            engine (sandpiper)                          supervisor (in the engine process)        worker processes
            ──────────────────                          ─────────────────────────────────         ─────────────────
            bind: script, kargs, output schema
            execute: input table ──► SharedTable        region from the pool (memfd) ───────────► zygote (CPython,
                     layout in a memfd; big column                                                 numpy, pandas
                     buffers passed as their own memfds  request on a socket with the fds            imported once)
                                                         (or straight to a spare child)             │ fork
                                                                                                    ▼
                                                                                               query child:
                                                                                               confine itself,
                                                                                               map input read-only,
                                                                                               build df (numpy views),
                                                                                               run the script,
                                                                                               write result into
                                                                                               the result memfd
            result table ◄── read as untrusted input ◄── reply (status, stdout, stderr, timings) ◄──┘ exits
            ```

            - The input is laid out once, in a memfd region taken from a pool; columns larger than 4 MiB are not
              copied but sent as the memfds they already live in. The child maps them privately (copy-on-write), so
              a script that changes `df` never changes the engine's table.
            - `df` is built from numpy views of the Arrow-layout buffers wherever the dtype allows; strings become
              Python `str` objects built in C and deduplicated.
            - `result` is written into a second pooled region; a column the script returned untouched is detected
              (through `/proc/self/pagemap`) and sent back as a reference to the engine's own buffer.
            - The request is typed (`WorkerRequest`: script, kargs, artifacts as name and bytes, the kickout
              ceiling), and so is a failure: `WorkerFailure.Code` is a closed set that travels as its catalogued
              code's name and decodes only through the catalogue, so the engine switches on it and never parses a
              code from text.
            - The script is compiled under the query file's name with its lines where they stand in the query
              (`ScriptLocation`), so tracebacks and the error's `line:column` are the query's (`docs/python.md`).
            - Files the script writes under `outputs/` come back in the reply (at most 100 files, 32 MiB) and the
              plugin writes them into the output folder (or drops them, in a server): `PythonOutputFiles`.
            - What the script prints also goes, as it is printed, into a one-page transcript memfd of the query (the
              last extra fd of the request), which the engine reads with `pread` only when the child never answers
              (time limit, kickout, Ctrl-C, crash), so the output is shown with those errors too (`ScriptTranscript`).
            - The engine treats everything a child hands back as hostile: every header field, offset, count, type
              and string is checked with overflow-checked arithmetic, the reply has one deadline and a size cap,
              and a region is mapped only once the child's processes are gone. Anything malformed is `E_RESULT`.

            ## Process model

            - **Supervisor** (a library object in the engine's process): owns the worker pool, one zygote per
              sandbox environment, the query cgroups, the region pool, and the teardown of every query.
            - **Zygote** (`sandpiper-worker`): starts CPython and imports numpy and pandas once, then only forks.
              It never runs user code. Children are reaped automatically; the supervisor learns how a child ended
              from the pid-namespace waiter's report.
            - **Query child**: forked per query, confines itself, runs one script, answers and exits. Nothing of
              one query is visible to the next. A **spare child** is forked and confined ahead of the next query of
              the same sandbox, so the confinement cost is paid while the engine is idle.
            - **Teardown** (`Sandbox/Supervisor/QueryTeardown.swift`, a zygote's in `Teardown.swift`): whatever way a
              query ends (result, error, timeout, kickout, Ctrl-C), its whole process tree is killed through a pidfd
              (never a reused pid), waited for, its cgroup removed, and its regions zeroed and returned to the pool.
              The order is data: a list of steps (kill the descendants, let the pid-namespace waiter exit, kill the
              root and the cgroup, confirm everything is gone, remove the cgroup, wait for the watchdog, reclaim the
              regions — as clean only if confirmed — close the socket, release the pool slot last) run over a small
              protocol, whose recording fake pins the order in `QueryTeardownTests`. The leak tests run
              hundreds of queries and check that no process, memfd, cgroup or temporary file is left.

            ## Confinement order

            A child applies a `ConfinementPlan` (a Codable value: the same plan is printed by `sandbox doctor`,
            applied by `sandpiper-probe`, and checked by tests through a recording fake) in this order, because
            each step needs the privileges the next one removes:

            1. close every descriptor except the ones the plan keeps;
            2. new session, parent-death signal;
            3. join the query's cgroup (memory ceiling for the "kickout", pids limit);
            4. rlimits as backstops (no core files, file size, CPU seconds, open files);
            5. new user, mount, pid, network, IPC and UTS namespaces (forking once more into the pid namespace;
               the first process stays behind as the waiter);
            6. the filesystem view: a new root with the system folders and the environment bound read-only and
               small tmpfs scratch folders, then close descriptors again;
            7. drop to the unprivileged identity, set `no_new_privs`;
            8. Landlock (filesystem rights, no TCP);
            9. seccomp last, while the process has exactly one thread.

            A failure at any step stops the child before user code runs (`E_SANDBOX_SETUP`). A kernel without a
            layer makes `python()` refuse (`E_SANDBOX_UNAVAILABLE`) unless `--unsafe-no-sandbox` is given, and then
            every result says which layers were missing.

            ## Wire format

            `Sources/SharedTable/Wire/SharedTableLayout.swift` has the byte diagram. In short: a 64-byte header
            (magic, version, rows, columns, total bytes), one 96-byte descriptor per column (type, name, null count,
            offset/length/block of the validity, values and data buffers), the names, then every buffer on a
            64-byte boundary. Buffers follow Arrow's layouts (LSB-first validity bitmaps, `large_string` offsets,
            Int64 nanoseconds with numpy's NaT for nulls), so numpy and pyarrow view them without copying. A
            buffer's block number says whether it lies in the region or in one of the memfds sent with it.

            ## Parquet

            Parquet files are read and written by **FileFormats**, a reader and writer in Swift written from the
            Apache Parquet specification (`parquet.thrift`, the encodings and the logical types documents) over
            Debian's zlib and zstd; snappy, a page-sized byte format, is decoded and encoded in Swift from its
            format description. The other candidate was pyarrow in a confined worker: the SharedTable layout is
            Arrow's, so the worker could read a file and hand the table over by memfd. It was not chosen because

            - a `--db` folder opens on every `sandpiper query`: a worker's start and pyarrow's import (importing
              `pyarrow.parquet` alone took 2.0–2.6 s on the busy development machine) would come before the first
              Parquet table is there;
            - a user without a sandbox (the binary alone, or `--no-python`) could not open a folder with a `.parquet`
              file at all, and the sandbox's memory limit would cap the size of a table the engine itself can hold;
            - the table would exist twice while it crosses (pyarrow's buffers, then the engine's copy of the types
              KQL lays out differently: booleans, decimals, dynamics), where the Swift reader decodes each page
              straight into the engine's column buffers.

            The reader checks every offset, length and count a file declares against the bytes that are there
            before following it, bounds what a file can make it allocate (`ParquetLimits`: 256 MiB per page, 2^31
            values per file), nests through the schema to a fixed depth (64), and skips unknown Thrift fields with
            an explicit stack. A damaged file is `E_DATA` with the file and byte offset. `scripts/fuzz parquet` and
            `ParquetHostileFileTests` (every truncation, thousands of overwritten bytes) hold it to that; files
            written by pyarrow and DuckDB (`Tests/FileFormatsTests/Writers`, from PyPI, generated into `.build/`
            by the tests) cover the physical types, encodings, codecs, nesting and row groups.

            ## Arrow IPC

            Arrow IPC files (`.arrow`, Feather v2, and the stream format) are read and written by **FileFormats**
            too, from the Arrow columnar format specification and its FlatBuffers schemas (`Schema.fbs`,
            `Message.fbs`, `File.fbs`), for the reasons Parquet is: a folder opens without a worker, without
            pyarrow's import, and without the table existing twice. The metadata is FlatBuffers, which no allowed
            Swift package reads, so `FlatTable` (a reader that checks each vtable, offset and vector against the
            buffer) and `FlatBuilder` (which lays a table's vtable, fields and referenced objects front to back,
            aligned as Arrow's verifiers require) implement the few parts Arrow uses. A file's footer is checked
            but not needed: the file format holds a stream between its magic and its footer, so both formats are
            read as a stream of messages in order (schema, dictionary batches, record batches). ZSTD buffers go
            through Debian's libzstd; LZ4 frames are decoded in Swift (`LZ4Frame`, a page of code from the frame
            and block format descriptions), which spares a C target and a Debian package for a format that is only
            read. The writer writes uncompressed or ZSTD buffers.

            The same rules as for Parquet hold: every offset and length is checked before it is followed, buffers
            are checked to hold what their arrays' lengths need, list and string offsets are checked where they are
            read, what a file can make the reader allocate is bounded (`ArrowLimits`), the schema's nesting is
            limited to 64 levels (the value conversion recurses over it), and a damaged file is `E_DATA` with the
            file and byte offset. `scripts/fuzz arrow` and `ArrowHostileFileTests` hold it to that; files written by
            pyarrow (file, Feather and stream formats, every type, dictionaries and delta dictionaries, views,
            LZ4 and ZSTD) and by DuckDB's Arrow export are read cell by cell against the values given to the writer,
            and the writer's files are read back by pyarrow and DuckDB.

            ## Errors

            Every failure a user can cause is a coded error: a stable code (`E_…`), a message saying what went
            wrong, a hint saying what to do, the error it wraps as its `cause` (printed on a `cause:` line), and for
            query errors the line:column span, rendered with a caret. The codes are a closed set declared once in
            `Sources/Columnar/ErrorCode.swift`, each with its meaning, a hint and the targets that raise it; an
            `ErrorCode` cannot be made from a string. Text that crosses a process or file boundary (a worker's
            reply, a sidecar, a `.kqltest` line) becomes a code only through `ErrorCode.named(_:)`. `docs/errors.md`
            is generated from the catalogue, and `ErrorCodeTests` fails when it is stale, when a code is declared
            twice or raised nowhere, or when a code is spelled as a string in `Sources`.

            A query error never crashes the engine: release builds keep Swift's overflow and bounds checks,
            recursion a user controls runs on `DeepStack` under a nesting limit, and every growing operator is
            bounded by the memory budget.

            ## Where a change goes

            | change | where | and also |
            | --- | --- | --- |
            | a scalar or aggregate function | one entry (name, summary, example, kernel or type) in its family's list `<Family>Functions.all` under `Sources/KQLEngine/Functions/`, plus a file in that folder when it has real logic | a case file under `conformance/engine/functions/`; `docs/support.md` is regenerated (`SANDPIPER_REGENERATE=1 swift test --filter FunctionRegistryTests`) |
            | a function family | a folder with its own `static let all = FunctionFamily(...)`, and one line in `FunctionRegistry.families` | `FunctionRegistryTests` checks the names against KQL's catalogue and runs every example |
            | a conversion rule or text form | `Sources/Columnar/Cast/` (`CastKernel` for numbers, `CastText` for text), never in a caller | a row in `conformance/engine/functions/casts.kqltest` |
            | a rewrite of the query (pushdown, pruning) | `Sources/KQLEngine/Planning/` | `PlannerTests` (each node produces the schema it declares) |
            | a system call | the matching `+Linux` file of `Sources/SystemCalls`, throwing `SystemCallError` | `Tests/SystemCallsTests` |
            | a worker request option or failure kind | a typed field of `WorkerRequest` and `ScriptRun`, or a case of `WorkerFailure.Code` | `WorkerMessagesTests` |
            | an operator | one file in `Sources/KQLEngine/Execution/Operators/`, its binding in `Binding/`, syntax in `KQLSyntax/Parser` | a case file under `conformance/engine/operators/` |
            | a graph operator or graph function | its syntax in `KQLSyntax/Parser/Parser+Graph.swift`, binding in `Binding/Binder+Graph*.swift` (functions in `GraphExpressionRewriter`), the algorithm in `Sources/KQLEngine/Graph/` | a case file under `conformance/engine/operators/graph/` |
            | a plugin (`evaluate X`) | a `TabularPlugin` in `Sources/KQLEngine/Plugins/` (its algorithms in their own library when they are more than glue); one that needs Python or the sandbox goes in `PythonPlugin` and is listed in `EnginePlugins.plugins` | case file under `conformance/engine/plugins/` |
            | a management command | `Sources/KQLEngine/Catalog/Commands/` | case file under `conformance/engine/commands/` |
            | a confinement layer | a step in `ConfinementPlan` and `ConfinementSteps`, its Linux calls in the `SystemCalls` target (`+Linux` files) | a fake-recorded order test and an escape test in `Tests/SandboxTests/Escape` |
            | a wire-format field | `SharedTableLayout` (bump the version), writer and reader together | the reader's fuzz target and its seeds |
            | a CLI flag | the command's file in `Sources/sandpiper` (parsing only), the behaviour in a library | the README's command table |
            | an error | one `public static let` in `Sources/Columnar/ErrorCode.swift` (meaning, hint, raising targets) and its entry in `ErrorCode.all` | regenerate `docs/errors.md` with `SANDPIPER_REGENERATE=1 swift test --filter ErrorCodeTests` |
            | a speed target | `bench/` and `sandpiper bench` | `bench/RESULTS.md`; never a timed unit test |

            Tests mirror sources: `Tests/<Target>Tests/<same folder>/…`. Engine behaviour is pinned in `.kqltest`
            case files (`docs/conformance.md`), which `swift test` runs.
            """###
        ),
        (
            "charts.md",
            ###"""
            # Charts

            `render` asks the client to draw the result. Sandpiper is its own client: `sandpiper query --chart FILE`
            draws the chart a query's `render` asks for, with the `Charts` library (`Sources/Charts`).

            ```sh
            sandpiper query --chart storms.svg 'StormEvents | summarize count() by EventType | render piechart'
            sandpiper query --chart storms.png  ...    # PNG, rasterised by rsvg-convert (Debian's librsvg2-bin)
            sandpiper query --chart storms.html ...    # one self-contained page: the SVG and the rows as a table
            sandpiper query --chart storms.vl.json ... # an equivalent Vega-Lite v5 specification, data inlined
            ```

            - The format comes from the extension; another extension is a usage error. When several statements end in
              `render`, the first chart goes to `FILE`, the next to `FILE-2.svg`, and so on. A file is written whole
              (beside its destination, then renamed) or not at all.
            - In the table form a line under the table says where the chart went (`render piechart: chart written to
              storms.svg`) or that `--chart` draws it. A chart the result cannot satisfy (`E_CHART_COLUMN`,
              `E_CHART_COLUMN_TYPE`, see below) fails the command with exit status 1 after the tables are printed.
            - `--format json` follows the table's line with `{"visualization": {...}}`: ADX's Visualization property
              bag, the object a v2 REST response carries in `@ExtendedProperties` — every key in ADX's order
              (`Visualization`, `Title`, `XColumn`, `Series`, `YColumns`, `AnomalyColumns`, `XTitle`, `YTitle`, `XAxis`,
              `YAxis`, `Legend`, `YSplit`, `Accumulate`, `IsQuerySorted`, `Kind`, `Ymin`, `Ymax`, `Xmin`, `Xmax`), unset
              ones null (`Ymin`/`Ymax` `"NaN"`). `Visualization.adxPropertyBag` (in `Charts`) makes it, for the CLI and
              the REST server alike. `IsQuerySorted` is true when a `sort` or `top` orders the rows `render` receives.
            - The kind and the properties are checked when the query is bound, with the span of what is wrong
              (`E_CHART_KIND`, `E_UNSUPPORTED` for `3Dchart` and `plotly`, `E_CHART_PROPERTY`), so
              `| render barchart with (kind=sideways)` fails even without `--chart`. Column lists are written as ADX
              writes them: `with (ycolumns=a, b, series=c)`.
            - `sandpiper conformance run --format html` (or `--report html`) writes one HTML page with a row per
              example and, under each example that ends in `render`, its chart.
            - The benchmark's plot (`sandpiper bench transfer --plot`) is drawn by the same library: the measurements
              become a `linechart` with `ysplit=panels` and log axes.

            In Swift:

            ```swift
            let request = try ChartRequest(table.visualization!)          // kind + properties as `render` recorded them
            let model = try ChartModel(table: table, request: request)    // x, series and y columns; the data series
            let svg = model.svg(style: ChartStyle(width: 800, height: 450))
            let spec = model.vegaLite()
            try ChartFile.write(table, to: "chart.png")                   // any of the four formats, by extension
            ```

            ## Which column is what

            `render-operator.md` sees a result as an x column, series columns (whose combined values name a series)
            and y columns (measured per x value). Sandpiper picks them as the documentation describes:

            | Visualization | x | series | y |
            | --- | --- | --- | --- |
            | timechart, anomalychart | `xcolumn` (must be datetime), else the first datetime column | `series`, else the first string column; other strings are ignored | `ycolumns`, else the other numeric columns |
            | linechart, areachart, stackedareachart, scatterchart | `xcolumn`, else the first number/datetime/timespan column that leaves a number to plot, else the first column | `series`, then every other non-numeric column | as above |
            | columnchart, barchart | `xcolumn`, else the first column (text, datetime or number) | as above | as above |
            | piechart | `xcolumn`, else the first column (the colour axis) | other non-numeric columns name the slice with it | one pie per numeric column |
            | scatterchart/piechart `kind=map` | `xcolumn`+`ycolumns` (longitude, latitude), else a GeoJSON point column, else the first two numbers | `series`, else the string columns (the pie's colour axis) | pie slices: the first other number |
            | card | — | — | the first row, every column |
            | table | the first 100 rows as text | | |
            | ladderchart | the last two columns (start, end: datetimes or numbers) | `series` colours the intervals | the other columns (or `ycolumns`) label the rungs |
            | timepivot | `xcolumn`, else the first datetime; the next datetime column ends each event | `series`, else the first string column: one lane each | — |
            | pivotchart | `xcolumn`, else the first string column: the pivot's rows | `series`: the pivot's columns | sums of `ycolumns`, else of every numeric column |
            | treemap | — | `series`, else every string column: one level each | the first numeric column (or `ycolumns`) sizes the rectangles |

            A make-series result (a `dynamic` array of datetimes next to arrays of numbers) is drawn as one series
            per row, its arrays zipped into points. Columns and bars over numbers are categories in ascending order;
            over datetimes they keep a time axis. `kind=stacked|stacked100` stacks areas, columns and bars (missing
            values count as zero); `accumulate` turns values into running sums in x order; `ysplit=panels|axes` splits
            by y column when there are several, else by series, at most five ways (the fifth takes the rest);
            `anomalycolumns` marks the points of the first y column where the anomaly column is not zero (up for
            positive, down for negative). Properties a visualization's page does not list are reported in
            `request.ignoredProperties`, not applied.

            ## Errors

            | Code | When |
            | --- | --- |
            | `E_CHART_KIND` | `render` names a visualization ADX does not have |
            | `E_UNSUPPORTED` | `3Dchart` (no documented data model) and `plotly` (a Plotly client draws its JSON) |
            | `E_CHART_PROPERTY` | a property `render` does not have, or a value it cannot take (`yaxis=cubic`, `ymin=ten`) |
            | `E_CHART_COLUMN` | `xcolumn`, `ycolumns`, `series` or `anomalycolumns` names a column the result lacks |
            | `E_CHART_COLUMN_TYPE` | no column of the type the visualization needs (a timechart without a datetime), or a named one of the wrong type |
            | `E_CHART_OUTPUT` | `--chart` names a file of another extension, a folder that cannot be written, or `.png` without `rsvg-convert` |

            ## Drawing

            Colours come from Okabe and Ito's colour-blind-safe palette; past eight series they repeat as tints,
            and lines change dash. Time axes tick on calendar units chosen by span (seconds to decades), labelled by
            the coarsest unit a tick starts (`06:00`, `Jan 6`, `Apr`, `2007`), the first tick carrying the date and
            year the others leave out; numbers tick at 1, 2 and 5 times powers of ten, in SI units (`12k`, `3.5M`)
            from ten thousand on; log axes tick at decades. Labels that would touch are thinned, or turned for
            categories. Nulls break lines. Large inputs stay small files: a line keeps the first, lowest, highest
            and last point of each pixel column; dots and anomaly marks one per pixel; bars thinner than a pixel the
            longest per pixel; events of a time-pivot lane that touch are one mark; past 40 slices, 150 rectangles
            in a treemap parent, 500 ladder rungs, 40 time-pivot lanes, 30 table columns or 12 card values the
            rest are combined or counted in a note. The Vega-Lite output keeps all data except lines of more than
            4,000 points, thinned the same way over 1,000 x intervals (its `description` says so).

            ## The gallery

            `scripts/chart-gallery` draws every chart below from the embedded sample database with
            `sandpiper query --chart`, as SVG and PNG in `docs/charts/`, and rewrites this section from the same list
            of queries (its setup step installs `rsvg-convert` when it is missing). `scripts/chart-gallery --chromium`,
            which made the pictures below, takes each PNG from the chart's HTML page (`--chart FILE.html`) as headless
            Chromium shows it (Debian's `chromium`, installed when missing); `ChartGalleryScriptTests` runs it where
            Chromium is installed and checks every picture. `ChartGalleryTests` draws the
            test tables of `Tests/ChartsTests` the same way when `CHART_GALLERY_DIR` names a folder. The queries are
            examples the conformance runner can run:
            `sandpiper conformance run docs/charts.md --now 2025-01-01T00:00:00Z --report html > charts.html`.

            <!-- gallery:start (scripts/chart-gallery writes this part) -->

            ### timechart

            A line per storm type over weekly bins; the x axis ticks on calendar months.

            ```kusto
            StormEvents | where EventType in ("Hail", "Thunderstorm Wind", "Flash Flood", "Tornado") | summarize Events=count() by bin(StartTime, 7d), EventType | render timechart with (title="Storm events per week")
            ```

            ![timechart](charts/timechart.png)

            ### timechart-dense

            Eight thousand points and a gap (nulls break the line).

            ```kusto
            range t from datetime(2024-01-01) to datetime(2024-02-26) step 10m | extend Load = iff(t between (datetime(2024-01-20) .. datetime(2024-01-22)), real(null), 50 + 30 * sin(2 * pi() * (t - datetime(2024-01-01)) / 1d) + 10 * rand()) | render timechart with (title="Load every ten minutes", ytitle="percent")
            ```

            ![timechart-dense](charts/timechart-dense.png)

            ### linechart

            Two measures over a numeric x, one panel each (ysplit=panels).

            ```kusto
            StormEvents | summarize Events=count(), Injuries=sum(InjuriesDirect) by Month=getmonth(StartTime) | sort by Month asc | render linechart with (ysplit=panels, title="Events and injuries by month", xtitle="month")
            ```

            ![linechart](charts/linechart.png)

            ### linechart-log

            Log axes (xaxis=log, yaxis=log) tick at decades.

            ```kusto
            range x from 1 to 1000 step 1 | extend Square = x * x, Cube = x * x * x | render linechart with (xaxis=log, yaxis=log, title="Powers on log axes")
            ```

            ![linechart-log](charts/linechart-log.png)

            ### areachart

            Areas, not stacked.

            ```kusto
            StormEvents | where EventType in ("Hail", "Flash Flood") | summarize Events=count() by bin(StartTime, 14d), EventType | render areachart with (title="Hail and flash floods, every two weeks")
            ```

            ![areachart](charts/areachart.png)

            ### stackedareachart

            Areas stacked by source.

            ```kusto
            StormEvents | where Source in ("Trained Spotter", "Law Enforcement", "Public", "Emergency Manager") | summarize Events=count() by bin(StartTime, 14d), Source | render stackedareachart with (title="Reports by source")
            ```

            ![stackedareachart](charts/stackedareachart.png)

            ### columnchart

            Columns over a category axis, thousands formatting on the values.

            ```kusto
            StormEvents | summarize Damage=sum(DamageProperty) by State | top 10 by Damage | render columnchart with (title="Property damage, top ten states", ytitle="USD")
            ```

            ![columnchart](charts/columnchart.png)

            ### columnchart-stacked

            Columns stacked by series (kind=stacked).

            ```kusto
            StormEvents | where State in ("TEXAS", "KANSAS", "IOWA", "ILLINOIS", "MISSOURI") and EventType in ("Hail", "Thunderstorm Wind", "Flash Flood") | summarize Events=count() by State, EventType | render columnchart with (kind=stacked, title="Events by state and type")
            ```

            ![columnchart-stacked](charts/columnchart-stacked.png)

            ### barchart

            Horizontal bars, each type to 100 percent (kind=stacked100).

            ```kusto
            StormEvents | where EventType in ("Hail", "Thunderstorm Wind", "Flash Flood", "Tornado", "Drought") | summarize Events=count() by EventType, Source | where Source in ("Trained Spotter", "Law Enforcement", "Public") | render barchart with (kind=stacked100, title="Who reports what")
            ```

            ![barchart](charts/barchart.png)

            ### piechart

            Slices by the first column, the second sizes them.

            ```kusto
            StormEvents | summarize Events=count() by EventType | top 8 by Events | render piechart with (title="Storm events by type")
            ```

            ![piechart](charts/piechart.png)

            ### scatterchart

            Points: events against damage per state.

            ```kusto
            StormEvents | summarize Events=count(), Damage=sum(DamageProperty) by State | project Events, Damage, State | render scatterchart with (title="Damage against events, per state", xtitle="events", ytitle="damage (USD)", legend=hidden)
            ```

            ![scatterchart](charts/scatterchart.png)

            ### scatterchart-map

            kind=map: points at longitude and latitude, coloured by series.

            ```kusto
            StormEvents | where EventType in ("Tornado", "Flood", "Drought") | project BeginLon, BeginLat, EventType | render scatterchart with (kind=map, title="Where tornadoes, floods and droughts began")
            ```

            ![scatterchart-map](charts/scatterchart-map.png)

            ### piechart-map

            kind=map: a pie per place (here each state's mean event location).

            ```kusto
            StormEvents | where State in ("TEXAS", "KANSAS", "IOWA", "GEORGIA", "NEW YORK", "CALIFORNIA") and EventType in ("Hail", "Thunderstorm Wind", "Flash Flood") | summarize Events=count() by State, EventType | lookup (StormEvents | summarize Lon=avg(BeginLon), Lat=avg(BeginLat) by State) on State | project Lon, Lat, EventType, Events | render piechart with (kind=map, title="Event mix by state")
            ```

            ![piechart-map](charts/piechart-map.png)

            ### anomalychart

            Anomalies (anomalycolumns) marked on the line.

            ```kusto
            StormEvents | summarize Events=count() by Day=bin(StartTime, 1d) | extend Anomaly = iff(Events > 25, 1, 0) | render anomalychart with (anomalycolumns=Anomaly, title="Days with unusually many events")
            ```

            ![anomalychart](charts/anomalychart.png)

            ### card

            The first row, one big number per column.

            ```kusto
            StormEvents | where State == "TEXAS" and EventType == "Flash Flood" | summarize Floods=count(), Injuries=sum(InjuriesDirect) | render card with (title="Flash floods in Texas")
            ```

            ![card](charts/card.png)

            ### table

            The rows, as a table.

            ```kusto
            StormEvents | summarize Events=count(), Deaths=sum(DeathsDirect) by State | top 8 by Events | render table with (title="States with most events")
            ```

            ![table](charts/table.png)

            ### ladderchart

            Intervals (the last two columns) on rungs named by the others.

            ```kusto
            StormEvents | where State == "KANSAS" and EventType in ("Tornado", "Flood", "Winter Storm") | top 12 by StartTime asc | project EventType, EventId, StartTime, EndTime | render ladderchart with (series=EventType, title="Kansas events, start to end")
            ```

            ![ladderchart](charts/ladderchart.png)

            ### timepivot

            Events on a time line, a lane per state.

            ```kusto
            StormEvents | where EventType == "Tornado" | project StartTime, EndTime, State | render timepivot with (series=State, title="Tornadoes by state")
            ```

            ![timepivot](charts/timepivot.png)

            ### pivotchart

            A pivot table of sums and its chart.

            ```kusto
            StormEvents | where State in ("TEXAS", "KANSAS", "IOWA", "GEORGIA") and EventType in ("Hail", "Thunderstorm Wind", "Flash Flood", "Tornado") | summarize Events=count() by State, EventType | render pivotchart with (series=EventType, title="Events pivoted by state and type")
            ```

            ![pivotchart](charts/pivotchart.png)

            ### treemap

            Nested rectangles, one level per string column.

            ```kusto
            StormEvents | summarize Events=count() by EventType, Source | render treemap with (title="Storm events by type and source")
            ```

            ![treemap](charts/treemap.png)

            <!-- gallery:end -->
            """###
        ),
        (
            "conformance.md",
            ###"""
            # Conformance runner

            `sandpiper conformance run` executes the examples of markdown documents and `.kqltest` case files and
            compares each result with what the document shows.

            ```
            sandpiper conformance run PATH... [--sandbox NAME[,NAME...]] [--filter TEXT] [--junit FILE]
                                              [--format table|json] [--complete [--complete-dir DIR]]
                                              [--expectations FILE]... [--db DIR] [--now DATETIME]
                                              [--artifacts DIR]...
            ```

            Run the seed document from the repository root:

            ```
            sandpiper conformance run conformance/seed/000_6736e6bdba3218ce.txt
            sandpiper conformance run conformance/docs            # our own documents, recursively
            ```

            Exit status: 0 when every example passed, failed as its expectation says, or was skipped; 1 when
            anything unexpected happened (a failure, an error, a stale expectation, a missing input); 2 on bad usage.

            ## Inputs

            - A path may be a file or a folder. A file named on the command line is a markdown document whatever
              its extension (the seed is a `.txt`), unless it ends in `.kqltest`. Folders are searched recursively
              for `.md`, `.markdown`, `.txt` and `.kqltest` files, in name order.
            - A `.kqltest` case file is a list of records (`query nosort|rowsort`, `statement ok`,
              `statement error CODE [text]`; the format is described in `Sources/Conformance/KQLTestFile.swift`).
              `CODE` must be one of [`docs/errors.md`](errors.md): a misspelt code is a format error (`E_CASE_FILE`).
              A `now 2025-01-01T00:00:00Z` line pins the clock for that file — `now()`, `ago()` and the sample
              database's timestamps — and wins over `--now`, since the file's expectations were written for it.
            - In a document, every fenced block whose info string starts with `kusto` or `kql` (```` ``` ```` or
              `~~~` fences, indented ones inside lists too) is an **example**. Fences follow CommonMark: a `~~~kusto`
              block may contain lines of three backticks (the ADX docs write inline Python that way).
            - An example's errors give the document's `line:column`: the query's lines are counted where they stand
              in the document (in a block indented inside a list, columns count from the block's indentation).
            - A ```` ```python ```` block that starts on the first non-blank line after an example whose query calls
              `python()` **without a script** is that call's inline code. The runner splices it into the query as
              the parser expects: for the seed's `T | python()` form, the code goes right after the call between
              lines of three backticks; for `evaluate python(typeof(...))` it becomes the script argument after the
              output schema. A common indentation is removed first. Python blocks anywhere else are prose.
            - An example's `external_artifacts` are read from the folders of the paths given on the command line
              (a file's folder, or the folder itself), the `--db` folder and each `--artifacts DIR`; a relative
              path is taken from the current folder. Anything else is refused with `E_SANDBOX_DENIED`.
            - The markdown tables after an example, in the same section (up to the next heading) and before the
              next example, are its **expected results**: the first table is compared with the first result table,
              the second with the second (a query with statements separated by `;` yields several). An example
              without a table is expected to run without error.
            - Each example has a location (`document:line` of its opening fence) and a stable **id**: the slug of
              its section heading and its 1-based index in the section (`example-basic-data-transformation-1`;
              `top-N` before the first heading).

            ## Expectations (sidecar files)

            Documents are never edited to make them pass. What is known about an example lives beside the document
            in TOML:

            ```toml
            [[example]]
            id = "example-machine-learning-with-scikit-learn-1"  # and/or line = 113
            contains = "model.predict_proba(X_test)"              # optional guard: a fragment of the query or its Python
            expect = "fail"                                       # pass (default) | fail | skip
            error = "NotFittedError"                              # a code of docs/errors.md (E_PYTHON) or a Python exception name
            message = "not fitted"                                # optional: text the error message must contain
            reason = "predicts with a model it never fitted"      # required for fail and skip; shown in the report

            [[example]]
            line = 40
            ignore_columns = ["Elapsed"]    # removed from both sides
            ignore_values = ["Timestamp"]   # must exist, values not compared (now(), new_guid(), ...)
            tolerance = 1e-6                # extra numeric slack: relative above 1, absolute below
            ignore_order = true             # compare rows as a multiset (false: in order), overriding the detection
            sandbox = ["pandas3"]           # only when run in these sandboxes ("default" names the default one)
            document = "python-plugin.md"   # needed in folder-level files that cover several documents
            ```

            An entry designates an example by `id` (which wins) or `line`, guarded by `contains`; the first entry
            that designates an example (and applies to the sandbox) is used. `expect = "fail"` without `error`
            means the result differs from the document's table. A wrong key or value is an error, and an entry that
            designates no example is reported as **stale** (exit status 1) unless `--filter` is given.

            Lookup order for a document — every file found applies, in this order:

            1. each `--expectations FILE`, in the order given;
            2. `<document>.expect.toml` beside the document (`doc.md.expect.toml`), then `<stem>.expect.toml`;
            3. `conformance/seed/<stem>.expect.toml` in the current folder or the nearest ancestor that has one —
               the repository's home for sidecars of documents it cannot write beside (the seed document is kept
               there too, with its sidecar `conformance/seed/000_6736e6bdba3218ce.expect.toml`, so the sidecar also
               applies to a copy of the seed anywhere below the repository);
            4. `conformance.expect.toml` in the document's folder.

            ## Comparison

            One module owns the rules (`Sources/Conformance/Compare/`, documented on `TableComparer` and
            `CellMatcher`):

            - **Columns**: the header names must equal the result's column names, in order. A header written
              `name:type` also checks the column type.
            - **Cells**, by the actual column's type:
              - empty cell (or `null`) = a null value; an empty cell also matches the empty string and a NaN real;
              - `bool`: `true`/`false`/`1`/`0`, any case (`True`, as pandas prints);
              - numbers: within the precision the document writes, by rounding: `0.33` matches 0.3333 and 0.3299,
                `0.67` matches 0.6666, `1.5E+20` matches 1.54e20, `3` matches 2.6 to 3.5; `NaN`, `Infinity`;
                integers beyond 2^53 are compared digit for digit;
              - `datetime`: any of `2024-01-01`, `2024-01-01T00:00:00Z`, `2024-01-01 00:00:00.0000000`, offsets
                (`+02:00`), RFC 1123, `1/1/2024 12:00:00 AM`, `datetime(...)`; at the precision written (a cell
                `2024-01-01 10:00` matches any instant of that minute);
              - `timespan`: `1.00:00:00`, `24:00:00`, `00:00:00.5`, `1d`, `90m`, `500ms`, `timespan(...)`, at the
                precision written;
              - `guid`: case-insensitive, braces optional;
              - `dynamic`: as JSON, ignoring whitespace and key order, numbers by value (`1` = `1.0`); a cell that is
                not JSON is compared with the value's text (`abc` for the dynamic string "abc");
              - `string`: exact, except that whitespace runs count as one space (markdown cannot show more).
            - **Row order** is ignored unless the query orders the rows: walking back from the last pipe stage of
              the result's statement over stages that keep order (`project*`, `extend`, `where`, `take`, `render`,
              `python`, ...), the rows are ordered when one reaches `sort`/`order`/`top`/`serialize` or a source that
              emits rows in order (`range`, `print`, `datatable`, or a `let` bound to such a pipeline). Unordered
              rows are matched as a multiset with a maximum matching, so one fuzzy row cannot take another's match.
            - A table whose last row is an ellipsis (`...`, `…`, or such a line right after the table) is a
              **prefix**: in order, its rows must be the first rows of the result; unordered, each must match some
              row; extra rows are allowed.

            ## Report

            - `--format table` (default): one line per example (`document:line`, status, time), then for each
              example that did not simply pass its query, the error (for Python, the traceback), a cell-level diff
              (`row 3, column Value: expected 0.33, got 0.5`, missing and unexpected rows), the Python output, and
              for expected failures and skips the reason. The last line starts `N passed, N failed` (plus
              `, N skipped` when any) and then says what the passed were: `(N matched, N ran, N expected failures)`.
              Passed = matched + ran + expected failures; errors count as failed.
            - Statuses: `matched` (the result was compared with the table the document shows, or with a case file's
              expected tables or error, and agreed), `ran` (the document shows no table, or a case file says
              `statement ok`: it only ran without error, nothing was compared), `fail` (a different result, or an
              expected failure that did not happen as described), `expected-fail`, `skipped`, `error` (an error
              nobody expected).
            - `--format json`: one JSON object per example and line (document, line, id, sandbox, status, seconds,
              query, tables — how many tables the document shows for it, 0 when it only has to run —, reason, error,
              messages, diffs, python_output); the summary line goes to standard error.
            - `--junit FILE`: JUnit XML, one test suite per document; expected failures are passing test cases whose
              `system-out` says why.
            - `--sandbox a,b`: every example that calls `python()` runs in each sandbox (others run once) and the
              report adds a compatibility matrix, example × sandbox.
            - `--complete`: writes the actual results of examples that nothing pins down (no table in the document,
              no expectation) into `DIR/<stem>.kqltest` (`--complete-dir`, default `conformance/completed`), in the
              `.kqltest` format, never into a document. Review before committing.

            ## The reference as a whole

            `scripts/conformance-docs DOCS_QUERY_FOLDER [--jobs N] [--details FILE] [--bin SANDPIPER]` runs every page of a copy
            of the KQL reference's `kusto/query` folder (the ADX docs are not part of this repository) one page at a time and
            prints how many examples whose page shows an output table match it: over all pages, over the function pages
            (`*-function.md`) and over the geo pages (`geo-*.md`). `--details` keeps every example's JSON line, to group
            the mismatches by cause. Examples that read tables the embedded sample database does not have (`nyc_taxi`,
            `US_States`), or read StormEvents, whose sample rows are generated rather than ADX's, count as mismatches.

            Each count is also given over the **self-contained** examples, the ones issue 18's acceptance is about: those
            whose tables all come from the query itself (`datatable`, `range`, `print`, let-bound literals, `materialize`
            of those, a table a `.set` earlier on the page wrote). The script runs every page a second time over an empty
            database (`--db` on a fresh empty folder); an example is self-contained unless that run fails for want of a
            database object: `E_UNKNOWN_NAME` for an unknown table or database or for `stored_query_result`, or
            `E_UNSUPPORTED` for a persistent graph (`graph("name")`). So a StormEvents example is not self-contained, though
            the sample database has a StormEvents. An example that fails before it names a table (a parse error) stays in
            the subset, so the subset never hides one of our failures.

            Where a page's table contradicts its own query (a misspelt column, a bare scalar expression as the query, a
            value the query cannot give), the example is listed with its reason in `conformance/seed/<page>.expect.toml`
            (`expect = "fail"`): it runs as an expected failure, is counted apart ("known documentation errors"), and never
            as a match. Random values (`new_guid()`) are compared with `ignore_values`.

            The comparer reads a few presentations of the reference's tables back into the value they show
            (`Sources/Conformance/Compare/PresentationalCell.swift`); each changes only how a cell is read, never what it
            must equal: numbers with thousands separators (`700,000,000`), a string cell in double quotes as a JSON string
            literal (`"1234567890qwertyuiop"`), a markdown autolink (`<https://bing.com>`, which the page renders as the
            address), and relaxed JSON in a dynamic cell — single-quoted strings (`['a','b']`) and bare words
            (`[yes, no, yes]`) read as strings.
            """###
        ),
        (
            "fuzzing.md",
            ###"""
            # Fuzzing

            Everything in Sandpiper that reads input it did not write is a fuzz target. A target returns normally
            for every input the code under test handles — a coded error is a fine answer — so only a crash, a hang
            or runaway memory is a finding.

            | Target | What it feeds | How an input is read |
            | --- | --- | --- |
            | `parser` | the lexer and parser, and the caret rendering of their errors | raw bytes, decoded as UTF-8 as the CLI decodes a query file |
            | `query` | the binder and executor over a small database (`T` with a column of each type and extreme rows, `U` for joins), then every output format | the bytes are the choices of a generator (`Sources/Fuzzing/Query`) that writes a script from the catalogue: operators from `KQLManifest`, functions and operators with the argument types their own `returnType` accepts in `FunctionRegistry`, literals of each type from the ordinary to the extreme, and a share of near misses (unsupported operators, missing columns) |
            | `sharedtable` | what the engine reads from a worker: the `SharedTableReader` on a result region, then every cell and a query over the table; the reply socket's frames | byte 0 picks: a raw region, a region laid out by `SharedTablePlan` with forged header fields (counts, offsets, lengths, types, block numbers), or frames |
            | `readers` | a `--db` folder's CSV, TSV or JSON Lines file, a query over it, and the writer's round trip | byte 0 picks the format, the rest is the file |
            | `archive` | the environment-archive and wheel extractor (tar under any filter libarchive reads, zip) | the archive; anything written beside the destination, or a link that resolves out of it, is a finding too |
            | `parquet` | the Parquet reader (footer, page headers, encodings, codecs, nesting) and the writer's round trip | the file |
            | `arrow` | the Arrow IPC reader (FlatBuffers metadata, record and dictionary batches, LZ4 and zstd buffers, nesting) and the writer's round trip | the file or stream |

            ## Running a campaign

            ```sh
            scripts/fuzz                                   # every target, 30 s each
            scripts/fuzz query --seconds 3600              # one target for an hour
            scripts/fuzz --seconds 3600 --keep-going       # an hour each, carrying on past findings (fork mode)
            scripts/fuzz parser -- -jobs=1 -only_ascii=1   # anything after -- goes to libFuzzer
            ```

            `scripts/fuzz` builds `sandpiper-fuzz` with libFuzzer and AddressSanitizer in `.build-fuzz` (release
            optimization, Swift's overflow and bounds checks kept; the first build takes several minutes), runs the
            targets one after another, and prints executions and crashes per target. Seeds are committed in
            `fuzz/corpus/TARGET` (regenerate them with `sandpiper-fuzz seeds TARGET fuzz/corpus/TARGET`); inputs
            libFuzzer finds interesting accumulate in `.build-fuzz/corpus/TARGET`, findings in
            `.build-fuzz/artifacts/TARGET/{crash,timeout,oom,slow-unit}-…`. Defaults: a hang is one input running
            20 s (`--timeout`), out of memory is 2 GiB (`--rss-limit-mb`).

            Triage what a campaign found:

            ```sh
            scripts/fuzz --triage query                                # artifacts grouped by the first frame of Sandpiper's code
            B=.build-fuzz/release/sandpiper-fuzz
            $B describe query .build-fuzz/artifacts/query/crash-…      # the query the input generates
            $B fuzz query -minimize_crash=1 -runs=20000 .build-fuzz/artifacts/query/crash-…   # a smaller input
            .build/debug/sandpiper query -f minimized.kql              # the crash as a user sees it
            ```

            then write the input down as a regression:

            - a query (from `parser` or `query`): a case file `conformance/engine/regressions/fuzz-NAME.kqltest`
              expecting what the KQL reference says (usually a coded error), run by `swift test`;
            - a binary input (region, file, archive): the file in `fuzz/regressions/TARGET/`, which the test suite
              replays through the target;
            - a finding whose fix belongs to another change under way goes to `fuzz/pending/` (its README says
              how) with a line in `fuzz/pending/known-findings.txt`; the suite does not run the pending cases (a
              crash would stop it), and its short fuzz run reports a failure on that line's stack frame as known.

            ## In the test suite

            `FuzzSmokeTests` runs every target in the ordinary debug build for a few seconds each, with the
            replay driver (`sandpiper-fuzz replay`): every seed and regression input once, then a fixed number of
            mutations from a fixed seed, so a run is the same every time (about 30 s for the five). The inputs run
            in a child process; a crash, a hang (30 s) or runaway memory fails the test with the input, what it
            means and the child's backtrace, unless `fuzz/pending/known-findings.txt` names a function on that
            backtrace: then it is reported as known and the run goes on past that input. For the query target the
            test also checks that at least a fifth of the generated scripts run to the end, so the generator cannot
            silently drift into writing only errors.

            Why not libFuzzer in the suite: its build (release, AddressSanitizer, coverage) compiles the engine a
            second time, several minutes on CI's two cores, which the suite's 25-minute budget cannot spare; the
            replay driver reuses the debug build the suite makes anyway. Coverage-guided exploration is
            `scripts/fuzz`'s job; an hour per target (`scripts/fuzz --seconds 3600 --keep-going`, about five hours)
            is the bar before a release.
            """###
        ),
        (
            "geospatial.md",
            ###"""
            # Geospatial library

            The KQL side lives in the engine: one `GeoFunction` value per KQL function in
            `Sources/KQLEngine/Functions/Scalar/Geo/` (grouped by family, collected in `GeoFunctions.all`), argument
            reading and result writing in `GeoArguments.swift`, and the lookup plugins in
            `Sources/KQLEngine/Plugins/GeoLookupPlugin.swift`. Their case files are `conformance/engine/functions/geo/`.
            `geo_info_from_ip_address` is not implemented: it needs MaxMind's GeoLite2 database, which Sandpiper does
            not ship.

            `Sources/Geospatial` holds the geometry behind ADX's `geo_*` functions and the `geo_polygon_lookup` /
            `geo_line_lookup` plugins, so that each KQL function is a thin wrapper: parse the arguments, call one
            library function, turn the answer into a KQL value (a `nil` answer is KQL's null or empty string, as
            each page says). The library does not depend on the engine.

            | Piece | Where it comes from | Why |
            | --- | --- | --- |
            | S2 cells, spherical polygons and lines, boolean operations, buffers, coverings, tessellation | Google's S2 (Debian `libs2-dev`) through the C++ shim `Sources/CS2` (C API `cs2.h`) | ADX's S2 functions are defined by S2, and every "geodesic on the sphere" number on the pages matches S2's to the printed digits (areas, perimeters, centroids, distances, coverings, unions, simplification) |
            | WGS-84 geodesic distance | GeographicLib (Debian `libgeographiclib-dev`) through `Sources/CGeographicLib` | `use_spheroid = true`; Karney's algorithm |
            | WKT parsing | GEOS's C API (Debian `libgeos-dev`, `Sources/CGEOS`) | a complete, tested WKT reader; only the parse is used, all geometry stays on S2's sphere |
            | H3 | Swift, from the H3 specification (`Sources/Geospatial/H3`) | Debian has no H3 package; the data tables (icosahedron faces, 122 base cells) are transcribed, the algorithms written here |
            | Geohash | Swift (`Geohash.swift`) | a page of arithmetic |
            | GeoJSON | Swift (`GeoJSON.swift`) over the `GeoJSONNode` protocol | the engine's `Dynamic` conforms (`Sources/KQLEngine/Functions/Scalar/Geo/Dynamic+GeoJSONNode.swift`) |

            Earth: S2's sphere of radius 6371.01 km (`SphericalPoint.earthRadius`, S2Earth) for everything
            geodesic — `geo_distance_2points(-122.407628, 47.578557, -118.275287, 34.019056)` is 1546754.35197381 m
            on exactly that radius. H3 areas use H3's own radius (6371.007180918475 km).

            ## Rules every wrapper applies

            - Coordinates: finite, longitude in [-180, 180], latitude in [-90, 90] (`GeoPoint.isValid`); anything
              else is null.
            - GeoJSON (`GeoJSON.geometry(from:)`): `type` and `coordinates` (or `geometries`) must be present and
              nested to the right depth; positions are arrays of at least two numbers (extra values such as altitude
              are ignored); a `Feature` is not a geometry; collections nest at most 64 deep. Failing any rule: null.
            - Polygons (`SphericalPolygon(_:)`): every ring closed (first position equals last) with at least four
              positions, no repeated adjacent vertices, no self-crossing, rings not crossing each other; each ring
              bounds the smaller of the two regions it divides the sphere into (so orientation does not matter),
              rings of one polygon nest by containment (shell, holes), a multipolygon is the union of its polygons.
              Point containment is semi-open (a polygon need not contain its vertices; of polygons tiling the
              Earth exactly one contains a point); intersections use the closed model ("Polygon contains its
              vertices" on those pages).
            - Lines (`SphericalLines(_:)`): at least two positions; repeated adjacent positions are merged first and
              a line left with one position is invalid (ADX documents two-entry lines as the minimum; what it does
              with `[[1,1],[1,1]]` is not documented — this is a choice).
            - Shapes are built once and queried many times: a wrapper should cache the `SphericalPolygon` of a
              constant (or repeated) GeoJSON value rather than rebuild it per row.
            - Hot paths per point are allocation-free: `S2CellID(containing:level:)`, `H3Cell(containing:resolution:)`,
              `SphericalPoint.distance`, `SphericalPolygon.contains`, `Geohash.encode` for precision ≤ 15, the token
              strings of S2 cells up to level 28 and of H3 cells (Swift small strings).

            ## Function by function

            "Sphere" = geodesic edges on S2's sphere; "plane" = straight lines in longitude/latitude. Units are the
            page's: meters, square meters, radians.

            | KQL | Library call | Semantics |
            | --- | --- | --- |
            | `geo_point_to_s2cell(lng, lat, level=11)` | `S2CellID(containing:level:)?.token` | S2 leaf cell's ancestor at level 0…30; invalid point/level → empty string |
            | `geo_s2cell_to_central_point(token)` | `S2CellID(token:)?.center` | sphere; token ≤ 16 hex chars, invalid → null |
            | `geo_s2cell_to_polygon(token)` | `S2CellID(token:)?.polygon` | the four S2 vertices counter-clockwise from S2's vertex 0, closed (matches the page's coordinates) |
            | `geo_s2cell_neighbors(token)` | `S2CellID(token:)?.neighbors` | all 8 (7 at cube corners) same-level cells touching the cell; same set as the page, S2's order (the page's order follows no rule we could find) |
            | `geo_polygon_to_s2cells(polygon, level=11, radius=0)` | `SphericalPolygon(g)?.s2Covering(level:radius:maxCells: 65536)` | S2RegionCoverer at min = max = level over the polygon (grown by `radius` m via S2ShapeIndexBufferedRegion); more than 65536 cells → null, detected from area/perimeter bounds before enumerating (level 30 on a large polygon fails fast). The page's count (286 at level 5) matches |
            | `geo_line_to_s2cells(line, level=11, radius=0)` | `SphericalLines(g)?.s2Covering(level:radius:maxCells: 65536)` | as above for lines |
            | `geo_point_to_h3cell(lng, lat, res=6)` | `H3Cell(containing:resolution:)?.string` | H3 (icosahedral gnomonic); invalid → empty string |
            | `geo_h3cell_to_central_point(h3)` | `H3Cell(string:)?.center` | |
            | `geo_h3cell_to_polygon(h3)` | `H3Cell(string:)?.polygon` | boundary counter-clockwise (extra vertices where Class III edges cross icosahedron edges), closed; the page calls the edges planar |
            | `geo_h3cell_level(h3)` | `H3Cell(string:)?.resolution` | invalid → null |
            | `geo_h3cell_parent(h3, res = level-1)` | `H3Cell(string:)?.parent(resolution:)` | finer than the cell or > 14 → empty string (the wrapper checks ADX's [0, 14]) |
            | `geo_h3cell_children(h3, res = level+1)` | `H3Cell(string:)?.children(resolution:)` | index order; nil (null) when res is coarser than the cell, beyond 15 or more than 5 levels below (`H3Cell.maxChildLevels`) |
            | `geo_h3cell_neighbors(h3)` | `H3Cell(string:)?.neighbors` | H3's spiral order (matches the page) |
            | `geo_h3cell_rings(h3, distance)` | `H3Cell(string:)?.rings(distance)` | ring i = cells at grid distance i, spiral order (matches the page); distance outside [0, 142] → nil (`H3Cell.maxRingDistance`); around pentagons a breadth-first search (a ring may be shorter, as the page warns) |
            | `geo_polygon_to_h3cells(polygon, res=6, radius=0)` | `H3Polyfill.cells(g.polygons!, resolution:)`; with radius > 0 first `SphericalPolygon(g)?.buffer(radius:errorFraction:)` | plane: cells whose centre is in the polygon (H3's centre containment, antimeridian-aware ray casting); more than 61680 cells → null. Same set as the page's example; order is H3's hash-table order, the page's differs |
            | `geo_point_to_geohash(lng, lat, accuracy=5)` | `Geohash.encode(_:precision:)` | plane; precision 1…18 |
            | `geo_geohash_to_central_point(hash)` | `Geohash.center(_:)` | |
            | `geo_geohash_to_polygon(hash)` | `Geohash.polygon(_:)` | plane; SW, SE, NE, NW, SW (matches the page) |
            | `geo_geohash_neighbors(hash)` | `Geohash.neighbors(_:)` | the page's order (SW, NW, SE, N, W, NE, E, S); wraps at the antimeridian, none beyond a pole |
            | `geo_distance_2points(p1, p2, use_spheroid=false)` | `SphericalPoint.distance` / `SphericalPoint.spheroidDistance` | sphere (haversine, S2's radius) / WGS-84 geodesic (GeographicLib) |
            | `geo_point_in_circle(p, c, r)` | `SphericalPoint.inCircle(_:center:radius:)` | spherical cap, boundary included; r < 0 → null (wrapper) |
            | `geo_azimuth(p1, p2)` | `SphericalPoint.azimuth` | sphere; [0, 2π) clockwise from north; equal or antipodal points → null |
            | `geo_angle(p1, p2, p3)` | `SphericalPoint.angle(_:_:_:)` | sphere; clockwise from line p2→p1 to line p2→p3 |
            | `geo_point_buffer(lng, lat, radius, tolerance=10)` | `SphericalPoint.buffer(_:radius:errorFraction:)` | S2BufferOperation; `errorFraction = tolerance / radius` clamped to [1e-6, 1] (the page's "no lower than 0.0001%" and "tolerance bigger than radius" rules are S2's limits); radius ≤ 0 → null |
            | `geo_line_buffer(line, radius, tolerance=10)` | `SphericalLines(g)?.buffer(radius:errorFraction:)` | as above; round end caps, both sides |
            | `geo_polygon_buffer(polygon, radius, tolerance=10)` | `SphericalPolygon(g)?.buffer(radius:errorFraction:)` | as above |
            | `geo_point_in_polygon(lng, lat, polygon)` | `SphericalPolygon(g)?.contains(_:)` | sphere, semi-open |
            | `geo_distance_point_to_polygon(lng, lat, polygon)` | `.distance(to:)` | sphere; 0 inside |
            | `geo_closest_point_on_polygon(lng, lat, polygon)` | `.closestPoint(to:)` | sphere; the point itself inside (matches the page's digits) |
            | `geo_polygon_area(polygon)` | `.area` | sphere, m²; multipolygon = area of the union |
            | `geo_polygon_perimeter(polygon)` | `.perimeter` | sphere; of the union |
            | `geo_polygon_centroid(polygon)` | `.centroid` | sphere; of the union |
            | `geo_polygon_densify(polygon, tolerance=10, preserve_crossing=false)` | `Densify.polygons(_:tolerance:preserveCrossing:)` | planar edges → geodesic chains within `tolerance` m (S2EdgeTessellator, plate carrée); tolerance outside [0.1, 10000] → null (wrapper); more than 10485760 points → null. The page's points agree to 15 significant digits |
            | `geo_polygon_simplify(polygon, tolerance=10)` | `SphericalPolygon.simplify([p], tolerance:)` | S2Builder snapping (no two vertices closer than tolerance) with edge-chain simplification; vanishing → null (matches the page) |
            | `geo_simplify_polygons_array(polygons, tolerance=10)` | `SphericalPolygon.simplify(_:tolerance:)` | one S2Builder, one layer per polygon, so shared borders simplify alike; result unioned |
            | `geo_union_polygons_array(polygons)` | `SphericalPolygon.union(_:)` | S2 union (matches the page's vertices) |
            | `geo_intersects_2polygons(a, b)` | `a.intersects(b)` | closed model |
            | `geo_intersection_2polygons(a, b)` | `a.intersection(b)` | closed model; points and lines where they only touch (GeometryCollection when mixed, empty collection when disjoint), as the page shows |
            | `geo_line_length(line)` | `SphericalLines(g)?.length` | sphere |
            | `geo_line_centroid(line)` | `.centroid` | sphere, length-weighted |
            | `geo_distance_point_to_line(lng, lat, line)` | `.distance(to:)` | sphere |
            | `geo_closest_point_on_line(lng, lat, line)` | `.closestPoint(to:)` | sphere |
            | `geo_line_interpolate_point(line, fraction)` | `.interpolate(fraction:)` | sphere; LineString only and fraction in [0, 1] (wrapper) |
            | `geo_line_locate_point(line, lng, lat, use_spheroid=false)` | `.locate(_:)` | sphere. `use_spheroid = true`: WGS-84 geodesics through GeographicLib (`SpheroidalLine`, Karney's interception method edge by edge) |
            | `geo_line_densify(line, tolerance=10, preserve_crossing=false)` | `Densify.line(_:tolerance:preserveCrossing:)` | as polygon_densify |
            | `geo_line_simplify(line, tolerance=10)` | `.simplify(tolerance:)` | S2Builder; vanishing → null |
            | `geo_union_lines_array(lines)` | `SphericalLines.union(_:)` | overlapping edges merged, joined into maximal lines (matches the page) |
            | `geo_intersects_2lines(a, b)` | `a.intersects(b)` | |
            | `geo_intersection_2lines(a, b)` | `a.intersection(b)` | crossing points and shared stretches (matches the page) |
            | `geo_intersects_line_with_polygon(line, polygon)` | `line.intersects(polygon)` | |
            | `geo_intersection_line_with_polygon(line, polygon)` | `line.intersection(polygon)` | closed polygon (matches the page, MultiLineString through a hole included) |
            | `geo_from_wkt(wkt)` | `WKT.geometry(_:)` then `GeoJSON.node(of:)` | GEOS reader; POINT…GEOMETRYCOLLECTION, 2-D; EMPTY, out-of-range coordinates, syntax errors → null |
            | `geo_polygon_lookup` plugin | `GeoLookup(polygons:).matches(_:radius:)` | S2 shape index; without radius = `geo_point_in_polygon`, with radius = distance ≤ radius (the page's rows match) |
            | `geo_line_lookup` plugin | `GeoLookup(lines:).matches(_:radius:)` | distance ≤ radius |
            | `geo_info_from_ip_address(ip)` | — | refused with `E_UNSUPPORTED`: ADX answers from MaxMind's GeoLite2-City, whose license does not allow shipping it, and no redistributable city-level database is packaged by Debian (its `geoip-database` is country-only, from 2019) |

            Writing results: `GeoJSON.node(of: geometry, as: Dynamic.self)` for shapes and `GeoJSON.pointNode` for
            points; coordinates are emitted in the order `[longitude, latitude]`, a whole number as a long and any
            other as a real (ADX's pages print `geo_from_wkt("POINT (1 2)")` as `[1,2]` and a densified line through
            `tostring` as `[[50,50],[50.125,50.125],...]`). Densified points are the planar points at the dyadic
            fractions S2EdgeTessellator split the edge at, so they print exactly (`50.25`, not `50.25000000000001`).

            ## The documentation's examples

            Run them with `scripts/conformance-docs $ADX/kusto/query` (`$ADX` is a copy of the ADX docs; see
            `docs/conformance.md`). Of the 236 examples on the 55 `geo-*` pages, 223 show an output table and 182 of those
            match it (81.6%); 13 show none (maps). 26 pages match less than 90% of their tables. Every one of the 41 others
            has a reason, and 34 of them could not match on any engine without data or a page the docs do not give:

            - 17 read tables Sandpiper does not ship: `US_States` (5), `NY_Manhattan_Roads` (5), `US_Counties` (4),
              `Polygons`, `EarthAtNight`, and StormEvents' `EndLon`/`EndLat`, which the bundled StormEvents lacks.
            - 9 print an elided table (`{"type": "Polygon","coordinates": [ ... ]}`) that nothing can match: the line,
              point and polygon buffer pages (2 each), `geo_polygon_to_h3cells`, `geo_h3cell_children` and
              `geo_h3cell_rings`.
            - 6 are documentation errors: `geo-closest-point-on-line` line 81 and `geo-line-interpolate-point` line 74
              (the table's column name is not the query's), `geo-polygon-lookup` line 97 and `geo-polygon-to-s2cells`
              line 46 (the table's text is not the query's data), `geo-polygon-centroid` line 98 (the JSON lacks its
              opening brace), `geo-line-densify` line 65 (the table repeats the input's text, `40.796860` and spaces,
              rather than a `tostring` result).
            - 2 are `geo_info_from_ip_address`: refused with `E_UNSUPPORTED`; it needs MaxMind's GeoLite2-City database,
              which may not be redistributed.

            Without those 34, 182 of 189 match (96.3%). The 7 left:

            - `geo_s2cell_neighbors('89c259')` (3 examples, and the union of those cells, whose ring starts at another
              vertex because the input order differs): the same eight cells as the page, in the order of S2's
              `S2CellId::AppendAllNeighbors` (the order of Google's own Python binding, s2geometry 0.14). The page's order
              is that list with its last cell moved first and the left and right neighbours swapped; it follows no rule we
              could find (not S2's, not a hash set's of libstdc++, MSVC or .NET).
            - `geo_polygon_to_h3cells` (Madrid): the same thirteen cells as the page and as H3's C library (h3 4.5 through
              its Python binding), in another order; neither H3's order nor a flood fill from the polygon's edges (the
              H3.net port's) gives the page's.
            - `geo-point-in-polygon` line 184 and `geo-h3cell-rings` line 81: the page folds arrays with
              `make_list(pack_array(x))`, which only gives the printed table if `make_list` of an array appends its
              elements, as `make_set` does (its page shows it); the engine's `make_list` keeps each array as one element,
              and the `make_list` page says nothing either way. Not a geo difference.
            - Numbers are S2's doubles; the pages print 15 to 17 significant digits. Most agree to the last bit; union
              results (multipolygon area, perimeter, centroid) agree to 13 digits, H3 coordinates to 12 decimals.

            ## Benchmark

            `sandpiper bench geo [--rows N] [--runs N]` (release build: `swift build -c release`, then
            `.build/release/sandpiper bench geo`) times four queries over N generated points (default 1,000,000;
            `Sources/Benchmarks/GeoBenchmark.swift`): the distinct level-11 S2 cells (`count_distinct` of
            `geo_point_to_s2cell`), the distinct resolution-6 H3 cells (`geo_point_to_h3cell`), the points in an octant
            polygon (`geo_point_in_polygon`) and the sum of `geo_distance_2points` to (0, 0). In the same run
            `bench/peers/geo_points.py` answers the same questions through Google's S2 Python binding (`s2geometry`) and
            Uber's H3 binding (`h3`), installed into `bench/.venv` from PyPI by `bench/setup-venv`; both answer one point
            per call, so the peers are Python loops (no warm-up run). Every answer must agree with the peer's, and the
            octant count and the distance sum also with arithmetic done without the engine, or the run fails with
            `E_BENCH_CHECKSUM`. The table gives points per second and sandpiper's median over each peer's.

            DuckDB's spatial extension is not a peer: DuckDB downloads extensions from its own server at `INSTALL`, which
            the bench does not reach; PyPI's `duckdb-ext-spatial` packages it only for DuckDB 1.4 (the bench pins 1.1.3
            for the engine benchmark), and it has neither S2 nor H3 cells, and its `ST_Contains` is planar.

            ## Tests

            `Tests/GeospatialTests`: one suite per area (`S2CellIDTests`, `SphericalPolygonTests`,
            `SphericalLinesTests`, `SphericalPointTests`, `H3CellTests`, `H3PolyfillTests`, `H3VectorTests`,
            `GeohashTests`, `GeoJSONTests`, `WKTTests`, `GeoLookupTests`), expected values from the pages' examples,
            and the H3 specification's test vectors in `Tests/GeospatialTests/Resources/h3` (cell centres, points
            inside cells, boundaries of all resolution-0 cells and of Class III cells around pentagons).
            Run them with `swift test --filter GeospatialTests`.
            """###
        ),
        (
            "graphs.md",
            ###"""
            # Graphs

            Sandpiper implements KQL's transient graphs: `make-graph` builds a graph from a table of edges (and
            optionally tables of nodes) inside the query, and the graph operators query it. The code is in
            `Sources/KQLEngine/Graph/`; how a graph flows between operators is in [architecture.md](architecture.md).

            ```kusto
            let nodes = datatable(name:string, age:long) ["Alice", 32, "Bob", 31, "Eve", 27];
            datatable(employee:string, manager:string) ["Bob", "Alice", "Eve", "Bob"]
            | make-graph employee --> manager with nodes on name
            | graph-match (boss)<-[reports*1..3]-(e)
              where boss.name == "Alice"
              project e.name, chain = map(inner_nodes(reports), name)
            ```

            ## What is supported

            | Operator | Forms |
            | --- | --- |
            | `make-graph` | `Source --> Target`; `with T1 on K1 [, T2 on K2]` (a node in both tables merges their properties, the first table's value winning); `with_node_id=Name`; `partitioned-by Column ( graph operators )` (one graph per value; the nodes tables need the column too) |
            | `graph-match` | `cycles=all\|none\|unique_edges` (default `unique_edges`); patterns of named or anonymous nodes `(n)`/`()` and edges `-[e]->`, `<-[e]-`, `-[e]-`, `-->`, `<--`, `--`, variable length edges `-[e*1..3]->` (also `*0..n` and `*n`); several comma-separated sequences sharing node variables; `where`; `project` |
            | `graph-shortest-paths` | `output=any\|all`; a pattern of one variable length edge between two nodes; `where`; `project` |
            | `graph-to-table` | `nodes [with_node_id=C]`, `edges [with_source_id=S] [with_target_id=T]`, `nodes as N, edges as E;` (names two tables for the statements after it) |
            | `graph-mark-components` | `kind=weak\|strong`, `with_component_id=Name` (default `ComponentId`) |

            Inside `where` and `project` of `graph-match` and `graph-shortest-paths`: `n.prop` (for a variable length
            edge, the dynamic array of the property along the walk), a bare variable (its properties as a bag; a variable
            length edge as an array of bags), `map(e, expr)`, `all(e, cond)`, `any(e, cond)`, each also over
            `inner_nodes(e)`, `node_degree_in(n)`, `node_degree_out(n)` (without an argument inside `map`/`all`/`any` over
            `inner_nodes`), and `labels(v)`, which is always `[]`: graphs made by `make-graph` carry no labels. Every
            other scalar function and `let` value can be used as usual.

            Node ids are compared by value (`int` and `long` ids meet). `with_node_id`, `with_source_id` and
            `with_target_id` of `graph-to-table` give XXH64 of the id, the same value as `hash(id)`, which is what the
            reference's examples show.

            ## Semantics chosen where the reference is silent

            - Nodes are numbered in the order they are met: the nodes tables' rows, then the ids the edges name (source
              before target, row by row); `graph-to-table nodes` and component numbers follow that order.
            - `cycles=none` forbids a node twice along one variable length edge (its ends included) and, like
              `unique_edges`, an edge twice in a match.
            - `graph-shortest-paths` searches level by level from each start node: walks of exactly k edges for k = 0, 1,
              … up to the maximum. At the first level at or above the minimum where an end node is reached, the walks to
              it that pass the rest of `where` are its shortest paths (the first one for `output=any`).
            - A condition on one variable alone, and `all(e, …)`/`all(inner_nodes(e), …)`, narrow the candidates before
              matching; the rest of `where` is tested on the matches. The results are the same either way.

            ## Not supported

            - Persistent graphs: `graph("name")`, graph models and `.make graph_snapshot` are `E_UNSUPPORTED` — Sandpiper
              has no graph models; build the graph with `make-graph` instead.
            - A query that ends in a graph (Kusto Explorer draws such a result) is `E_TYPE`: end it with
              `graph-to-table`.
            - The GQL and openCypher query languages (`match ... return`).
            - `map`/`all`/`any` nested inside one another.

            ## Limits

            Matching uses explicit stacks; one graph operator stops with `E_LIMIT` past 10,000,000 matches or
            200,000,000 edges walked, and is held to the memory budget and the time limit (see [limits.md](limits.md)).

            ## Reference examples

            `sandpiper conformance run` on the reference's graph pages (`make-graph-operator.md`, `graph-match-operator.md`,
            `graph-to-table-operator.md`, `graph-shortest-paths-operator.md`, `graph-mark-components-operator.md`,
            `all-graph-function.md`, `any-graph-function.md`, `map-graph-function.md`, `inner-nodes-graph-function.md`,
            `node-degree-in.md`, `node-degree-out.md`) matches 21 of their 23 examples. The other two show tables that
            do not follow from their own queries: `node-degree-in.md` lists an employee "Ellen" who is in neither table,
            and the second example of `node-degree-out.md` names its columns `degree_in_m, degree_out_m` while its
            `project` writes `di_m, do_m, di_e, do_e`. The case files are under `conformance/engine/operators/graph/`.
            """###
        ),
        (
            "language.md",
            ###"""
            # Syntax real queries use

            What Sandpiper's lexer and parser accept beyond the reference's syntax sections, because Kusto's own parser
            (the public `Kusto.Language` library, `microsoft/Kusto-Query-Language`) accepts it and published queries use
            it — and the one place where it does not follow what users write. The corpus of published hunting queries
            (`conformance/corpus/`, `swift test --filter QueryCorpusTests`) is how these were found: of its 1172 queries,
            1162 parse and 1161 bind up to the first table or function only their authors' workspaces have. The ten that do
            not parse are the sources' own slips (a placeholder `datetime("Insert date")`, a `#` comment, a line of dashes,
            pasted text in the middle of a pipeline, `datetime("8:00:00 AM")`, a narrow no-break space inside a
            `datetime(...)`) and the four `=` predicates below; the eleventh calls `arg("")`, Azure Resource Graph from Log
            Analytics, which is no ADX function.

            ## Accepted as Kusto accepts them

            - **Unicode spaces are blanks.** No-break space (U+00A0), the spaces U+2000 to U+200A, the zero-width space
              U+200B, narrow no-break and medium mathematical spaces, the ideographic space, the byte order mark, the ogham
              space and the Mongolian vowel separator separate tokens like a space: the set of Kusto.Language's
              `TextFacts.IsWhitespace`. Queries copied from web pages and documents carry them.
            - **Digits followed by a word are a name** when the word is no timespan unit: `bin(5Minutebin = Timestamp, 5m)`
              names a column `5Minutebin`, as Kusto's lexer reads digits followed by a letter or `_`. `5m` stays a timespan
              and `1.5abc` is still an invalid number.
            - **`mvexpand` and `mvapply`**, the older names of `mv-expand` and `mv-apply`, are keywords of Kusto.Language
              and are accepted as the same operators.
            - **`<>`** is not-equals, as in Kusto.Language's equality rule (`==`, `<>`, `!=`).
            - **`pack_array`** takes up to 32767 values (the reference gives no limit; Kusto.Language's signature repeats
              its parameter `short.MaxValue` times), so lists of hashes longer than 64 work.

            ## Clusters, databases, patterns and entity groups

            A local engine is **one cluster with one database**: the `--db` folder's (named after the folder) or the
            embedded sample's (`Sandpiper`), as `current_database()` and `.show databases` name it.

            - **`cluster("…")` naming any cluster resolves to this engine.** `cluster("c").database("db").T` is
              `database("db").T`; the cluster argument must be a string constant, and a cluster alone has no tables
              (`cluster("c").T` is `E_ARGUMENT`).
            - **`database("db")`** names the local database (case-insensitively) or a name an `alias database` statement
              gave it; `database()` is the database in scope; the name may be a `let` constant. Any other name is
              `E_UNKNOWN_NAME` naming the database in scope. The chains stand wherever a table does: the source of a
              query, `union` legs, `join`/`lookup` right sides, `find`/`search in (…)`, entity groups. `database("db").F(…)`
              calls a stored function of the database. In `find`/`search in (…)`, `database("S*").T*` and
              `database("*").*` take the tables a pattern matches from the databases one matches (here the local one),
              and name them `database("db").T` in `source_`; a database alone (`find in (database("db"))`) is
              `E_UNSUPPORTED`.
            - **`alias database Name = cluster("uri").database("db")`** (alias-statement.md) resolves its target where
              it stands — a database that does not exist is an error there — and `database("Name")` means it afterwards.
            - **`declare pattern`** (pattern-statement.md): arguments and the optional path are `string`s; mappings'
              queries see the `let` names declared before the pattern. An invocation whose values no mapping gives, and
              any invocation of an empty pattern (`declare pattern P;`), is `E_UNKNOWN_NAME` with ADX's SEM0036 text,
              `One or more pattern references were not declared. Detected pattern references: ["P('a').['b']"]`.
              A pattern declared twice, or mapping one tuple twice, is `E_ARGUMENT`.
            - **`macro-expand`** (macro-expand-operator.md) takes its group inline (`entity_group [...]`) or from a
              `let G = entity_group [...]` statement; stored entity groups (`.create entity_group`) are not supported, so a
              group name nothing defined is `E_UNKNOWN_NAME`. Entities are databases (`X.Table` reads their tables) or
              tables (`X` is the table; a `let`-bound table works too); `cluster("c")` alone as an entity is
              `E_UNSUPPORTED`. `X.$current_database` and `X.$current_cluster_endpoint` give the local database's name and
              `current_cluster_endpoint()`. With `isfuzzy=true` entities that do not resolve are left out silently
              (ADX adds a warning to the query status; Sandpiper has no such channel here) as long as one remains.
              `macro-expand` starts a query: after `|` it is `E_PARSE`.

            ## `=` is not a comparison

            Kusto's grammar has no single-`=` equality: its equality rule is `==`, `<>` or `!=` (Kusto.Language's
            `ParseEqualityExpression`; `grammar/Kql.g4`, `equalsEqualityExpression`). What it does accept is
            `where Name = Expression` (and `filter`), because `where` reads a *named* expression — the form `extend` uses —
            and its binder only checks that the expression is `bool`. So for ADX's parser:

            - `where a = 1` is an error (the condition is a `long`, not a `bool`);
            - `where isAudit = true` is accepted, but it is not a comparison: the condition is the expression after `=`,
              the constant `true`, and every row passes.

            Users who write `where isAudit = true` mean `isAudit == true`, and the grammar gives them something else.
            Sandpiper refuses every `=` in a predicate with `E_PARSE` and a hint to write `==`, rather than either keeping
            every row silently or guessing a comparison Kusto's grammar does not make. Four of the corpus's queries
            (`Defender-for-Endpoint-Device-ASRAudit.kql` among them) are refused for this reason.
            """###
        ),
        (
            "limits.md",
            ###"""
            # Limits

            ## Query depth and expansion

            A query is parsed, bound and executed by walking trees, and a tree walk recurses once per level of
            nesting. So that no query can overflow a stack, nesting is limited and the trees are built so that
            long *flat* runs cost no nesting at all. Past a limit the query fails before anything runs with
            `E_QUERY_TOO_COMPLEX`, pointing (`line:column` and a caret) at the deepest point, with a hint. Azure
            Data Explorer refuses such queries too ("query complexity exceeded"); its thresholds are internal, these
            are Sandpiper's (`Sources/KQLSyntax/Limits/QueryLimits.swift`).

            | What | Limit |
            | --- | --- |
            | Nesting depth of one expression or query (see below) | 1,000 levels |
            | Function applications in one scalar expression, with every `let` and user function expanded | 1,000,000 |
            | Operators in one tabular expression, with every `let` and user function expanded | 250,000 |
            | User-function bodies bound for one query (repeated identical calls bind once) | 50,000 |
            | Nesting of arrays and property bags in a JSON text or a `dynamic(...)` literal (a `dynamic(...)` inside a literal counts as one more) | 512 |

            **What nests.** Each of these adds a level: a parenthesis, a function call, a unary `-`, a subquery
            (`(T | ...)`, a `union` leg, the right side of `join`, `materialize(...)`, an `invoke` or `mv-apply` body),
            a user function calling another, and a `let` used inside the next one's value. A run of member
            accesses and indexes (`d.a.b[0]`) or of `in`/`between` tests adds one level per step, since each step
            wraps what came before. The counting is close to, not exactly, the tree's height: a few operators of
            different precedence between two parentheses (`a or b and c == d + e * f`) add no levels of their own.

            **What does not nest.** Operands of one precedence level form one flat node however many there are:
            `a + b - c + …`, `x == 1 or x == 2 or …`, `p and q and …`. A pipeline is a list of operators;
            statements, `let`s that do not reference each other, `union` legs, `case` arms, `in (...)` lists,
            `datatable` values and function arguments are lists too. Tabular `let`s that build on each other
            (`let t2 = t1 | where ...`) are run in a loop: tested at 10,000 and 100,000 of them. What was tested to
            work: a 50,000-term sum, 20,000 `or`s and `and`s, a 20,000-operator pipeline, 5,000 `union` legs,
            a `case` with 10,000 arms, an `in` list of 100,000 values, 20,000 function `let`s.

            **User functions** are expanded into every place that calls them (as ADX does), so a function that calls
            another twice doubles the work at each level: 25 levels of `let g = (x:long) { f(x) + f(x) }` describe
            2^25 additions. Within one body, a second call of the same function on arguments that bound to the same
            value reuses the first call's binding, so binding costs one expansion per distinct call: on constants
            the whole tower folds to one number in milliseconds, and over a column it stops at the expression-size
            limit in milliseconds. A function that calls itself, directly or through another function, is
            `E_RECURSIVE_FUNCTION`: a KQL function sees only the names defined before it, and ADX does not support
            recursion either.

            **Dynamic values** read from text (`parse_json`, `todynamic`, `dynamic(...)` literals, `.jsonl` and
            CSV files, a `python()` result) nest at most 512 arrays and property bags: deeper JSON is not JSON to
            `parse_json` (which then returns the text as a string, as for any invalid JSON), an error in a literal,
            a file or a result. `bag_set_key` with a path of more than 512 keys gives null. A value built deeper by a
            long pipeline (`| extend d = pack_array(d)` repeated) still prints, compares and hashes: those walks use
            an explicit stack.

            **Stacks.** The parser, binder and executor run on a thread whose stack is 256 MiB of address space
            (`DeepStack`), whatever thread called the engine: the main thread has what `ulimit -s` gives (often
            8 MiB), a Foundation or Swift-concurrency thread as little as 512 KiB. Only the pages a query touches
            are used. A query at the nesting limit touches about 25–35 MiB of it in a debug build (measured: 990
            nested parentheses, calls, `iff`s or `x + (…)`), under 35 KB per level, so the limit holds with a
            large margin; release builds use less. Reproduce with, for example:

            ```sh
            python3 -c "print('print ' + '('*990 + '1' + ')'*990)" > deep.kql
            /usr/bin/time -f '%M KB' .build/debug/sandpiper query -f deep.kql
            ```

            The queries of issue 11 are tests: `Tests/KQLEngineTests/Engine/DeepQueryTests.swift` (generated at full
            size), `conformance/engine/limits/depth.kqltest` and `Tests/sandpiperTests/DeepQueryCommandTests.swift`
            (through the built binary).

            ## Query limits

            Every statement runs under three limits, modelled on Azure Data Explorer's
            [query limits](https://learn.microsoft.com/kusto/concepts/query-limits): its result is truncated, each
            operator it runs has a memory budget, and the request has a time limit. A query that passes a limit
            ends with a coded error (exit status 1 in the CLI) or, for truncation, a partial-result notice; it never
            aborts the process or exhausts the machine.

            | Limit | Request property (`set` name) | Default | CLI flag | When passed |
            | --- | --- | --- | --- | --- |
            | records per result | `truncationmaxrecords` | 500,000 | `--truncation-max-records N` | rows cut, notice `E_QUERY_RESULT_SET_TOO_LARGE` |
            | data per result | `truncationmaxsize` | 64 MB (67,108,864 bytes) | `--truncation-max-size SIZE` | rows cut, notice `E_QUERY_RESULT_SET_TOO_LARGE` |
            | no truncation | `notruncation` | off | `--no-truncation` | — |
            | records, silently | `query_take_max_records` | none | — | rows cut as `take` would, no notice |
            | memory per operator | `maxmemoryconsumptionperiterator` | 5 GB or a quarter of physical memory, whichever is less | `--max-memory SIZE` | `E_QUERY_MEMORY` |
            | time | `servertimeout` | 10 minutes | `--timeout TIMESPAN` | `E_QUERY_TIMEOUT` |

            Sizes on the command line are bytes or a number with `KB`, `MB`, `GB` or `TB` (binary multiples, as
            ADX writes 64 MB for 2^26 bytes); timespans are KQL's (`90s`, `30m`, `1h`, `00:30:00`).

            ### How the limits are given

            The CLI's flags are the client's request properties. A `set` statement in the query gives one too, and
            applies to the statements after it, not before:

            ```kusto
            range x from 1 to 3 step 1;           // the defaults
            set truncationmaxrecords = 1;
            range y from 1 to 3 step 1            // one record, with a notice
            ```

            The rules are ADX's: a limit given more than once (by a flag and a `set`, or by two `set`s) takes the
            **lower** value, so a query can tighten what the command line allows but never loosen it; and
            `notruncation` is ignored once `truncationmaxrecords`, `truncationmaxsize` or `query_take_max_records`
            is given. A value of the wrong type or out of range is `E_ARGUMENT` at the `set` statement. Unlike ADX,
            `servertimeout` and `truncationmaxsize` may be given by `set` as well (ADX takes them only from its client
            libraries, which this engine has no counterpart of). Other `set` options (`query_python_debug`, ...) are
            not limits and reach the plugins unchanged.

            Every option of ADX's request-properties list falls in one of three groups (`Sources/KQLEngine/Engine/QueryOptions.swift`):
            **honoured** — the limits above, `query_python_debug`, `query_bin_auto_size` and `query_bin_auto_at` (read by
            `bin_auto()`), and `query_now`, which fixes `now()` and `ago()` for the whole request (as in ADX, wherever the
            `set` stands); **accepted** — options that only tune ADX's
            service (result caching, tracing, fan-out, consistency, request names), which change no result here;
            **refused** with `E_UNSUPPORTED` and the reason — options that would change results and are not
            implemented (`query_datetimescope_*`, cursors, ...). A name that is not an option is
            `E_ARGUMENT`.

            Inside the engine, `set name = value` is parsed as a `set` statement, bound to a constant by the binder,
            and folded into `RequestProperties` by the script runner, which gives each statement the `RequestLimits`
            in force where it stands and a `QueryBudget` of its own.

            ### Result truncation

            A result table with more records than `truncationmaxrecords`, or whose records hold more data than
            `truncationmaxsize`, keeps its first records up to the limit (whichever comes first) and carries a
            partial-result notice, as ADX's partial query failure does:

            ```
            E_QUERY_RESULT_SET_TOO_LARGE: partial result: the result has 600000 records, more than the record limit of 500000 (truncationmaxrecords); only the first 500000 are returned
            hint: reduce the result (take, summarize, project away wide columns), or change the limit with `set truncationmaxrecords = N;` or `set notruncation;` (CLI: --truncation-max-records, --truncation-max-size, --no-truncation)
            ```

            The CLI prints the notice on standard error in every format (prefixed `result N:` when the query has
            several result tables) and exits 0, since the rows it returns are correct. In `--format json` the
            table's object also ends with a `truncation` field:

            ```json
            {"columns":[...],"rows":[...],"truncation":{"code":"E_QUERY_RESULT_SET_TOO_LARGE","limit":"truncationmaxrecords","maximum":500000,"rows":500000,"total_rows":600000,"message":"..."}}
            ```

            A record's data size is the sum of its cells: fixed-width values their width (`bool` 1, `int` 4, `long`,
            `real`, `datetime`, `timespan` 8, `guid` and `decimal` 16), strings their UTF-8 bytes, `dynamic` values
            their estimated size in memory, nulls nothing. The limits apply to each result table the query returns;
            what a management command writes (`.set`, `.append`, ...) is never truncated, only the command's own
            answer.

            ### The memory budget

            Each operator run (`join`, `summarize`, `mv-expand`, ...) has an account, and one account may not pass
            `maxmemoryconsumptionperiterator`, as in ADX. It is one mechanism, `QueryBudget` in the execution
            context: operators whose output size is known in advance count it and charge the account **before**
            they allocate, and when an operator ends the executor settles its account against the memory its output
            holds beyond its input, so an operator that charges nothing in advance is still held to the budget by
            what it produced. Nested runs (a `union` leg, the right side of a `join`, an `mv-apply` body) have
            accounts of their own.

            What is charged before allocating:

            | Where | Charged |
            | --- | --- |
            | `join` | the exact number of output rows (counted from the hashed keys, before any pair is collected) × the output row |
            | `mv-expand` | the output rows (counted first) × the repeated input row and the new columns |
            | `sort`, `top` | the permutation and the reordered rows |
            | `summarize`, `distinct` | one group id and one key per input row |
            | `make-series` | every bin of every series |
            | `make-graph` and the graph operators | the graph (per edge and per node), each level of a shortest-path search, and the matches in batches of 4,096 as they are found |
            | `range`, `union` | their output |
            | `make_list`, `make_set`, `make_bag` | one boxed element per input row |
            | `strrep`, `strcat`, `strcat_delim`, `strcat_array`, `tohex` (padding), `range()` | each value before it is built (in batches of a megabyte), plus the largest value once more, since a value is copied into its column while it still exists |
            | a constant repeated on every row | its copies |
            | `python()` | the result tables as they come back from the worker, before they are coerced or unioned |
            | `datatable`, `print` and every other operator | what its output holds, when it ends |

            A column copied row by row counts its flat buffers exactly and one reference per `dynamic` value (the
            values themselves stay shared); the functions that build dynamic values charge them in full. The
            error names the operator, or the function and its position, and the budget:

            ```
            E_QUERY_MEMORY: operator 'join' needs about 111.8 GB, more than the memory budget of 5.0 GB per operator (maxmemoryconsumptionperiterator)
            hint: reduce its input first (where, project, summarize, take), or raise the budget with `set maxmemoryconsumptionperiterator = N;` (bytes) or `sandpiper query --max-memory SIZE`
            ```

            ADX reports the same condition as `E_RUNAWAY_QUERY`. The budget may be set to at most 30 GB or half of
            physical memory, whichever is less (ADX's range for this property).

            ### Graph matching

            `graph-match` and `graph-shortest-paths` walk the graph with explicit stacks, so no pattern, walk length
            or graph depth deepens a call stack. Variable length edges (`-[e*1..20]->`) can still describe more walks
            than any machine holds, so besides the memory budget and the time limit one graph operator may produce at
            most 10,000,000 matches (or shortest paths) and try at most 200,000,000 edges; past either it stops with
            `E_LIMIT` and a hint (shorter walks, `cycles=none`, `where` conditions on the nodes or `all()` conditions on
            the walk, which are applied while walking rather than afterwards). The limits are in
            `Sources/KQLEngine/Graph/GraphMatches.swift` (`GraphLimits`).

            ### Analytics and pattern plugins

            The user-analytics plugins (`activity_metrics`, `session_count`, `funnel_sequence`, ...) lay out at most
            2^20 windows between Start and End; `sequence_detect` returns at most 1,000,000 occurrences; the pattern plugins
            (`basket`, `autocluster`, `diffpatterns`, `diffpatterns_text`) examine at most 200,000 candidate patterns. Past
            any of these the plugin stops with `E_LIMIT` and a hint (a larger step, narrower windows or steps, a higher
            threshold, fewer dimensions). Each charges what it holds to the memory budget and stops by the time limit.
            See `docs/time-series.md` for their rules.

            ### The time limit

            `servertimeout` counts from the start of the request, so a statement after a slow one gets what is left.
            The deadline is checked cooperatively, per batch of work rather than per row: before every operator and
            every function call over a column, at every memory charge, and every few thousand rows in the long row
            loops (`mv-expand`, `make-series`). A single operator step (one sort, one function call over a whole
            column) finishes before the check, so a query can overrun its limit by that much. A `python()` script
            gets the sandbox's wall-time limit or what is left of the query's, whichever is lower; a script stopped
            because the query's time ran out reports `E_QUERY_TIMEOUT`. The shipped default sandbox
            (`sandboxes/python3.11.7.toml`) has a wall-time limit of 600 seconds, the same 10 minutes.

            ```
            E_QUERY_TIMEOUT: the query ran longer than its time limit of 00:10:00 (servertimeout)
            hint: make it cheaper (filter early, summarize before joining), or raise the limit with `set servertimeout = 30m;` or `sandpiper query --timeout 30m`
            ```

            ### Folder databases

            - **Reading streams.** CSV and TSV files are scanned a megabyte at a time, field by field, in two passes
              (the header, field counts, UTF-8 and the inferred column types; then each field parsed straight into
              its column), and JSON Lines files line by line, so reading a file takes memory in proportion to the
              table it holds rather than to its text. Errors keep their `file:line`.
            - **Writes never brick a folder.** Every table and column name the writer accepts, the reader reads back:
              header names with spaces at their ends (or a byte-order mark at the start of the file) are quoted, and
              the writer reads each header back before writing and refuses anything else with `E_COMMAND` naming the
              column — an empty name, a table without columns, a table name that cannot be a file name here.
            - **A bad file stops only the queries that name it.** A file that cannot be read no longer stops the
              folder from opening: its table is unavailable, a query that names it fails with the file's `E_DATA`
              error (`file:line`), writes to it are refused, and `.drop table` removes it.

            ### Error codes

            | Code | Meaning |
            | --- | --- |
            | `E_QUERY_RESULT_SET_TOO_LARGE` | a result was truncated (a notice; the query succeeded) |
            | `E_QUERY_MEMORY` | an operator or function would pass the memory budget |
            | `E_QUERY_TIMEOUT` | the query ran past `servertimeout` |
            | `E_ARGUMENT` | a limit's `set` value has the wrong type or is out of range |
            | `E_LIMIT` | a graph operator found more matches, or walked more edges, than it allows; an analytics or pattern plugin passed one of its limits |
            | `E_COMMAND` | a write was refused because a name would not read back |
            | `E_DATA` | a folder file cannot be read (with `file:line`) |
            """###
        ),
        (
            "machine-learning.md",
            ###"""
            # Machine learning with python(): train once, predict later

            Applies to: Sandpiper (local engine), in the way Azure Data Explorer users do it. Every example on this
            page is run by `sandpiper conformance run docs/machine-learning.md --db DIR` (a fresh, empty `DIR`; the
            test suite does it in `PythonOutputCommandTests`) and each table is the expected result.

            Each `python()` call runs in a fresh sandboxed process that ends with the call. A model fitted in one
            query is therefore gone in the next one: the seed document's example that trains a
            `RandomForestClassifier` in one statement and calls `predict_proba` on a new, unfitted one in the next
            fails with scikit-learn's `NotFittedError`, in Sandpiper as in any engine (its conformance report says so,
            from `conformance/seed/000_6736e6bdba3218ce.expect.toml`). What works is to carry the model between
            queries as data:

            1. train in one `python()` call and return the model pickled and base64-encoded, as a string column;
            2. keep that row in a table of the database with `.set-or-append` (with `--db DIR` it is a file there);
            3. in a later query, read it back with `toscalar()` and pass it to the script in `kargs`, which unpickles
               it and predicts.

            The scripts below need scikit-learn, which the default sandbox (`sandboxes/python3.11.7.toml`) has.
            A pickled model runs only where the same library versions are installed: train and predict in the same
            sandbox.

            ## The training data

            A small data set with a known answer: `y = 3·x1 − 2·x2 + 5`, exactly.

            ```kusto
            range x1 from 1 to 20 step 1
            | extend x2 = x1 % 7
            | extend y = 3.0 * x1 - 2.0 * x2 + 5.0
            | take 3
            ```

            | x1 | x2 | y |
            |----|----|---|
            | 1 | 1 | 6 |
            | 2 | 2 | 7 |
            | 3 | 3 | 8 |

            ## Train and store the model

            The script fits a linear regression and returns one row: the model's name and the model itself, pickled
            and base64-encoded so that it is an ordinary `string`. `.set-or-append` creates the table `Models` on
            first use and appends the row; it answers with the new extent's id and row count.

            ~~~kusto
            .set-or-append Models <|
                range x1 from 1 to 20 step 1
                | extend x2 = x1 % 7
                | extend y = 3.0 * x1 - 2.0 * x2 + 5.0
                | evaluate python(typeof(Name:string, Model:string),
            ```
            import base64, pickle
            from sklearn.linear_model import LinearRegression

            model = LinearRegression().fit(df[["x1", "x2"]], df["y"])
            text = base64.b64encode(pickle.dumps(model)).decode("ascii")
            result = pd.DataFrame({"Name": ["linear"], "Model": [text]})
            ```
            )
            ~~~

            The model is now a row of the database like any other:

            ```kusto
            Models
            | project Name, Stored = strlen(Model) > 100
            ```

            | Name | Stored |
            |------|--------|
            | linear | true |

            ## Predict in a later query

            `toscalar()` reads the model's text into a scalar, and `bag_pack` hands it to the script as
            `kargs["model"]`. The script unpickles it and adds its predictions to the new rows.

            ~~~kusto
            let model = toscalar(Models | where Name == "linear" | take 1 | project Model);
            datatable(x1:long, x2:long)[21, 0, 22, 1, 30, 2]
            | evaluate python(typeof(*, Predicted:real),
            ```
            import base64, pickle

            model = pickle.loads(base64.b64decode(kargs["model"]))
            result = df
            result["Predicted"] = model.predict(df[["x1", "x2"]])
            ```
            , bag_pack("model", model))
            ~~~

            | x1 | x2 | Predicted |
            |----|----|-----------|
            | 21 | 0 | 68 |
            | 22 | 1 | 69 |
            | 30 | 2 | 91 |

            ## Check the model against its training data

            The same call over the training rows, and KQL to score it: the largest error is zero to the precision
            shown.

            ~~~kusto
            let model = toscalar(Models | where Name == "linear" | take 1 | project Model);
            range x1 from 1 to 20 step 1
            | extend x2 = x1 % 7
            | extend y = 3.0 * x1 - 2.0 * x2 + 5.0
            | evaluate python(typeof(*, Predicted:real),
            ```
            import base64, pickle

            model = pickle.loads(base64.b64decode(kargs["model"]))
            result = df
            result["Predicted"] = model.predict(df[["x1", "x2"]])
            ```
            , bag_pack("model", model))
            | summarize Rows = count(), MaxError = round(max(abs(Predicted - y)), 6)
            ~~~

            | Rows | MaxError |
            |------|----------|
            | 20 | 0 |

            ## Notes

            - Run the page against an empty folder: `.set-or-append` adds a row each time, and a second run would
              find two models (the prediction still takes one of them).
            - Without `--db`, what `.set-or-append` writes lasts for one `sandpiper query` command only, so the
              training and the prediction must then be statements of the same command.
            - A large model (many megabytes of pickle) travels into the script through `kargs` like any scalar; for
              one too large for that, write it to a file and pass it with `external_artifacts`.
            """###
        ),
        (
            "management.md",
            ###"""
            # Databases and management commands

            `sandpiper query` runs against the embedded sample database, or with `--db DIR` against a folder:

            ```
            DIR/
              Sales.csv             a table named Sales (also .tsv, .jsonl/.ndjson, .parquet, .arrow/.feather)
              functions/
                Twice.kql           a stored function named Twice
            ```

            A CSV or TSV file's header may give each column's type (`Id:long,Name:string,When:datetime`); without
            types they are inferred from the cells. Tables the commands write are CSV files with a typed header, so
            they read back with the same types; a table read from a `.parquet` (or Arrow) file is written back as Parquet (or Arrow). Every
            write replaces its file atomically (a temporary file, `fsync`,
            `rename`): a crash leaves the old or the new file, never a torn one.

            A folder forgives what a user's folder tends to hold:

            - A `.csv` file's delimiter is taken from its header line: `,`, `;`, tab or `|`, whichever occurs most
              outside quotes (a comma on a tie). `.tsv` files are tab-separated.
            - A file that cannot be read (malformed, empty) does not stop the others: its table is not loaded, a
              query that names it fails with the file's error (`file:line`), and other queries print one warning
              line for it on standard error. `--skip-bad-rows` reads such a CSV/TSV file anyway, leaving out the
              records with the wrong number of fields, invalid UTF-8 or a value that does not fit its declared type,
              and says how many it left out and where the first was. (A broken quote still refuses the file: where
              its records end is then unknown.)
            - `.show tables` lists, after the tables, the files that are not tables, with a `Note` column saying
              why: `not loaded: <the error>`, or `ignored: .xlsx is not a table format ...`.
            - `--db FILE` opens one `.csv`/`.tsv`/`.jsonl`/`.parquet`/`.arrow` file as a database of one table; commands may change
              that table but not add others, and stored functions last for the command.

            Without `--db`, commands write to the sample database in memory: what they write lasts for that one
            command (a script of several statements sees it), and the CLI says so on standard error.

            ## Commands

            | Command | Result |
            |---|---|
            | `.show tables` | `TableName`, `DatabaseName` |
            | `.show table T schema [as json]` | `TableName`, `Schema`, `DatabaseName`, `Folder`, `DocString` |
            | `.create table T (a:long, b:string)` | the table's schema |
            | `.drop table T [ifexists]` | the remaining tables |
            | `.ingest inline into table T [with (format=csv\|tsv\|json)] <\| data` | `ExtentId`, `RowCount` |
            | `.set`, `.append`, `.set-or-append`, `.set-or-replace T <\| query` | `ExtentId`, `RowCount` |
            | `.create function [ifnotexists] [with (...)] F(params) { body }` | `Name`, `Parameters`, `Body`, `Folder`, `DocString` |
            | `.create-or-alter function [with (...)] F(params) { body }` | the same |
            | `.alter function [with (...)] F(params) { body }` | the same; F must exist |
            | `.drop function F [ifexists]` | `Name` of the dropped function |
            | `.drop functions (F, G, ...) [ifexists]` | the remaining functions |
            | `.show functions`, `.show function F` | `Name`, `Parameters`, `Body`, `Folder`, `DocString` |
            | `.export [compressed] to csv\|tsv\|json\|parquet\|arrow (h@"path") [with (...)] <\| query` | `Path`, `NumRecords` |

            ## Parquet files

            A `.parquet` file in the folder is a table. Sandpiper reads what pyarrow, DuckDB, Spark and other
            writers produce: data pages v1 and v2, dictionary encoding, the DELTA and BYTE_STREAM_SPLIT encodings,
            uncompressed, snappy, gzip and zstd pages, any number of row groups. Columns take these KQL types:

            | Parquet | KQL |
            |---|---|
            | BOOLEAN | `bool` |
            | INT32, and integers of 8, 16 or 32 bits (unsigned 8 and 16 too) | `int` |
            | INT64, unsigned 32-bit integers | `long` (an unsigned 64-bit value past 2^63−1 is an `E_OUT_OF_RANGE` error) |
            | FLOAT, DOUBLE, FLOAT16 | `real` |
            | DECIMAL (on INT32, INT64 or bytes, up to 38 digits) | `decimal` |
            | TIMESTAMP of any unit, DATE, INT96 | `datetime` |
            | TIME of any unit | `timespan` |
            | STRING, ENUM | `string` |
            | JSON | `dynamic` |
            | UUID | `guid` |
            | other BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY (binary) | `string`, holding the bytes in base64 |
            | groups, LIST, MAP and repeated fields | `dynamic` (a property bag, an array, a bag keyed by the map's keys) |

            A damaged or hostile file is an `E_DATA` error naming the file and the byte where reading stopped
            (`data.parquet: byte 1234: ...`); other tables still load. Pages compressed with LZO, Brotli or LZ4, and
            column chunks kept in other files, are refused with an error that says so. A file may ask for at most
            256 MiB per page and 2^31 values in all.

            ## Arrow files

            A file in Arrow's IPC format is a table: the file format (`.arrow`, and `.feather`, which Feather
            version 2 is) and the stream format (`.arrows`). Sandpiper reads what pyarrow, DuckDB, pandas
            (`to_feather`) and other Arrow writers produce: any number of record batches, dictionary-encoded columns
            (delta dictionaries too), validity bitmaps, and buffers compressed with LZ4 (frame format) or zstd.
            Columns take these KQL types:

            | Arrow | KQL |
            |---|---|
            | Bool | `bool` |
            | Int8, Int16, Int32, UInt8, UInt16 | `int` |
            | Int64, UInt32, UInt64 | `long` (a UInt64 past 2^63−1 is an `E_OUT_OF_RANGE` error) |
            | Float16, Float32, Float64 | `real` |
            | Decimal of 32, 64, 128 or 256 bits (up to 38 digits) | `decimal` |
            | Timestamp of any unit and time zone, Date32, Date64 | `datetime` (the instant, in UTC) |
            | Time32, Time64, Duration of any unit | `timespan` |
            | Utf8, LargeUtf8, Utf8View | `string` |
            | Utf8 with the `arrow.json` extension | `dynamic` |
            | FixedSizeBinary(16) with the `arrow.uuid` extension | `guid` |
            | Binary, LargeBinary, BinaryView, FixedSizeBinary | `string`, holding the bytes in base64 |
            | List, LargeList, FixedSizeList, Struct, Map | `dynamic` (an array, a property bag, a bag keyed by the map's keys) |
            | Null | `dynamic` (every value null) |
            | a dictionary-encoded column | the type of its values |

            A damaged or hostile file is an `E_DATA` error naming the file and the byte where reading stopped; other
            tables still load. Interval, Union, RunEndEncoded and ListView columns, big-endian files and Feather
            version 1 files are refused by name with `E_UNSUPPORTED`. A buffer may be at most 2 GiB once decompressed.

            ## Export

            `.export to FORMAT (h@"path") <| query` writes the query's result to one local file and answers its path
            and row count, as ADX's `.export` does for each storage artifact. The path is a file, or a folder (an
            existing one, or a path ending in `/`) in which the file is named `export_1.csv` (`namePrefix` changes
            `export`, `fileExtension` the extension). It must lie under the working directory or the `--db` folder;
            connection strings to cloud storage are refused. Formats and properties follow ADX:

            - `csv` and `tsv` without a header line unless `includeHeaders="all"` (or `"firstFile"`); `json` writes one
              object per line. `compressed` gzips them (`.csv.gz`).
            - `parquet` writes snappy-compressed pages by default (`compressionType`: `snappy`, `gzip`, `zstd`, `none`),
              row groups of `parquetRowGroupSize` rows (100,000), datetimes as UTC timestamps in milliseconds unless
              `parquetDatetimePrecision="microsecond"`. `int` → INT32, `long` → INT64, `real` → DOUBLE, `decimal` →
              DECIMAL(38, 18), `guid` → UUID, `string` → STRING, `dynamic` → JSON; a `timespan` is an INT64 count of
              100-ns ticks (Parquet has no duration type), listed in the file's metadata so Sandpiper reads it back
              as `timespan`. pyarrow and DuckDB read the files (the tests check it).
            - `arrow` writes an Arrow IPC file (pyarrow, pandas and DuckDB read it as `.arrow` or `.feather`)
              in record batches of 65,536 rows, uncompressed by default (`compressionType`: `none` or `zstd`).
              `int` → Int32, `long` → Int64, `real` → Float64, `datetime` → Timestamp(nanosecond, UTC), `timespan` →
              Duration(nanosecond), `decimal` → Decimal128(38, 18), `guid` → FixedSizeBinary(16) with the
              `arrow.uuid` extension, `string` → Utf8, `dynamic` → Utf8 with the `arrow.json` extension (JSON text),
              so every type reads back exactly as it was.
            - The file is written atomically; a failure leaves no partial file.

            ## Stored functions

            A stored function is a named query with parameters, as a `let` function is within one query, kept in
            the database and callable from every later query (ADX's
            [`.create function`](https://learn.microsoft.com/azure/data-explorer/kusto/management/create-function)):

            ```sh
            sandpiper query --db ./data ".create function with (folder='Demo', docstring='Top states') TopStates(n:long) { StormEvents | summarize c = count() by State | top n by c }"
            sandpiper query --db ./data 'TopStates(3)'
            ```

            - Properties: `folder` and `docstring` (shown by `.show functions`), `skipvalidation=true` (store the
              function without binding it first; by default a body that names an unknown table, column or function,
              or calls itself, is refused with that error). `view=true` is not supported.
            - A function without parameters may be used like a table, without parentheses (`MyFunction | count`).
            - Names the query defines (`let`) hide stored functions of the same name; a stored function sees only
              other stored functions and the tables, never the names of the query that calls it.
            - In a folder, each function is the file `functions/<Name>.kql`, holding the `.create-or-alter function`
              command that recreates it. A file that cannot be read spoils only its own function: calling it gives the
              file's error with `file:line:column`, and `.create-or-alter function` replaces it. An error in a stored
              function's body points into that file.
            """###
        ),
        (
            "python.md",
            ###"""
            # python(): files out, and errors you can act on

            The [README](../README.md#the-python-plugin) describes the plugin's two syntaxes and its type mapping,
            [`machine-learning.md`](machine-learning.md) how to keep a trained model between queries, and
            [`limits.md`](limits.md) the query limits a script runs under. This page covers what a script leaves
            behind: the files it writes, and the errors it raises.

            ## Files out of python()

            A script runs in a working folder of its own, inside the sandbox, that is removed when the call ends.
            Everything it writes under `outputs/` in that folder (the folder exists when the script starts) is copied
            out after the call, keeping sub-folders:

            ```sh
            sandpiper query -f plot.kql                          # into ./sandpiper-output/<query-id>/
            sandpiper query -f plot.kql --python-output figures  # into ./figures/
            ```

            ~~~kusto
            range x from 1 to 50 step 1
            | python()
            ```python
            import matplotlib.pyplot as plt
            df.to_csv('outputs/input.csv', index=False)
            plt.plot(df['x'], np.sqrt(df['x']))
            plt.show()              # saves every open figure as outputs/figure-N.png
            result = df
            ```
            ~~~

            - `plt.show()` saves each open figure as `outputs/figure-<number>.png` (`figure-1-2.png` when that name
              is taken) and closes it: matplotlib runs with its non-interactive Agg backend in the sandbox, through a
              small backend of Sandpiper's (`module://_sandpiper_figures`, set in `MPLBACKEND`). `plt.savefig('outputs/x.svg')`
              works too.
            - The default folder is `./sandpiper-output/<query-id>/`, where the query id is the command's start time
              (UTC) and process id (`20261207-184501-4242`), so runs never mix their files. The folder is made only
              when a file comes. A file of the same name as one already there replaces it.
            - The table, csv and markdown forms list the files on standard error (`python(): 2 files written:` and a
              path per line); `--format json` adds a line `{"python_files":["figures/figure-1.png",...]}` after the
              result table's line.
            - Limits, per call: at most **100 files** and **32 MiB** in all. Only regular files and folders are copied:
              a symbolic link, a pipe, a socket or a device under `outputs/` is refused, as is a file name that is not
              UTF-8 or holds a control character. Past a limit, or with such a file, the call fails with
              `E_PYTHON_OUTPUT` and no file of it is written.
            - Nothing is ever written outside the output folder: the engine checks each path the sandbox reports
              (relative, no `..`), writes each file to a temporary name beside its target and renames it into place
              (no half-written file is left, even on a full disk; a failure removes the files of that call already
              written), refuses a file or link where a sub-folder must go, and replaces, never follows, a link that
              stands where a file goes.
            - `sandpiper serve` never writes files for its remote clients: a script's `outputs/` files are dropped, and
              the script's output (the `QueryStatus` the client receives) says `python(): the script wrote N files under
              outputs/ (...); they were dropped: sandpiper serve writes no files for its remote clients`. Dropping, not
              failing, is what ADX does with a script's files, so queries written for ADX run unchanged.
              `sandpiper conformance run` drops them the same way.

            ## Errors you can act on

            A script that raises or does not compile is `E_PYTHON`. The error points at the query file's line where the
            failing line of the script is, with `file:line:column` and a caret, and its hint is Python's traceback:

            ```
            E_PYTHON: model.kql:14:1: KeyError: "None of [Index(['pressure'], dtype='object')] are in the [columns]"
              result = df[['pressure']]
              ^^^^^^^^^^^^^^^^^^^^^^^^^
            hint: Traceback (most recent call last):
              File "model.kql", line 14, in <module>
                result = df[['pressure']]
              [3 frames in pandas; --verbose shows them]
            KeyError: "None of [Index(['pressure'], dtype='object')] are in the [columns]"
            ```

            - The script is compiled as the query file (`<query>` for a query given on the command line) with its
              lines counted where they stand in it, so Python's own line numbers are the file's, and the traceback
              shows your source lines. This holds for a script written verbatim: between lines of three backticks
              after `python()`, as a ```` ``` ```` string argument, or in `r'''...'''`; and for a one-line string.
              A script whose lines come from escapes (`'a = 1\nb = a / 0'`) or from a `let` elsewhere keeps Python's
              `<script>` lines; the error then points at the call and says `(script line N)`.
            - Frames inside libraries (pandas, numpy, the standard library) are folded into one line per run that
              names the packages; `sandpiper query --verbose` shows the whole traceback, chained exceptions included.
            - Markdown documents run by `sandpiper conformance run` report positions within the example's query.
            - What the script printed (stdout and stderr, in order) is kept with its error, under
              `--- python output before the script stopped ---` at the end of the hint: when it raised, and also when
              it was stopped before it could answer (its time limit, `E_SANDBOX_TIMEOUT`; its memory ceiling,
              `E_SANDBOX_KICKOUT`; Ctrl-C, `E_CANCELLED`; a crash). The query's child writes the output, as it is
              printed, into a small memory file of the query that the engine reads once the child's processes are
              gone (at most 2 MiB; the reply of a script that finishes carries the first 1 MiB of each stream).
            """###
        ),
        (
            "repl.md",
            ###"""
            # The interactive shell

            `sandpiper` with no arguments on a terminal, or `sandpiper shell`, opens a prompt where you type KQL and
            see each result as you go, over one engine for the whole session:

            ```
            $ sandpiper shell --db ./data
            Sandpiper shell: folder ./data (Sales, Customers). Type a query and a blank line (or end it with ;) to run it;
            .help lists the commands; Ctrl-C stops a query, Ctrl-D or .quit leaves.
            kql> Sales
              -> | summarize total = sum(Amount) by bin(SaleDate, 7d)
              -> | render timechart;
            ...
            render timechart: chart written to sandpiper-charts/20261207-183012-1-timechart.svg
            (0.041 s)
            kql> .quit
            ```

            ## Typing queries

            A query may span lines, as in Kusto Explorer's query window: a **blank line** or a line **ending in `;`**
            runs what was typed since the last one. A line ending in `;` that only finishes a `let`, `set`, `declare`
            or `alias` statement does not run anything yet: those statements lead to the query after them, so

            ```
            kql> let threshold = 100;
              -> Sales | where Amount > threshold;
            ```

            runs once, as one query. Management commands (`.show tables`, `.create table`, `.create function`,
            `.set-or-append`, ...; see [management.md](management.md)) are KQL too and run the same way.

            Editing is libedit's (Debian's `libedit-dev`): arrow keys, Ctrl-A/Ctrl-E, Ctrl-R to search the history,
            and your `~/.editrc` for key bindings (the program name is `sandpiper`). Each statement run is added to
            the history, which is kept in `~/.sandpiper_history` (`$SANDPIPER_HISTORY` names another file; empty
            keeps none) and read back by the next session.

            **Tab** completes: after a `|` the operators Sandpiper implements (`summarize`, `mv-expand`, ...);
            elsewhere the database's tables, the columns of the tables the query names (of every table when it
            names none), the functions of the function registry (the same list as [support.md](support.md)) and
            the stored functions; at the start of a line beginning with `.`, the shell's commands.

            ## Shell commands

            A line whose first word is one of these speaks to the shell, not to the engine:

            | command | what it does |
            | --- | --- |
            | `.quit`, `.exit` | leave the shell (Ctrl-D on an empty line does too) |
            | `.help` | list these commands |
            | `.timer on\|off` | print each query's elapsed time under its result (on by default on a terminal; in json the statistics line carries it) |
            | `.format table\|csv\|json\|markdown` | how results print, as `sandpiper query --format`: json has the same `{"visualization":...}` line after a table that ends in `render` and `{"statistics":...}` line after each query |
            | `.db DIR` | query the folder DIR (or one table file) from now on, as `--db`; `.db sample` goes back to the embedded sample database; `.db` alone names the current one |
            | `.chart svg\|png\|html\|vl.json\|off` | the format `render` charts are written in (svg by default); `off` writes none |
            | `.width N` | the widest table the table format prints (0: no limit; by default the terminal's width) |
            | `.rows N` | the rows of each result the table format prints (0: all; 40 by default) |

            A bad argument is reported as `E_SHELL_COMMAND` with what to type instead; the session goes on.

            ## Charts

            A query that ends in `render` prints its table and writes its chart into the chart folder
            (`sandpiper-charts/` in the current directory, or `--chart-dir DIR`), one file per chart named after the
            session's start, its number and the visualization kind, and prints the path:

            ```
            render columnchart: chart written to sandpiper-charts/20261207-183012-2-columnchart.svg
            ```

            The charts are the ones `sandpiper query --chart FILE` draws ([charts.md](charts.md)): SVG drawn by
            Sandpiper, PNG through `rsvg-convert`, a self-contained HTML page, or a Vega-Lite specification.

            ## python() stays warm

            The session's engine keeps its sandboxes' workers between queries. The first `python()` call of a
            sandbox starts its worker (CPython, numpy and pandas loaded); every later call forks a child from that
            warm worker, so it costs milliseconds, not a cold start. `sandbox policy --initialize-on-startup`
            starts the worker when the shell starts instead.

            ## Ctrl-C

            Ctrl-C stops the running query, whatever it is doing, and the prompt comes back: the query fails with
            `E_CANCELLED`, printed within half a second. The engine checks the cancellation between operators and
            every 65,536 rows of its long loops (functions over a large table, which run a block of rows at a time,
            the grouping of `summarize`, `distinct` and `join`, join probes, sorts, `dcount`, `mv-expand`,
            `make-series`, graph matching, `scan`, `range`); a `python()` script is stopped at once with
            every process it started, and the sandbox's worker stays warm for the next query. Should the engine be
            inside a long step when the half second is up, the error is printed anyway and the query is left to stop
            at its next check, its result unused. Ctrl-C at the prompt does nothing; SIGTERM ends the shell.

            `sandpiper query` does the same for a single query: Ctrl-C prints `E_CANCELLED` and the command ends
            with the signal's status.

            ## Without a terminal

            When standard input is not a terminal, `sandpiper shell` reads the same syntax from it without prompts,
            a banner or completion: queries end at a blank line or `;`, shell commands work, every error is printed
            and the next query still runs, and the exit status is 1 when any query or command failed.

            ```
            $ printf 'print x = 1;\n.format csv\nStormEvents | count;\n' | sandpiper shell
            ```

            `sandpiper` alone with standard input or output redirected prints its usage, as before; name `shell` to
            read queries from a pipe.

            ## Tables for a terminal

            The table format prints the first 40 rows of each result and counts the rest (`--max-rows N` or
            `.rows N`; 0 for all), cuts cells at 48 characters (`--max-width N`), and on a terminal fits the table
            to the terminal's width: the widest columns are cut first (with `…`), then the columns that still do
            not fit are left out, and a line under the table says so and how to see everything. `--max-width 0`
            turns both off; in the shell `.width 0` turns off the fitting. Output that goes to a pipe or a file is
            never fitted.
            """###
        ),
        (
            "scale-out.md",
            ###"""
            # Scaling out: from Sandpiper to an ADX cluster or the Kusto emulator

            Sandpiper is one process on one machine: one engine, one supervisor, the warm python() workers of each
            sandbox. `sandpiper serve` lets many clients share it. When one machine is no longer enough, the same
            queries, documents and case files move to a Kusto endpoint — an Azure Data Explorer cluster, or the
            Kusto emulator (the engine ADX runs, in a container) — and the same tools check that they answer alike.

            ## When to move

            - **Data larger than memory.** Sandpiper keeps tables in memory (columns, memfds); a `--db` folder is
              read whole. ADX stores compressed, indexed extents and reads only what a query needs.
            - **Ingestion as it happens.** Sandpiper's `.ingest inline`, `.set-or-append` and folder files suit
              batches; streaming or queued ingestion, update policies and retention are ADX's.
            - **More cores than one machine has.** Sandpiper runs operators on one thread per query and spreads
              `python()` partitions over this machine's cores; ADX distributes a query over its nodes.
            - **Many users with identities.** `sandpiper serve` knows one bearer token; ADX has Entra ID, roles,
              row-level security and auditing.

            Stay on Sandpiper while a laptop or a single server holds the data, for tests and CI (no cluster to keep),
            for confined Python runs with your own sandboxes, and offline.

            ## The same checks against both

            Every document and case file that checks Sandpiper runs against any endpoint:

            ```
            sandpiper conformance run conformance/engine --target https://CLUSTER.kusto.windows.net \
                --target-database DB --token-file token.txt          # or $SANDPIPER_KUSTO_TOKEN
            sandpiper conformance run conformance/engine --target http://127.0.0.1:8080   # sandpiper serve
            ```

            Queries go to `/v2/rest/query`, commands to `/v1/rest/mgmt`; results are read back cell by cell and
            judged exactly as the embedded engine's are; errors keep their catalogued code when the endpoint sends
            one (`sandpiper serve` does), else they are `E_ENDPOINT`. A case file's `now` line travels as the request
            option `query_now`. What the endpoint holds is its own: case files that read the sample tables expect an
            endpoint holding them (`sandpiper serve` without `--db`, started with the same `--now` for files that pin
            the clock), and tables one file creates stay for the next, unlike the fresh database each file gets
            locally.

            `sandpiper bench engine --target URL` builds the benchmark's tables on the endpoint
            (`.set-or-replace events|logs|sparse|l|r|lm|rm <| range ...`, the same formulas) and times the same queries there, still
            checked against DuckDB's answers. `sandpiper bench serve [--target URL]` measures queries per second and
            p50/p99 latency under 1, 8 and 64 concurrent clients.

            ## What maps to what

            | Sandpiper | ADX cluster / emulator |
            |---|---|
            | `sandpiper serve` on one machine | the cluster's query endpoint (`https://CLUSTER.kusto.windows.net`) |
            | sandbox policy `memory-mb` | `MaxMemoryMbPerSandbox` of the cluster's sandbox policy |
            | `cpu-percent` | `MaxCpuRatePerSandbox` |
            | `pool-size` (workers per sandbox at once) | `TargetCountPerNode` (per node: multiply by the nodes) |
            | `initialize-on-startup` | `InitializeOnStartup` |
            | `timeout-seconds` | bounded by the query's `servertimeout` |
            | a registered sandbox (`sandpiper sandbox build`) | the cluster's Python image, plus packages as `external_artifacts` |
            | `evaluate hint.distribution = per_node python(...)`: one partition per core of this machine, each in its own worker, results unioned | one partition per node, each node running its share in its own sandbox, results unioned |
            | `hint.distribution = single` | one sandbox on one node |
            | E_SANDBOX_THROTTLED / HTTP 429 when every slot of a sandbox is busy | HTTP 429 when the cluster is out of capacity |

            A script written for `per_node` must not assume which rows a partition gets, on either side: Sandpiper
            splits by row ranges, ADX by data shards. Scripts that compute per-partition results and combine them
            with a later `summarize` give the same answer on both.
            """###
        ),
        (
            "serve.md",
            ###"""
            # `sandpiper serve`: a Kusto endpoint on this machine

            `sandpiper serve` runs one engine (with its warm python() workers) behind the Kusto REST API, so the
            clients people already use with Azure Data Explorer connect to it unchanged.

            ```
            sandpiper serve [--db DIR] [--listen 127.0.0.1:8080] [--token-file FILE] [--cors-origin ORIGIN]...
                            [--tls-cert FILE --tls-key FILE] [--max-request-bytes N] [--max-response-bytes N] [--max-concurrent-queries N]
                            [--unsafe-no-sandbox] [--artifacts DIR]...
            ```

            It prints `sandpiper serve: listening on http://127.0.0.1:8080, database 'NAME'` (`https://` with
            `--tls-cert`) once the socket is bound (`--listen 127.0.0.1:0` picks a free port). Without `--db` it serves the embedded sample database
            (`Events`, `StormEvents`, `Customers`, `Sales`) under the name `Sandpiper`; with `--db DIR` the folder's
            tables under the folder's name. Requests may name that database, `default` or `NetDefaultDB`. Ctrl-C or
            SIGTERM stops it, its queries and every sandbox process.

            ## Endpoints

            | Request | Answer |
            |---|---|
            | `POST /v2/rest/query` | v2 frames: `DataSetHeader`, `@ExtendedProperties` (`QueryProperties`; a `Visualization` row per result that ends in `render`, whose `TableId` is that result's), one `PrimaryResult` per tabular statement, `QueryCompletionInformation`, `DataSetCompletion`. With the option `results_progressive_enabled`, each result is `TableHeader`, `TableFragment`, `TableCompletion`. |
            | `POST /v1/rest/query` | v1 `{"Tables":[...]}`: the results, `@ExtendedProperties`, `QueryStatus` and the table of contents (`Ordinal, Kind, Name, Id, PrettyName`). |
            | `POST /v1/rest/mgmt` | v1 with exactly one table, the command's. |
            | `GET /v1/rest/auth/metadata` | `{"AzureAD":null,"dSTS":null}`: no sign-in. |
            | `GET /v1/rest/ping` | 200. |
            | `OPTIONS` any of them | CORS preflight (below). |

            The body is `{"db": "...", "csl": "...", "properties": ...}`; `properties` may be a JSON object or a
            string holding one. From it: `Options` that are query limits (`truncationmaxrecords`,
            `truncationmaxsize`, `notruncation`, `query_take_max_records`, `maxmemoryconsumptionperiterator`,
            `servertimeout` as `00:10:00` or `10m`) apply as `set` would apply them (docs/limits.md);
            `Parameters` fill `declare query_parameters(...)` (a string parameter's value is the text itself, any
            other type's a KQL literal such as `10`, `datetime(2024-01-01)`, `dynamic([1,2])`, as ADX defines them);
            `ClientRequestId` is echoed when no header gave one. Unknown fields and options are ignored.

            Every answer carries `x-ms-client-request-id` (the client's, or a new one) and a new `x-ms-activity-id`.

            ### Management commands

            The commands clients send when they connect answer with ADX's column sets (the management reference
            pages): `.show version`, `.show cluster`, `.show databases`, `.show databases entities`,
            `.show database X schema` (one row per database, table and column, types as .NET names),
            `.show database X schema as json`, `.show databases (X, ...) schema as json`,
            `.show databases schema as json`, `.show tables`, `.show table T schema [as json]`, `.show functions` and
            `.show materialized-views` (empty: a database here holds neither), and any of them followed by query
            operators (`.show tables | where TableName startswith "S"`). They work in `sandpiper query` too.

            ### Errors

            A request that fails is answered with an HTTP status and ADX's OneApiErrors body,
            `{"error":{"code","message","@type","@message","@context","@permanent","innererror":{"code":"E_..."}}}`,
            where `innererror.code` is the catalogued code ([errors.md](errors.md)) and `@message` the full message
            with line:column and hint. Query mistakes are 400 (`General_BadRequest`, permanent), a missing or wrong
            token 401, a body or answer over the limits 413 (`E_REQUEST_TOO_LARGE`), a python() call that finds no
            free slot in its sandbox's pool 429 (`E_SANDBOX_THROTTLED`, not permanent: azure-kusto-data raises
            `KustoThrottlingError`), a timeout 504, a sandbox failure 5xx. A truncated result is answered 200 with
            the rows kept, an in-data error row and `HasErrors: true`, which is how ADX reports a partial result
            (azure-kusto-data raises it).

            ## Security and limits

            - Loopback only by default. Any other `--listen` address is refused unless `--token-file` names a file
              holding a token; every request (but CORS preflights, ping and auth metadata) must then send
              `Authorization: Bearer <token>`, compared in constant time. A token sent over plain HTTP can be
              read by anyone on the path: serve HTTPS with it.
            - `--tls-cert FILE --tls-key FILE` serve HTTPS (TLS 1.2 and 1.3, through SwiftNIO SSL): the first file
              holds the server's PEM certificate and any intermediates, the second its unencrypted PEM private key.
              Both are read and checked against each other at start (`E_TLS` otherwise). A client must trust the
              certificate: for a self-signed one, azure-kusto-data (requests) takes `REQUESTS_CA_BUNDLE=cert.pem`,
              curl `--cacert cert.pem`. azure-kusto-data refuses `with_no_authentication` for an `https://` URL:
              give the server a `--token-file` and the client `with_token_provider(url, lambda: TOKEN)`. One for loopback:
              `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 365 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout key.pem -out cert.pem`.
            - `--max-request-bytes` (16 MiB) and `--max-response-bytes` (256 MiB) bound what is read and written;
              the engine's own truncation (500,000 records, 64 MB) usually cuts a result first.
            - `external_artifacts` are read only beneath the `--db` folder and the `--artifacts` folders.
            - The server writes no files for its clients: what a python() script writes under `outputs/` is dropped,
              and its output says so ([`python.md`](python.md#files-out-of-python)).
            - Engine work runs on at most `--max-concurrent-queries` threads (twice the cores), never on the event
              loop; more queries wait. python() calls share the warm workers, each sandbox's pool sized by its policy
              (`TargetCountPerNode`, `MaxMemoryMbPerSandbox`).
            - A client that disconnects (or cancels its request, which closes its connection) cancels its query: it
              stops with `E_CANCELLED` at the next point where the engine checks its deadline, and a python() script
              that is running is killed with every process it started within a fraction of a second (the supervisor
              asks the request's cancellation every 0.1 s while it waits for the script, and tears the query's tree
              down as Ctrl-C does in the CLI); its memfds and pool slot are given back.

            ## Connecting each client

            **azure-kusto-data** (Python):

            ```python
            from azure.kusto.data import KustoClient, KustoConnectionStringBuilder
            from azure.kusto.data.helpers import dataframe_from_result_table
            client = KustoClient(KustoConnectionStringBuilder.with_no_authentication("http://127.0.0.1:8080"))
            df = dataframe_from_result_table(client.execute_query("Sandpiper", "StormEvents | take 10").primary_results[0])
            client.execute_mgmt("Sandpiper", ".show tables")
            ```

            With `--token-file`, use `KustoConnectionStringBuilder.with_token_provider(url, lambda: TOKEN)`.
            `Tests/ServerTests/Clients/azure_kusto_data_check.py` is a complete, tested example.

            **kqlmagic** (Jupyter):

            ```
            %reload_ext Kqlmagic
            %kql azuredataexplorer://anonymous;cluster='http://127.0.0.1:8080';database='Sandpiper'
            %kql StormEvents | summarize count() by State | top 5 by count_ | render barchart
            df = _kql_raw_result_.to_dataframe()
            ```

            On connecting, kqlmagic's schema popup sends `.show database ['Sandpiper'] schema`; `render` gives a
            plotly figure (`-popup_window -plotly_fs_includejs` writes it as a page with plotly.js inside, for use
            offline). kqlmagic's last release (0.1.114.post26) needs two pins on current Python packages:
            `prettytable==3.11.0` (3.12 turned the style constants it looks up in the module's `__dict__` into an
            enum: every table fails with `KeyError: 'DEFAULT'`) and `matplotlib==3.8.4` (it calls
            `matplotlib.cm.get_cmap`, removed in 3.9: every chart fails). Tested with Python 3.11, pandas 2.2.3,
            plotly 7.1.0, ipykernel 7.4.0 and nbclient 0.11.0 (`Tests/ServerTests/Clients/requirements.txt`).
            To keep it off the network, set
            `KQLMAGIC_CONFIGURATION="check_magic_version=False;show_what_new=False"` (else it asks PyPI for news
            when loaded).

            **ADX web UI** (https://dataexplorer.azure.com): *Add connection*, URI `http://127.0.0.1:8080`. The
            page is served from a public origin and calls a loopback address, so the server answers CORS for that
            origin and Chrome's private-network preflight (`Access-Control-Allow-Private-Network`). Another origin
            (a self-hosted copy of the UI) needs `--cors-origin https://that.host`.

            **Kusto Explorer** (Windows): *Add connection*, connection string
            `Data Source=http://HOST:8080;Initial Catalog=Sandpiper;AAD Federated Security=False`.

            **curl**:

            ```
            curl -s http://127.0.0.1:8080/v2/rest/query -H 'Content-Type: application/json' \
                 -d '{"db":"Sandpiper","csl":"print x = 1"}'
            ```

            ## Tests

            `swift test --filter ServerTests` runs the endpoints in process (`V2QueryTests`, `V1AndEndpointTests`,
            `ServerPartsTests`, `DisconnectTests` for cancellation and keep-alive, `ConnectSequenceTests` replaying the
            web UI's and Kusto Explorer's connect commands with their CORS preflights — reconstructed from the
            commands they are documented to send, not captured from the real programs) and the real clients against
            them (`RealClientTests`: azure-kusto-data over HTTP and HTTPS, and kqlmagic in a Jupyter kernel run
            headless by nbclient, `Clients/kqlmagic_check.py`; their venv, `.build/sandpiper-serve-clients`, is built
            from `Tests/ServerTests/Clients/requirements.txt` by `scripts/test`, or by the test itself when missing,
            and rebuilt when that file changes). The management commands are case files in
            `conformance/engine/commands/show_service.kqltest`.

            `sandpiper conformance run --target URL` is tested against a running `sandpiper serve` in
            `Tests/sandpiperTests/ServeCommandTests.swift`, and so are HTTPS (`servesHTTPSWithTheGivenCertificate`,
            with curl and a certificate made by openssl in the test; `RealClientTests.azureKustoDataOverTLS` runs the
            azure-kusto-data check over HTTPS), a python() script stopped when its client leaves
            (`aClientThatLeavesStopsItsPythonScript`: processes and memfds back to the warm baseline;
            `DisconnectTests.closingTheConnectionCancelsTheQuery` in process) and the comparison of two endpoints.

            ## Comparing two endpoints

            `sandpiper conformance run --target A --target B PATH...` runs every example of the documents and every
            record of the case files on both endpoints and compares their answers with each other, cell by cell
            (rows in order when the query fixes one, else both sorted; cells as the conformance runner compares a
            document's cell, with A's value as the expected text; two failures are equal when their codes are). One
            line per query: `equal` with what both answered, or `differs` with the first difference (`row 3, column
            'x': A 1.5, B 1.6`, a column list, a row count, or one side's error); `--format json` gives one object
            per query. Exit status 1 when any query differs. Both use `--target-database` and the same token.

            ## Measuring

            - `sandpiper bench serve [--target URL] [--clients 1,8,64] [--requests 500]`: queries per second and
              p50/p99 latency for `print`, a summarize over 10,000 rows and a one-row `python()`, at each client
              count, from a bounded loopback load generator; every answer is checked, and the machine's load average
              is printed with the table (numbers from a busy machine say little).
            - `scripts/serve-leak-check [--requests 10000]`: mixed requests (answers, failing queries and scripts,
              unknown databases, clients that disconnect mid-query) against a `sandpiper serve` it starts, then the
              server's descriptors, memfds and descendant processes compared with a warmed-up baseline.
            """###
        ),
        (
            "time-series.md",
            ###"""
            # Time series and sketches

            KQL turns rows into series and analyses them without leaving the query: `make-series` lays each group out
            on a regular axis, the `series_*` functions fill, filter, fit and decompose those arrays, and the sketches
            (`dcount`, `percentiles`, `hll`, `tdigest`) estimate over many rows. This page walks a new user from raw
            rows to flagged anomalies and on to `python()` for what KQL lacks, then describes how the engine implements
            it and where it had to choose. Every example on the page is run and compared with the table under it by
            `sandpiper conformance run docs/time-series.md` (the test `ConformanceRunTests.timeSeriesGuideMatches`).

            ## Walkthrough: from rows to anomalies

            ### 1. Rows become series

            Requests arrive as rows with a timestamp. `make-series` gives each service one row whose `total` is an
            array with one element per hour from `from` up to (not including) `to`, and whose `t` lists the hours.
            An hour without rows takes the `default=` (0 when none is given; here null, so the gaps stay visible):

            ```kusto
            datatable(service:string, t:datetime, requests:real) [
                "api", datetime(2026-01-01 00:00), 10, "api", datetime(2026-01-01 00:20), 5,
                "api", datetime(2026-01-01 01:10), 12, "api", datetime(2026-01-01 03:00), 11,
                "web", datetime(2026-01-01 00:30), 7, "web", datetime(2026-01-01 02:45), 8]
            | make-series total = sum(requests) default = real(null) on t from datetime(2026-01-01) to datetime(2026-01-01 04:00) step 1h by service
            ```

            | service | total | t |
            |---|---|---|
            | api | [15, 12, null, 11] | ["2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "2026-01-01T03:00:00Z"] |
            | web | [7, null, 8, null] | ["2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "2026-01-01T03:00:00Z"] |

            `make-series` also takes several aggregates (each with its own `default=`), several `by` columns,
            `kind=nonempty` (a row of defaults for an empty input) and the older `in range(start, stop, step)` form,
            whose stop is inclusive and whose bins come from `bin()`.

            ### 2. Gaps are filled

            `series_fill_linear` draws a straight line across each gap and, at the ends, repeats the nearest value;
            `series_fill_forward`, `series_fill_backward` and `series_fill_const` are the other choices:

            ```kusto
            datatable(service:string, t:datetime, requests:real) [
                "api", datetime(2026-01-01 00:00), 10, "api", datetime(2026-01-01 00:20), 5,
                "api", datetime(2026-01-01 01:10), 12, "api", datetime(2026-01-01 03:00), 11,
                "web", datetime(2026-01-01 00:30), 7, "web", datetime(2026-01-01 02:45), 8]
            | make-series total = sum(requests) default = real(null) on t from datetime(2026-01-01) to datetime(2026-01-01 04:00) step 1h by service
            | project service, filled = series_fill_linear(total)
            ```

            | service | filled |
            |---|---|
            | api | [15, 12, 11.5, 11] |
            | web | [7, 7.5, 8, 8] |

            ### 3. Anomalies are flagged

            `series_decompose_anomalies(y, threshold, seasonality, trend)` splits a series into a seasonal part (the
            median of the points in the same phase of the period), a trend (`avg`, `linefit` or `none`) and a residual,
            and flags the points whose residual lies beyond Tukey's fence: `1` above, `-1` below, `0` elsewhere. Here
            the pattern repeats every 4 points (a seasonality of -1, the default, asks the function to detect the
            period), there is no trend, and the threshold is the usual 1.5. The baseline is what the decomposition
            expected; point 9 is 100 above it:

            ```kusto
            let hourly = datatable(t:long, v:real) [0, 10.0, 1, 20.0, 2, 30.0, 3, 40.0, 4, 10.0, 5, 20.0, 6, 30.0, 7, 40.0, 8, 10.0, 9, 120.0, 10, 30.0, 11, 40.0];
            hourly
            | make-series y = avg(v) on t from 0 to 12 step 1
            | extend (flag, score, baseline) = series_decompose_anomalies(y, 1.5, 4, 'none')
            | project flag, baseline
            ```

            | flag | baseline |
            |---|---|
            | [0,0,0,0,0,0,0,0,0,1,0,0] | [10,20,30,40,10,20,30,40,10,20,30,40] |

            `series_decompose` returns the parts themselves, `series_decompose_forecast` extends the baseline past the
            end, `series_outliers` scores any series, and `series_periods_detect` finds the periods.

            ### 4. Back to rows

            `mv-expand` turns the arrays back into one row per point, so the anomalies can be listed, joined or alerted on:

            ```kusto
            let hourly = datatable(t:long, v:real) [0, 10.0, 1, 20.0, 2, 30.0, 3, 40.0, 4, 10.0, 5, 20.0, 6, 30.0, 7, 40.0, 8, 10.0, 9, 120.0, 10, 30.0, 11, 40.0];
            hourly
            | make-series y = avg(v) on t from 0 to 12 step 1
            | extend (flag, score, baseline) = series_decompose_anomalies(y, 1.5, 4, 'none')
            | mv-expand t to typeof(long), y to typeof(real), baseline to typeof(real), flag to typeof(int)
            | where flag != 0
            | project t, y, baseline, flag
            ```

            | t | y | baseline | flag |
            |---|---|---|---|
            | 9 | 120 | 20 | 1 |

            ### 5. What KQL lacks: `python()`

            KQL's filters are linear (`series_fir`, `series_iir`); a moving median, a LOESS decomposition (STL) or a
            Holt-Winters forecast is a few lines of pandas or statsmodels, both in the default sandbox. `python()`
            receives each series as a list in `df` and returns the columns its `typeof(...)` declares:

            ```kusto
            let hourly = datatable(t:long, v:real) [0, 10.0, 1, 20.0, 2, 30.0, 3, 40.0, 4, 10.0, 5, 20.0, 6, 30.0, 7, 40.0, 8, 10.0, 9, 120.0, 10, 30.0, 11, 40.0];
            hourly
            | make-series y = avg(v) on t from 0 to 12 step 1
            | evaluate python(typeof(*, smooth:dynamic))
            | project smooth
            ```
            ```python
            import pandas as pd
            result = df
            result["smooth"] = [pd.Series(y).rolling(3, center=True, min_periods=1).median().tolist() for y in df["y"]]
            ```

            | smooth |
            |---|
            | [15,20,30,30,20,20,30,30,40,30,40,35] |

            The median of each point and its neighbours drops the spike at point 9 (120 becomes 30).

            ### 6. How fast

            `sandpiper bench series` times `make-series` + `series_decompose_anomalies` over generated hourly series
            against the same analysis in pandas/numpy and in statsmodels (see [Benchmarks](#benchmark-make-series-and-anomalies)).

            ## How it is built

            `Sources/SeriesAnalysis` holds the algorithms behind KQL's `series_*` functions and the distinct-count
            and percentile sketches, so that each KQL function is a thin wrapper: convert the dynamic arguments
            once, call one library function, turn the answer into KQL values. The library imports only Columnar
            (for `CodedError`); it knows nothing of the engine. Its tests (`Tests/SeriesAnalysisTests`) take their
            expected numbers from the ADX pages' examples, or derive them by hand from the algorithm the page
            describes.

            The engine's wrappers live in `Sources/KQLEngine/Functions/Scalar/Series` (every `series_*` function,
            listed in `SeriesFunctions.all`), `Functions/Scalar/Sketch` and `Functions/Aggregate/Sketch` (the sketch
            functions and the aggregates `hll`, `hll_if`, `hll_merge`, `tdigest`, `tdigest_merge`, `dcount(if)`,
            `percentile(s)`, `percentiles_array`, `percentilew`, `percentilesw`, `percentilesw_array`) and
            `Plugins/Analytics` (`activity_counts_metrics`, `activity_metrics`, `new_activity_metrics`, `activity_engagement`,
            `active_users_count`, `session_count`, `sliding_window_counts`, `funnel_sequence`, `funnel_sequence_completion`,
            `sequence_detect`, `rolling_percentile`, `dcount_intersect`, `narrow`) and `Plugins/Patterns` (`basket`,
            `autocluster`, `diffpatterns`, `diffpatterns_text`; see [Pattern plugins](#pattern-plugins)).
            Their behaviour is tested by the case files `conformance/engine/functions/series/*.kqltest`,
            `conformance/engine/functions/sketches.kqltest`, `conformance/engine/operators/make-series.kqltest` and
            `conformance/engine/plugins/*.kqltest` (one per plugin, with error cases and inputs of a million rows).

            ### Functions that return several columns

            `series_fit_line`, `series_fit_2lines`, `series_fit_poly`, `series_stats`, `series_decompose`,
            `series_decompose_anomalies`, `series_periods_detect`, `series_periods_validate`, `series_fft` and
            `series_ifft` return several columns, and, as their pages say, cannot be an argument of another function
            (`E_TYPE`). Alone as an `extend`, `project` or `print` item they expand: `extend (a, b) = f(x)` names the
            first components and `extend` keeps only those, while `project` keeps the rest under default names;
            `extend f(x)` names every component `f_x_<component>` (`series_fit_2lines_x_rsquare`), with an empty middle
            when the argument is not a column (`series_stats__min`, as the `series_fit_poly` page uses). The call is
            evaluated once per row into a hidden column that the component columns read.

            ### Estimates and their measured bounds

            `dcount(x [, accuracy])` and `dcountif` are the HyperLogLog estimate below: exact up to 1000 distinct values at
            the default accuracy 1 (8000 at accuracy 2), then within the page's error; measured RMS error 0.71 % at
            accuracy 1 (documented 0.8 %), 0.33 % at accuracy 2 (documented 0.4 %) — the table below gives every level
            and `HyperLogLogTests.documentedErrorBound` asserts it. `percentile`, `percentiles`, `percentiles_array` and
            their weighted forms answer exactly (nearest rank over the weighted values) while a group has at most 1000
            distinct values, as ADX's t-digest is exact there; past that they are the t-digest's estimate, whose worst
            measured rank error is 0.24 % (the `percentiles` page allows 1 %; `TDigestTests.rankErrorBound`). The case
            file `sketches.kqltest` checks both at 100 000 values through KQL.

            ## Sketches

            ### HyperLogLog: `dcount`, `dcountif`, `hll`, `hll_if`, `hll_merge`, `dcount_hll`

            `HyperLogLog` follows the *Estimation accuracy* table of the `dcount` page. An accuracy level fixes the
            number of one-byte registers; the error is a standard deviation (σ), so 99.7 % of estimates are within
            3σ.

            | Accuracy | Registers | Documented error (σ) | Measured RMS error | Counted exactly up to |
            | --- | --- | --- | --- | --- |
            | 0 | 2^12 | 1.6 % | 1.55 % (400 sets of 40 000) | 500 values |
            | 1 (default) | 2^14 | 0.8 % | 0.71 % (300 sets of 60 000) | 1000 values (documented) |
            | 2 | 2^16 | 0.4 % | 0.33 % (200 sets of 150 000) | 8000 values (documented) |
            | 3 | 2^17 | 0.28 % | 0.24 % (100 sets of 250 000) | 16 000 values |
            | 4 | 2^18 | 0.2 % | 0.16 % (100 sets of 400 000) | 32 000 values |

            - **Exact small counts.** A sketch first keeps the 64-bit hashes themselves and counts them: the page
              documents 1000 values at accuracy 1 and 8000 at accuracy 2; for levels 0, 3 and 4 (undocumented) the
              limit is chosen so the list is no larger than the registers. Past the limit the hashes go into the
              registers and the count becomes an estimate.
            - **Estimator.** Ertl's improved raw estimator ("New cardinality estimation algorithms for HyperLogLog
              sketches", 2017): unbiased from just past the exact limit to billions, with no empirical bias tables.
              Register index = the top p bits of the hash, value = 1 + leading zeros of the rest.
            - **Hash.** XXH64 with seed 0. The `hll()` page's output lists `3803688792395291579` for a bin whose
              damage is the long 0 — XXH64 of that long's eight little-endian bytes — so longs are hashed that way
              (`XXHash64.hash(long:)`) and our exact sketches of longs hold the same hashes as ADX's. Reals hash
              their IEEE bytes (−0 as 0), strings their UTF-8 bytes; how ADX hashes strings is not documented.
            - **Merging** unions hash lists or takes register maxima; the result is exactly the sketch of the union.
              Sketches of different accuracy do not merge (`E_SKETCH_MISMATCH`, as the `hll_merge` page says).
            - **The `dynamic` value** (`HyperLogLog.Encoded`): ADX's layout `[[1024, p], [hashes…], [registers]]`.
              The examples show the header (p = 14 at the default accuracy) and the hashes as signed decimal
              strings; the third part, which the pages never show filled, is empty while exact and otherwise the 2^p
              register bytes as one base64 string. Anything else read back is `E_SKETCH_FORMAT`.

            The tests assert, over random sets with a fixed seed, that the RMS error is within 1.15σ and no
            estimate is off by more than 4σ at every level (`HyperLogLogTests.documentedErrorBound`), that the
            estimate is better than σ just past the exact limits, and the `hll_merge` page's example (20).
            The measured column above comes from the same procedure with more trials.

            ### t-digest: `percentile(s)`, `percentilew(s)`, `tdigest`, `tdigest_merge`, `percentile_tdigest`, `rank_tdigest`, `percentrank_tdigest`

            The pages define the answers as **nearest-rank** percentiles over the weighted population: the P-th
            percentile is the smallest value such that P % of the weight is at or below it; P = 0 is the minimum and
            P = 100 the maximum. `TDigest`:

            - keeps every distinct value with its weight, and answers exactly, up to 1000 distinct values — the
              `tdigest` page's results show ADX listing values with their counts the same way. This makes the pages'
              small examples exact: `tdigest` of 1 ×1 and 2 ×2 has P50 = 2; `percentilesw` of buckets 10 ×8, 20 ×6,
              30 ×3, 40 ×1 gives 20, 20, 40 for 50, 75, 99.9; in 1…1000 `rank_tdigest(685)` is 685.
            - past that becomes a merging t-digest (Dunning 2019) with the arcsine scale function k₁ and compression
              δ = 200; estimates interpolate between centroid centres, and the minimum and maximum stay exact.
            - `rank(of:)` counts the weight at or below a value; `percentRank(of:)` is that as a percentage.
            - weights are positive integers (a row with a non-positive weight adds nothing).

            The `percentiles` page caps the rank error at 1 % (at the median; better towards the ends). Measured
            worst rank errors, over 10 data sets of each size and distribution (uniform, normal, exponential,
            lognormal with σ = 3, 5000-valued discrete) at P = 1, 10, 25, 50, 75, 90, 99: **0.14 %** at 10 000
            values, **0.24 %** at 100 000, **0.07 %** at 1 000 000. The tests assert ≤ 1 % for every distribution,
            for P from 0.1 to 99.9, for a digest built in one piece and for one merged from four partitions
            (`TDigestTests.rankErrorBound`).

            The `dynamic` value (`TDigest.Encoded`) is ADX's `[[type], [values…], [weights…]]`; an estimating digest
            adds a fourth part `[minimum, maximum]`. ADX's own three-part values read back (as exact when their
            values are distinct and at most 1000).

            ## The series library

            ### The input: `NumericSeries`

            A KQL series is a dynamic array whose elements may be longs, reals, nulls or anything else; every page
            says a non-numeric element behaves like null. The wrapper converts the array once into a
            `NumericSeries`: `values` (doubles, NaN where missing), `kinds` (missing / long / real per element) and
            `missingCount` (0 lets the algorithms take their fast path). Longs beyond 2^53 keep their exact value.
            Results that are series come back as `NumericSeries` too, so the wrapper has one conversion each way.

            ### Functions

            | KQL | Swift |
            | --- | --- |
            | `series_add/subtract/multiply/divide/pow` | `ArithmeticOperator.apply(_:_:)` over `SeriesOperand` (series or broadcast scalar) |
            | `series_equals/not_equals/greater/greater_equals/less/less_equals` | `ComparisonOperator.apply(_:_:) -> [Bool?]` |
            | `series_abs/sign/ceiling/floor/exp/log/sin/cos/tan/asin/acos/atan` | `ElementwiseFunction.apply(_:)` |
            | `series_fill_forward/backward/const` | `SeriesFill.forward/backward/constant` with a `MissingPlaceholder` |
            | `series_fill_linear` | `SeriesFillLinear.fill(_:placeholder:fillEdges:constant:)` |
            | `series_fir`, `series_iir` | `FIRFilter.apply`, `IIRFilter.apply` |
            | `series_fit_line(_dynamic)` | `LineFit(_:)` |
            | `series_fit_2lines(_dynamic)` | `TwoLineFit(_:)` |
            | `series_fit_poly` | `PolynomialFit(y:x:degree:)` |
            | `series_stats(_dynamic)` | `SeriesStatistics(_:ignoreNonFinite:)` |
            | `series_sum/product/magnitude/dot_product/cosine_similarity/pearson_correlation` | `SeriesReductions` |
            | `series_periods_detect`, `series_periods_validate` | `SeriesPeriods.detect`, `.validate` |
            | `series_seasonal` | `SeasonalComponent.compute(_:period:)` |
            | `series_decompose` | `SeriesDecomposition(_:seasonality:trend:testPoints:)` |
            | `series_decompose_anomalies`, `series_decompose_forecast` | `SeriesAnomalies(...)`, `SeriesAnomalies.forecast` |
            | `series_outliers` | `SeriesOutliers.scores(_:method:ignoreValue:)` |
            | `series_fft`, `series_ifft` | `FourierTransform.forward`, `.inverse` |

            ### Rules the pages give, and choices where they are silent

            - **Element-wise.** The result is as long as the longer input; a position where either side is missing,
              non-numeric or past the end of the shorter array is null. Long ∘ long stays long for add, subtract,
              multiply (wrapping like KQL's long), abs and sign; divide and pow are always real (2/0 = +inf);
              ceiling and floor of the long 1 give 1.0 (the pages' examples show each of these). A scalar operand is
              broadcast (`series_multiply(10, flags)` on the anomalies page).
            - **Fills** keep every other element as it was, type included; forward/backward copy the element they
              found, const writes the constant as given (`[111,0.0,36,…]`). `series_fill_linear` of an all-long
              series gives longs with the fraction truncated (the page's 73.5 → 73, 32.667 → 32); an all-placeholder
              series becomes the constant (0.0 by default). The page's `with_const` cell for the long row
              (`[111,111,74,38,…]`, where the original 36 became 38) contradicts its own other cells and is not
              reproduced.
            - **`series_fir`**: causal sum Σ f[j]·x[i−j]; `center` shifts the window by (m − 1)/2; points outside the
              series count as 0 (not documented). `normalize` absent = true unless a coefficient is negative; an
              explicit true with a negative coefficient, or a zero sum, gives null.
            - **`series_iir`**: the page's recursion; `a[0] = 0` is `E_SERIES_ARGUMENT`. An output depending on a
              null (directly or through the recursion) is null.
            - **Fits** place the points at x = 1…n (the `series_fit_line` example's numbers require it); variance
              and residual variance divide by n − 1. `series_fit_2lines` tries every split with at least two points
              per side, maximises the total r-square, and reports `split_idx` as the first index of the right part
              (the page does not say which side the breaking point belongs to); both lines use the same x axis.
              `series_fit_poly` solves by Householder QR; x defaults to 1…n.
            - **`series_stats`**: sample variance; with `ignore_nonfinite` false any null, NaN or infinity makes
              the statistics null; one value has variance 0.
            - **Reductions** ignore missing elements; over nothing they are null (the dot-product and cosine notes).
            - **Periods.** The pages give constraints and examples but no formula. A period p scores
              min(r(p), r(2p)) clipped to [0, 1], with r the autocorrelation about the mean normalised per
              overlapping pair (the pattern must repeat at least twice). This reproduces every example: 14 → 0.8412
              and 10 → 0 on the pages' traffic series ("0.84, truncated"), `series_seasonal`'s 6- and 5-bin
              detections and its undetectable 12-point series. Detection proposes one candidate per local maximum k
              of the periodogram (periods n/(k+1)…n/(k−1), AUTOPERIOD-style), climbs the autocorrelation to its
              local peak, and ranks by score.
            - **Decomposition** follows the page's steps (seasonal = per-phase median; trend = average, line or none;
              baseline = seasonal + trend; residual = x − baseline; the last `Test_points` points are not learnt
              from and the components extend over them). Two choices for series with a trend: auto-detection
              searches the linearly detrended series, and with `linefit` the phase medians are taken of it too —
              otherwise a trend hides the period and leaves a sawtooth of half a period's rise in the residual. With
              them the page's trend example flags exactly the six inserted outliers at threshold 2.5 (tested over
              five seeds of its `rand()`).
            - **`series_outliers`**: with lo/hi the percentiles (25/75 for `tukey`, 10/90 or custom in [2, 98] for
              `ctukey`) and R = hi − lo, a point above hi scores (x − hi)/R, below lo (x − lo)/R, else 0 — a score
              beyond k is exactly a point beyond Tukey's fence with that k. Percentiles interpolate between the
              closest ranks. An old revision of the page gave scores for `[30,28,5,27,31,38,29,80,25,37,30]` that no
              single pair of fences reproduces (38 and 37 imply an upper reference of 30 with scale 3, yet 31 scores
              0); they are not used.
            - **FFT**: any length (radix-2, or Bluestein for other lengths); the inverse divides by n.

            ### Cost

            `series_decompose_anomalies` of a 1000-point series with auto-detected seasonality costs about 1.45
            million instructions (release, whole-module): two real FFTs give every lag's autocorrelation at once,
            the periodogram is one real transform, and the outlier fences come from quickselect. Per-element loops
            do not allocate; each call allocates its result arrays and a few scratch buffers.

            ## Benchmark: make-series and anomalies

            `sandpiper bench series [--series N] [--points N] [--peers pandas,statsmodels] [--runs N]` (release build:
            `swift build -c release`, then `.build/release/sandpiper bench series`) generates hourly series — a daily
            pattern, SplitMix64 noise and ±10 spikes planted with probability 0.002 per hour
            (`Sources/Benchmarks/BenchSeriesData.swift`, repeated in numpy by `bench/peers/series_anomalies.py`) — and
            times, from the raw rows (one per series and hour), the analysis

            ```
            samples
            | make-series v = avg(value) default = 0.0 on ts from datetime(2026-01-01) to datetime(2026-01-01) + 1000h step 1h by sid
            | extend (flag, score, baseline) = series_decompose_anomalies(v, 1.5, 24, 'avg', 0, 'ctukey')
            | extend a = series_sum(series_abs(flag)), s = series_sum(flag)
            | summarize up = sum(a + s) / 2, down = sum(a - s) / 2, series = count()
            ```

            against the same analysis in `bench/.venv`: **pandas** (groupby-mean-unstack as make-series, then ADX's
            documented algorithm in vectorised numpy: per-phase medians, the average as trend, 10th/90th-percentile
            fences) and **statsmodels** (`seasonal_decompose(period=24)` per series — a moving-average trend and
            per-phase means, what a pandas user writes — with the same fences). Every method must count exactly the
            spikes the generator planted (`E_BENCH_CHECKSUM` otherwise); the report gives the median wall time, series
            per second and the median CPU time (the steadier figure on a shared machine). `bench/run-all` runs it at
            10,000 series × 1,000 points and writes the table into `bench/RESULTS.md`.

            ## Analytics plugins: choices where the pages are silent

            The user-analytics plugins share `TimelineWindows` (windows from Start through End, End included, in steps of
            a span or of calendar weeks, months or years; at most 2^20 windows, `E_LIMIT` past that) and read their arguments
            through `AnalyticsArguments`. A window or span argument that is zero or negative is `E_ARGUMENT`. Where a page
            leaves a rule open, the engine does this:

            - `activity_metrics`, `activity_engagement`: without Start and End the windows run from the timeline's first
              value through its last. Dimensions come after the metrics, as the pages' schemas show. A rate whose
              denominator is 0 is NaN (the first window of `activity_metrics`, as its page shows).
            - `activity_engagement`: the outer window is the OuterActivityWindow that ends where the inner window ends;
              appearances before Start count toward it.
            - `new_activity_metrics`: a cohort of no ids has rates NaN; the Lookback table's ids are read from its column named
              like the IdColumn (or its only column); a Cohort must fall inside the analysis period.
            - `session_count`: an appearance continues the id's session when it comes at most LookBackWindow after the id's
              previous appearance, and opens a new one otherwise; a bin counts the sessions that appear in it. The page
              publishes a chart, not numbers; its data gives 59 sessions in the bin from 101 (41 long sessions and nine ids
              that open one at each of their two appearances).
            - `funnel_sequence`: an id's states are taken in time order with repeats in a row merged (the page's tables never
              show a sequence state as its own neighbour); each Step window is analysed on its own; `samples` holds the first
              128 ids in time order; rows come by `dcount`, largest first, then by state. As the last operator of a statement
              it yields its three tables (a plugin declares `resultTables`); followed by other operators, the first.
            - `funnel_sequence_completion`: an id reaches step j when it shows the sequence's states in order, the j-th within
              the period of the first; windows without appearances yield no rows (as the page's example shows).
            - `sequence_detect`: every chain of rows matching the steps in order is an occurrence (the page's example pairs one
              heat with two wildfires, and one wildfire with two heats), at most 1,000,000 (`E_LIMIT`); rows come by the steps'
              times.

            ## Pattern plugins

            `basket`, `autocluster`, `diffpatterns` and `diffpatterns_text` (`Sources/KQLEngine/Plugins/Patterns`) first reduce
            the input to its distinct combinations of values with their weights (`PatternSpace`), so a million rows of a few
            columns cost one pass. `ClosedPatternMiner` enumerates closed patterns (those no further value extends without
            losing rows) by LCM's prefix-preserving closure extension: a pattern grows by one chosen value plus every value
            its rows all share, which is how the pages' examples show correlated values (`Damage` `NO` with `DamageCrops` 0).
            MaxDimensions and MaxTokens bound the chosen values; at most 200,000 candidate patterns are examined (`E_LIMIT`).
            Counting is exact: ADX samples to find frequent values, so its results may differ slightly near a threshold.

            - `basket`: every closed pattern with at least Threshold of the rows (by weight).
            - `diffpatterns`: closed patterns whose shares of A and B differ by at least Threshold; then, largest difference
              first, each pattern that neither refines nor is refined by one already kept.
            - `diffpatterns_text`: the same search over the token positions of the texts of each length (a pattern has the
              length of the texts it matches, `*` for any token); rows by `Percent_of_True` − `Percent_of_False`.
            - `autocluster`: Seed-Expand with score coverage^SizeWeight × informativeness^(1 − SizeWeight) (informativeness:
              the share of columns a pattern fixes); the seeds are the NumSeeds most frequent distinct rows, each drops the
              value whose removal raises the score most until none does; of the patterns reached, best score first, those
              that neither refine nor are refined by one kept.

            Percentages are rounded to two decimals, as the pages print them. The pages publish no order for `basket` and
            `autocluster`: rows come by Count (basket; then fewer values first) and by score (autocluster), and `SegmentId`
            numbers them in that order. Every example on these four pages runs on the real `StormEvents` table, which the
            sample database only imitates, so none of their numbers can be matched here; the case files check the rules on
            data whose answer follows from the pages by hand.
            """###
        ),
    ]
}
