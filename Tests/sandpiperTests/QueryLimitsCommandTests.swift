import Foundation
import Testing

/// The reproducers of the query limits, run through the built binary: each ends within seconds with
/// exit 0, or exit 1 and a coded error, instead of aborting or exhausting the machine.
@Suite(.serialized) struct QueryLimitsCommandTests {
    /// Runs `sandpiper query ARGS` and checks it ended within `seconds`.
    func query(_ arguments: [String], within seconds: Double = 20) throws -> SandpiperBinary.Output {
        let start = Date()
        let r = try SandpiperBinary.run(["query"] + arguments)
        #expect(Date().timeIntervalSince(start) < seconds, "\(arguments) took \(Date().timeIntervalSince(start)) s")
        return r
    }

    @Test func aJoinOfFiftyThousandByFiftyThousandFailsCleanly() throws {
        let r = try query([
            "range x from 1 to 50000 step 1 | extend k = 1 | join kind=inner (range y from 1 to 50000 step 1 | extend k = 1) on k | count"
        ])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("E_QUERY_MEMORY: operator 'join' needs about "), "\(r.stderr)")
        #expect(r.stderr.contains("maxmemoryconsumptionperiterator") && r.stderr.contains("hint: "))
    }

    @Test func aMillionByThousandMvExpandFailsCleanly() throws {
        let r = try query(["range x from 1 to 1000000 step 1 | extend a = range(1, 1000) | mv-expand a | count"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("E_QUERY_MEMORY: operator 'mv-expand' needs about "), "\(r.stderr)")
    }

    @Test func nestedStrrepAskingForGigabytesFailsBeforeAllocating() throws {
        for depth in [3, 4] {
            var e = "'abcd'"
            for _ in 0..<depth { e = "strrep(\(e), 1024)" }
            let r = try query(["print s = \(e)"])
            #expect(r.status == 1, "depth \(depth)")
            // The first call that would pass the budget is refused while the constant is folded: the third
            // level (4 GB, and its copy into the column) whatever this machine's default budget.
            #expect(
                r.stderr.hasPrefix(
                    "E_QUERY_MEMORY: 1:\(11 + 7 * (depth - 3)): strrep(): this call would take the query's constants to about 8.0 GB"
                ),
                "\(r.stderr)")
        }
    }

    @Test func aLargeConstantOnEveryRowFailsCleanly() throws {
        let r = try query(["range x from 1 to 10000000 step 1 | extend s = strrep(strrep('a', 1024), 1024) | count"])
        #expect(r.status == 1)
        #expect(
            r.stderr.hasPrefix(
                "E_QUERY_MEMORY: a constant repeated on 10000000 rows would take operator 'extend' to about "),
            "\(r.stderr)")
    }

    @Test func flagsSetTheBudgetAndTheTimeout() throws {
        let memory = try query(["--max-memory", "1KB", "range x from 1 to 1000 step 1"])
        #expect(memory.status == 1)
        #expect(
            memory.stderr.hasPrefix(
                "E_QUERY_MEMORY: operator 'range' needs about 7.8 KB, more than the memory budget of 1.0 KB per operator"
            ),
            "\(memory.stderr)")
        let timeout = try query(["--timeout", "1tick", "range x from 1 to 10 step 1 | extend y = x"])
        #expect(timeout.status == 1)
        #expect(
            timeout.stderr.hasPrefix(
                "E_QUERY_TIMEOUT: the query ran longer than its time limit of 00:00:00.0000001 (servertimeout)"),
            "\(timeout.stderr)")
        // A set statement lowers a limit the flag gave, but cannot raise it.
        let lower = try query([
            "--format", "csv", "--truncation-max-records", "3",
            "set truncationmaxrecords = 2; range x from 1 to 5 step 1",
        ])
        #expect(lower.stdout == "x\n1\n2\n")
        let higher = try query([
            "--format", "csv", "--truncation-max-records", "3",
            "set truncationmaxrecords = 4; range x from 1 to 5 step 1",
        ])
        #expect(higher.stdout == "x\n1\n2\n3\n")
    }

    @Test func badLimitFlagsAreUsageErrors() throws {
        for flags in [
            ["--max-memory", "lots"], ["--max-memory", "0"], ["--timeout", "soon"], ["--timeout", "-1m"],
            ["--truncation-max-records", "0"], ["--truncation-max-size", "12XB"],
        ] {
            let r = try query(flags + ["print 1"])
            #expect(r.status == 2, "\(flags): \(r.stderr)")
            #expect(r.stderr.hasPrefix("Error: "), "\(flags): \(r.stderr)")
        }
    }

    @Test func aTruncatedResultSaysSoOnStandardErrorAndInJSON() throws {
        let table = try query(["range x from 1 to 500001 step 1 | project x"])
        #expect(table.status == 0)
        #expect(table.stdout.hasSuffix("(500000 rows)\n"))
        #expect(
            table.stderr == """
                E_QUERY_RESULT_SET_TOO_LARGE: partial result: the result has 500001 records, more than the record limit of 500000 \
                (truncationmaxrecords); only the first 500000 are returned
                hint: reduce the result (take, summarize, project away wide columns), or change the limit with \
                `set truncationmaxrecords = N;` or `set notruncation;` (CLI: --truncation-max-records, --truncation-max-size, --no-truncation)

                """)
        let json = try query(["--format", "json", "set truncationmaxsize = 20; range x from 1 to 5 step 1"])
        #expect(json.status == 0)
        #expect(
            json.stdout.replacing(/"ExecutionTime":[0-9.e+-]+,/, with: #""ExecutionTime":T,"#) == """
                {"columns":[{"name":"x","type":"long"}],"rows":[[1],[2]],"truncation":{"code":"E_QUERY_RESULT_SET_TOO_LARGE",\
                "limit":"truncationmaxsize","maximum":20,"rows":2,"total_rows":5,"message":"partial result: the result has 5 records, \
                more than the data size limit of 20 bytes (truncationmaxsize); only the first 2 are returned"}}
                {"statistics":{"ExecutionTime":T,"dataset_statistics":[{"table_row_count":2}]}}

                """)
        #expect(json.stderr.hasPrefix("E_QUERY_RESULT_SET_TOO_LARGE: partial result: the result has 5 records"))
        let all = try query(["--no-truncation", "--format", "csv", "range x from 1 to 500001 step 1 | count"])
        #expect(all.stdout == "Count\n500001\n" && all.stderr.isEmpty)
    }

    @Test func aNamelessColumnIsRefusedAndTheFolderStillWorks() throws {
        let folder = NSTemporaryDirectory() + "sandpiper-names-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let write = try query(["--db", folder, ".set-or-append T <| print ['']=1"])
        #expect(write.status == 1)
        #expect(
            write.stderr.hasPrefix("E_COMMAND: 1:16: table 'T' cannot store a column with an empty name"),
            "\(write.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let after = try query(["--db", folder, "--format", "csv", "print 1"])
        #expect(after.status == 0 && after.stdout == "print_0\n1\n", "\(after.stderr)")
    }

    @Test func aBadFileFailsOnlyTheQueriesThatNameIt() throws {
        let folder = NSTemporaryDirectory() + "sandpiper-badfile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ":long\n1\n".write(toFile: folder + "/Bad.csv", atomically: true, encoding: .utf8)
        try "x:long\n1\n".write(toFile: folder + "/Good.csv", atomically: true, encoding: .utf8)
        let good = try query(["--db", folder, "--format", "csv", "Good | count"])
        #expect(good.status == 0 && good.stdout == "Count\n1\n", "\(good.stderr)")
        let bad = try query(["--db", folder, "Bad | count"])
        #expect(bad.status == 1)
        #expect(
            bad.stderr.hasPrefix("E_DATA: \(folder)/Bad.csv:1: column 1 of the header has no name"), "\(bad.stderr)")
        let drop = try query(["--db", folder, ".drop table Bad"])
        #expect(drop.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["Good.csv"])
    }
}
