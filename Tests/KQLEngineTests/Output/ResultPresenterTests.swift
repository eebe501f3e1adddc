import Foundation
import KQLSyntax
import Testing

@testable import KQLEngine

/// What `sandpiper query` prints, without the binary: the presenter writes into two collected sinks.
@Suite struct ResultPresenterTests {
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ s: String) {
            lock.lock()
            text += s
            lock.unlock()
        }
        var value: String {
            lock.lock()
            defer { lock.unlock() }
            return text
        }
    }

    let out = Sink(), err = Sink()
    let engine = Engine(database: InMemoryDatabase(), now: { 1_704_067_200_000_000_000 })
    var execute: (String) throws(KQLError) -> QueryResult {
        { [engine] (text: String) throws(KQLError) -> QueryResult in try engine.execute(text) }
    }

    func presenter(_ format: ResultFormat, chart: String? = nil, footer: Bool = false) -> ResultPresenter {
        ResultPresenter(
            format: format, chartPath: chart, showsElapsedFooter: footer, out: { [out] in out.append($0) },
            err: { [err] in err.append($0) })
    }

    @Test func jsonEndsEachQueryWithItsStatistics() throws {
        #expect(try presenter(.json).run("print a = 1; range x from 1 to 3 step 1", execute))
        let lines = out.value.split(separator: "\n")
        #expect(lines.count == 3)
        let statistics = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[2].utf8)) as? [String: [String: Any]])
        let seconds = try #require(statistics["statistics"]?["ExecutionTime"] as? Double)
        #expect(seconds >= 0 && seconds < 60)
        let tables = try #require(statistics["statistics"]?["dataset_statistics"] as? [[String: Int]])
        #expect(tables == [["table_row_count": 1], ["table_row_count": 3]])
        #expect(err.value == "")
    }

    @Test func theTableFormHasNoStatisticsLineAndAFooterOnlyWhenAsked() throws {
        #expect(try presenter(.table).run("print a = 1", execute))
        #expect(out.value == "   a\nlong\n----\n   1\n(1 row)\n")
        // A shell's `.timer on` asks for the footer in every form but json, whose statistics line has the time.
        #expect(try presenter(.csv, footer: true).run("print a = 1", execute))
        #expect(out.value.contains("(1 row)\na\n1\n(") && out.value.hasSuffix(" s)\n"), "\(out.value)")
        #expect(try presenter(.json, footer: true).run("print a = 1", execute))
        #expect(out.value.hasSuffix("\"dataset_statistics\":[{\"table_row_count\":1}]}}\n"), "\(out.value)")
        #expect(ResultPresenter.elapsedFooter(.milliseconds(1234)) == "(1.234 s)\n")
    }

    @Test func aQueryFileRunsQueryByQueryAndStopsAtAFailureUnlessToldToGoOn() throws {
        let file = "print a = 1\n\nprint b = nosuchname\n\nprint c = 3\n"
        #expect(!presenter(.csv).runEach(file, execute))
        #expect(out.value == "a\n1\n")
        #expect(err.value.hasPrefix("E_UNKNOWN_NAME") && err.value.contains("3:"), "\(err.value)")
        #expect(!presenter(.markdown).runEach(file, keepGoing: true, execute))
        #expect(out.value.contains("-- query 1 (line 1)\n") && out.value.contains("\n-- query 3 (line 5)\n"))
    }

    @Test func aChartIsWrittenForAResultThatEndsInRender() throws {
        let folder = NSTemporaryDirectory() + "sandpiper-presenter-\(UUID())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/c.svg"
        #expect(
            try presenter(.table, chart: path).run(
                "range x from 1 to 3 step 1 | extend y = x * 2 | render linechart", execute))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(out.value.contains("render linechart: chart written to \(path)\n"))
        #expect(try presenter(.table, chart: path).run("print a = 1", execute))
        #expect(err.value == "--chart: no result ends in render; no chart was written\n")
    }

    @Test func functionsThatAreNotKeptAreNoticed() throws {
        let db = InMemoryDatabase()
        #expect(DatabaseNotices.text(db) == "")
        _ = try Engine(database: db).execute(".create function f() { print 1 }")
        #expect(
            DatabaseNotices.text(db)
                == "notice: stored function f is kept for this command only; pass --db DIR to keep it in DIR/functions\n"
        )
    }

    @Test func commandLineLimitsAndSizes() throws {
        #expect(ByteSize.parse("64MB") == .bytes(64 << 20))
        #expect(ByteSize.parse("512kb") == .bytes(512 << 10))
        #expect(ByteSize.parse("1048576") == .bytes(1_048_576))
        #expect(ByteSize.parse("lots") == .notASize)
        #expect(ByteSize.parse("0GB") == .notASize)
        #expect(ByteSize.parse("9999999999TB") == .tooLarge)
        let p = try RequestProperties(
            noTruncation: true, truncationMaxRecords: 10, truncationMaxSize: "1KB", maxMemory: "2GB", timeout: "90s")
        #expect(p.noTruncation && p.truncationMaxRecords == 10 && p.truncationMaxSize == 1024)
        #expect(p.maxMemoryConsumptionPerIterator == 2 << 30 && p.serverTimeoutNanoseconds == 90_000_000_000)
        #expect(throws: KQLError.self) {
            try RequestProperties(
                noTruncation: false, truncationMaxRecords: nil, truncationMaxSize: nil, maxMemory: nil, timeout: "soon")
        }
        #expect(try RequestProperties.parameters(["a=1", "b=x=y", "a=2"]) == ["a": "2", "b": "x=y"])
        #expect(throws: KQLError.self) { try RequestProperties.parameters(["=1"]) }
    }
}
