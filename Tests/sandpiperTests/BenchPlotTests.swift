import Bench
import Foundation
import Testing
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The transfer benchmark's plot is drawn by Charts: valid SVG, a panel per direction, a line per method
/// in its fixed colour, log axes.
@Suite struct BenchPlotTests {
    func measurement(_ method: String, _ direction: String, rows: Int, seconds: Double, variant: String = "default")
        -> BenchTransferMeasurement
    {
        BenchTransferMeasurement(
            method: method, variant: variant, direction: direction,
            dataset: BenchDataset(type: "mixed", kinds: [.long], nullsText: "0", rows: rows),
            bytes: rows * 8, stats: BenchStats([seconds, seconds, seconds]))
    }

    @Test func panelsLinesAndColours() throws {
        var all: [BenchTransferMeasurement] = []
        for rows in [1_000, 100_000, 10_000_000] {
            for direction in ["to-df", "from-df"] {
                all.append(measurement("sandpiper", direction, rows: rows, seconds: Double(rows) * 1e-9))
                all.append(measurement("csv-pipe", direction, rows: rows, seconds: Double(rows) * 1e-7))
            }
            all.append(measurement("memcpy", "copy", rows: rows, seconds: Double(rows) * 1e-10))
        }
        let svg = BenchPlot.svg(all)
        #expect(XMLParser(data: Data(svg.utf8)).parse(), "the plot is XML")
        #expect(svg.contains(">Transfer throughput, dataset mixed</text>"))
        for label in ["to-df", "from-df", "sandpiper", "csv-pipe", "memcpy", "GB/s", "rows"] {
            #expect(svg.contains(">\(label)</text>"), "\(label)")
        }
        #expect(!svg.contains(">round-trip</text>"), "no panel for a direction not measured")
        #expect(svg.contains(BenchPlot.colors["sandpiper"]!) && svg.contains(BenchPlot.colors["csv-pipe"]!))
        // Log axes over 1e3...1e7 rows: decade ticks.
        #expect(svg.contains(">10k</text>") && svg.contains(">1M</text>"))
    }

    @Test func nothingMeasuredSaysSo() {
        #expect(BenchPlot.svg([]).contains("no measurements"))
    }
}
