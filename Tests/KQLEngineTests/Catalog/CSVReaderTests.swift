import Testing
@testable import KQLEngine

@Suite struct CSVReaderTests {
    func texts(_ s: String, _ d: Character = ",") throws -> [[String]] {
        try CSVReader.records(s, delimiter: d.asciiValue!).map { $0.fields.map(\.text) }
    }

    @Test func quotesDelimitersAndNewlines() throws {
        let text = "a,b,c\n\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\r\n1,,3"
        #expect(try texts(text) == [["a", "b", "c"], ["x, y", "he said \"hi\"", "two\nlines"], ["1", "", "3"]])
    }

    @Test func recordLinesCountEmbeddedNewlines() throws {
        let records = try CSVReader.records("h\n\"a\nb\"\nc\n")
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func blankLinesAndBOMAreSkipped() throws {
        #expect(try texts("\u{FEFF}a\n\n\nb\n") == [["a"], ["b"]])
    }

    @Test func trailingDelimiterEndsAnEmptyField() throws {
        #expect(try texts("a,") == [["a", ""]])
        #expect(try texts("a\tb\t", "\t") == [["a", "b", ""]])
    }

    @Test func unclosedQuoteIsAnError() {
        #expect(throws: CSVError.self) { try CSVReader.records("a\n\"open,b\nc\n") }
        do {
            _ = try CSVReader.records("a\n\"open,b\nc\n")
        } catch {
            #expect(error.line == 2 && error.column == 1)
        }
    }

    @Test func textAfterClosingQuoteIsAnError() {
        #expect(throws: CSVError.self) { try CSVReader.records("\"a\"b,c") }
    }

    @Test func writerQuotesOnlyWhenNeeded() {
        #expect(
            CSVWriter.line(["plain", "a,b", "say \"x\"", "two\nlines", " pad", ""])
                == "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",\" pad\",\n")
    }
}
