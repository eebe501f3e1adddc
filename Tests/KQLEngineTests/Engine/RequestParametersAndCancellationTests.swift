import Columnar
import Foundation
import KQLSyntax
import Testing
@testable import KQLEngine

/// What a server hands the engine besides the text: the request's `Parameters` for `declare
/// query_parameters` and a cancellation switch.
@Suite struct RequestParametersAndCancellationTests {
    let engine = Engine(database: InMemoryDatabase(), now: { 0 })

    func run(_ query: String, _ parameters: [String: String]) throws -> [Value] {
        var properties = RequestProperties()
        properties.parameters = parameters
        return try engine.execute(query, properties: properties).tables[0].table.row(0)
    }

    @Test func parametersFillTheDeclaration() throws {
        // ADX's REST API: a string parameter's value is the text itself, the others are KQL literals.
        let row = try run(
            "declare query_parameters(n:long, s:string, d:dynamic, t:timespan = 1h); print n, s, d, t",
            ["n": "10", "s": "x'y", "d": "dynamic([\"a\"])"])
        #expect(row == [.long(10), .string("x'y"), .dynamic(.array([.string("a")])), .timespan(3_600_000_000_000)])
        // A given value wins over the default; a long literal converts to a declared real.
        #expect(
            try run("declare query_parameters(t:timespan = 1h, r:real); print t, r", ["t": "2m", "r": "3"])
                == [.timespan(120_000_000_000), .real(3)])
    }

    @Test func aValueOfTheWrongTypeIsAnArgumentError() {
        let error = #expect(throws: KQLError.self) {
            try run("declare query_parameters(n:long); print n", ["n": "abc"])
        }
        #expect(error?.code == .argument)
        #expect(error?.message.contains("query parameter 'n'") == true)
    }

    @Test func aCancelledRequestStopsWithECancelled() throws {
        let cancellation = QueryCancellation()
        cancellation.cancel()
        let error = #expect(throws: KQLError.self) {
            try engine.execute("range x from 1 to 10 step 1 | summarize count()", cancellation: cancellation)
        }
        #expect(error?.code == .cancelled)
        #expect(try engine.execute("print 1", cancellation: QueryCancellation()).tables.count == 1)
    }
}
