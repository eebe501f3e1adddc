import Foundation
import Testing

/// The CLI, run as a binary; whole outputs are compared.
@Suite(.serialized) struct QueryCommandTests {
    let now = ["--now", "2025-01-01T00:00:00Z"]

    @Test func rootHelp() throws {
        let r = try SandpiperBinary.run(["--help"])
        #expect(r.status == 0)
        #expect(
            r.stdout == """
                OVERVIEW: A local Kusto Query Language (KQL) engine whose python() plugin runs
                scripts in sandboxed workers.

                `sandpiper help` lists the documentation compiled into this binary and
                `sandpiper help TOPIC` prints a page; `sandpiper --generate-completion-script
                bash|zsh|fish` prints shell completion.

                USAGE: sandpiper <subcommand>

                OPTIONS:
                  --version               Show the version.
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  query                   Run a KQL query and print its results.
                  sandbox                 Build, register and inspect the Python environments
                                          python() scripts run in.
                  conformance             Check the engine against markdown documents and
                                          .kqltest case files.
                  bench                   Benchmark the engine and the python() transfer
                                          against their peers.
                  serve                   Serve the Kusto REST API to Kusto clients.
                  shell                   Type KQL queries at a prompt (the default when
                                          sandpiper runs on a terminal without arguments).

                  See 'sandpiper help <subcommand>' for detailed help.

                """)
    }

    @Test func queryHelp() throws {
        let r = try SandpiperBinary.run(["query", "--help"])
        #expect(r.status == 0)
        #expect(
            r.stdout == """
                OVERVIEW: Run a KQL query and print its results.

                The query comes from the argument, from -f FILE, or from standard input.
                Without --db the embedded sample database is used (tables Events, StormEvents,
                Customers, Sales). With --db DIR each .csv, .tsv or .jsonl file in DIR is a
                table named after the file, each DIR/functions/NAME.kql a stored function, and
                management commands (.create table, .set-or-append, .create function, ...)
                write there; without --db, what they write lasts for this command only.

                Each statement runs under ADX's query limits (docs/limits.md): results are
                truncated at 500000 records or 64 MB with a partial-result notice on standard
                error (E_QUERY_RESULT_SET_TOO_LARGE), each operator may use 5 GB or a quarter
                of physical memory, whichever is less (E_QUERY_MEMORY), and the query may run
                10 minutes (E_QUERY_TIMEOUT). The flags below and `set` statements in the query
                change them; when both give a limit, the lower value applies.

                Exit status: 0 on success (also for a truncated result), 1 when the query fails
                (the error, with line:column, is on standard error), 2 on bad usage.

                USAGE: sandpiper query [<options>] [<query>]

                ARGUMENTS:
                  <query>                 The query text. Omit it to use -f or standard input.

                OPTIONS:
                  -f, --file <file>       Read the query from a file.
                  --db <dir>              Use a folder of .csv/.tsv/.jsonl/.parquet files (or
                                          one such file) as the database.
                  --skip-bad-rows         Leave out CSV/TSV records that do not fit (wrong
                                          field count, not UTF-8, a value of the wrong type)
                                          and report how many, instead of refusing the file.
                  --now <datetime>        Fix the current time (ISO 8601), for reproducible
                                          ago()/now() and sample data.
                  --format <format>       Output format: table, csv, json (one object per
                                          result table and line) or markdown. (values: table,
                                          csv, json, markdown; default: table)
                  --max-width <n>         Widest cell in the table format before it is cut with
                                          an ellipsis (0: no limit on cells or on the table's
                                          width). (default: 48)
                  --max-rows <n>          Rows the table format prints of each result; the rest
                                          are counted (0: all). (default: 40)
                  --chart <file>          Write the chart of a result that ends in render to
                                          this .svg, .png, .html or .vl.json file (further
                                          charts: FILE-2.svg, ...).
                  --param <name=value>    A value for a parameter of `declare
                                          query_parameters`: a KQL literal of its type, or for
                                          a string any text (repeatable).
                  --all                   With -f: run every query of the file (a blank line
                                          outside a ``` string ends one) and print each result
                                          after a header.
                  --keep-going            With --all: run the remaining queries after one fails
                                          (the exit status is still 1).
                  --no-truncation         Return every record (`set notruncation;`).
                  --truncation-max-records <n>
                                          Truncate results after this many records (default
                                          500000; `set truncationmaxrecords`).
                  --truncation-max-size <size>
                                          Truncate results past this much data (default 64MB;
                                          `set truncationmaxsize`).
                  --max-memory <size>     Memory one operator may use, e.g. 2GB (default: 5GB
                                          or a quarter of physical memory; `set
                                          maxmemoryconsumptionperiterator`).
                  --timeout <timespan>    Stop the query after this long, e.g. 90s, 30m or
                                          01:00:00 (default 10m; `set servertimeout`).
                  --unsafe-no-sandbox     Let python() run without the confinement layers this
                                          kernel lacks (see `sandpiper sandbox doctor`); every
                                          result says so.
                  --artifacts <dir>       A folder python()'s external_artifacts may be read
                                          from, besides the query file's and the --db folder
                                          (repeatable).
                  --python-output <dir>   Copy the files python() scripts write under outputs/
                                          (and plt.show() figures) into this folder (default:
                                          ./sandpiper-output/<query-id>/).
                  --verbose               Show python() tracebacks whole: the frames inside
                                          pandas, numpy and the standard library, and chained
                                          exceptions.
                  --version               Show the version.
                  -h, --help              Show help information.


                """)
    }

    @Test func paramGivesQueryParametersTheirValues() throws {
        let r = try SandpiperBinary.run([
            "query", "--format", "csv", "--param", "n=5", "--param", "w=hello world", "--param", "t=2024-02-03",
            "declare query_parameters(n:long = 1, w:string, t:datetime, d:long = 7); print n, w, t, d",
        ])
        #expect(r.status == 0)
        #expect(r.stdout == "n,w,t,d\n5,hello world,2024-02-03T00:00:00.0000000Z,7\n")
        let bad = try SandpiperBinary.run(["query", "--param", "n=abc", "declare query_parameters(n:long); print n"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("E_ARGUMENT") && bad.stderr.contains("not a long literal"))
        #expect(try SandpiperBinary.run(["query", "--param", "=1", "print 1"]).status == 2)
    }

    @Test func allRunsEveryQueryOfAFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sandpiper-all-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("q.kql").path
        try "print a = 1\n\n// a comment\nprint x = nosuch\n\nprint b = 2\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let stop = try SandpiperBinary.run(["query", "-f", file, "--all", "--format", "csv"])
        #expect(stop.status == 1)
        #expect(stop.stdout == "a\n1\n")
        #expect(stop.stderr.contains("q.kql:4:11"))
        let all = try SandpiperBinary.run(["query", "-f", file, "--all", "--keep-going", "--format", "csv"])
        #expect(all.status == 1)
        #expect(all.stdout == "a\n1\nb\n2\n")
        let table = try SandpiperBinary.run(["query", "-f", file, "--all", "--keep-going"])
        #expect(table.stdout.hasPrefix("-- query 1 (line 1)\n"))
        #expect(table.stdout.contains("\n-- query 3 (line 6)\n"))
        #expect(try SandpiperBinary.run(["query", "--all", "print 1"]).status == 2)
    }

    @Test func badUsageExitsWithTwo() throws {
        let r = try SandpiperBinary.run(["query", "--format", "xml", "print 1"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("Error: The value 'xml' is invalid for '--format <format>'."))
        let both = try SandpiperBinary.run(["query", "-f", "q.kql", "print 1"])
        #expect(both.status == 2)
        #expect(both.stderr.hasPrefix("Error: give the query as an argument or with -f, not both"))
        let unknown = try SandpiperBinary.run(["frobnicate"])
        #expect(unknown.status == 2)
    }

    @Test func queryErrorExitsWithOneAndPointsAtTheMistake() throws {
        let r = try SandpiperBinary.run(["query", "print x = 1\n| wher x > 1"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("E_"))
        #expect(r.stderr.contains("2:"))
        #expect(r.stderr.contains("^"))
    }

    @Test func jsonContract() throws {
        let r = try SandpiperBinary.run(
            ["query", "--format", "json"] + now + [
                #"print n = 1, r = 2.5, s = "a\"b", b = true, t = datetime(2024-01-02 03:04:05), ts = 90m, d = dynamic({"k": [1, null]}), z = long(null); print y = 2"#
            ])
        #expect(r.stderr == "")
        #expect(r.status == 0)
        // The statistics line's elapsed time varies; the rest of the output is exact.
        #expect(
            r.stdout.replacing(/"ExecutionTime":[0-9.e+-]+,/, with: #""ExecutionTime":T,"#) == """
                {"columns":[{"name":"n","type":"long"},{"name":"r","type":"real"},{"name":"s","type":"string"},{"name":"b","type":"bool"},{"name":"t","type":"datetime"},{"name":"ts","type":"timespan"},{"name":"d","type":"dynamic"},{"name":"z","type":"long"}],"rows":[[1,2.5,"a\\"b",true,"2024-01-02T03:04:05.0000000Z","01:30:00",{"k":[1,null]},null]]}
                {"columns":[{"name":"y","type":"long"}],"rows":[[2]]}
                {"statistics":{"ExecutionTime":T,"dataset_statistics":[{"table_row_count":1},{"table_row_count":1}]}}

                """)
    }

    @Test func tableCSVAndMarkdownForms() throws {
        let query = "range x from 1 to 3 step 1 | extend s = strcat(\"v\", x)"
        let table = try SandpiperBinary.run(["query", query])
        #expect(table.status == 0)
        #expect(
            table.stdout == """
                   x  s
                long  string
                ----  ------
                   1  v1
                   2  v2
                   3  v3
                (3 rows)

                """)
        let csv = try SandpiperBinary.run(["query", "--format", "csv", query])
        #expect(csv.stdout == "x,s\n1,v1\n2,v2\n3,v3\n")
        let markdown = try SandpiperBinary.run(["query", "--format", "markdown", query])
        #expect(markdown.stdout == "| x | s |\n|---:|---|\n| 1 | v1 |\n| 2 | v2 |\n| 3 | v3 |\n")
    }

    @Test func queryFromStandardInputAndFile() throws {
        let r = try SandpiperBinary.run(["query", "--format", "csv"], stdin: "print a = 1 + 1\n")
        #expect(r.stdout == "a\n2\n")
        let folder = NSTemporaryDirectory() + "sandpiper-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "print b = 3".write(toFile: folder + "/q.kql", atomically: true, encoding: .utf8)
        let f = try SandpiperBinary.run(["query", "--format", "csv", "-f", folder + "/q.kql"])
        #expect(f.stdout == "b\n3\n")
    }

    @Test func sampleDatabaseIsThereByDefault() throws {
        let r = try SandpiperBinary.run(
            ["query", "--format", "csv"] + now + ["Events | where Timestamp >= ago(14d) | count"])
        #expect(r.stdout == "Count\n100000\n")
        let tables = try SandpiperBinary.run(["query", "--format", "csv", ".show tables"])
        #expect(
            tables.stdout
                == "TableName,DatabaseName,Folder,DocString\nEvents,Sandpiper,,\nStormEvents,Sandpiper,,\nCustomers,Sandpiper,,\nSales,Sandpiper,,\n"
        )
    }

    @Test func folderDatabaseWritesSurviveTheProcess() throws {
        let folder = NSTemporaryDirectory() + "sandpiper-db-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "Id,Name\n1,a\n2,b\n".write(toFile: folder + "/People.csv", atomically: true, encoding: .utf8)
        let create = try SandpiperBinary.run([
            "query", "--db", folder, "--format", "csv",
            ".set Big <| People | where Id > 1 | extend When = datetime(2024-01-01)",
        ])
        #expect(create.status == 0, "\(create.stderr)")
        #expect(
            try String(contentsOfFile: folder + "/Big.csv", encoding: .utf8)
                == "Id:long,Name:string,When:datetime\n2,b,2024-01-01T00:00:00.0000000Z\n")
        let read = try SandpiperBinary.run(["query", "--db", folder, "--format", "csv", "Big | project Name, When"])
        #expect(read.stdout == "Name,When\nb,2024-01-01T00:00:00.0000000Z\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["Big.csv", "People.csv"])
    }

    @Test func badDataFileExitsWithOne() throws {
        let folder = NSTemporaryDirectory() + "sandpiper-bad-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "a,b\n1\n".write(toFile: folder + "/T.csv", atomically: true, encoding: .utf8)
        let r = try SandpiperBinary.run(["query", "--db", folder, "T"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("E_DATA: \(folder)/T.csv:2: the record has 1 fields, the header has 2"))
    }
}
