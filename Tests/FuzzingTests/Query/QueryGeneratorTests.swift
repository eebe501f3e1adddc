import Columnar
import KQLEngine
import KQLSyntax
import Testing
@testable import Fuzzing

/// The query generator covers the catalogue and writes queries that mostly bind and run.
@Suite struct QueryGeneratorTests {
    static let catalog = FuzzCatalog.shared

    /// Inputs from a fixed seed, so the shares below are the same on every run.
    static func inputs(_ count: Int) -> [[UInt8]] {
        var random = FuzzRandom(seed: 99)
        return (0..<count).map { _ in
            (0..<(64 + Int(random.next() % 400))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
    }

    @Test func everyImplementedOperatorHasAProduction() {
        let missing = Self.catalog.implementedOperators.filter {
            !QueryGenerator.productions.contains($0) && !QueryGenerator.sourceOnlyOperators.contains($0)
        }
        #expect(missing.isEmpty, "operators the manifest marks implemented that the generator cannot write: \(missing)")
    }

    @Test func mostRegistryFunctionsHaveASignature() {
        let called = Set(Self.catalog.scalars.values.flatMap { $0.map { $0[0].name } })
        // Functions that return several columns (series_fit_line, ...) are never an argument, so no signature is derived.
        let missing = FunctionRegistry.scalarNames.filter {
            !called.contains($0) && !FunctionRegistry.returnsSeveralColumns($0)
        }
        // A function whose every argument list is longer than five, or which takes no types at all, cannot be written.
        #expect(
            missing.count * 20 <= FunctionRegistry.scalarNames.count,
            "scalar functions without a derived signature: \(missing)")
        let aggregates = Set(Self.catalog.aggregates.map { $0[0].name })
        #expect(FunctionRegistry.aggregateNames.filter { !aggregates.contains($0) }.isEmpty)
        #expect(
            !Self.catalog.binary.isEmpty && !Self.catalog.setMembership.isEmpty && !Self.catalog.betweenTypes.isEmpty)
    }

    @Test func derivedSignaturesMatchTheRegistry() throws {
        // strlen(string) -> long and 1 + 1 -> long, as the ADX reference types them.
        let strlen = try #require(Self.catalog.scalars(returning: .long).first { $0[0].name == "strlen" })
        #expect(strlen.contains { $0.arguments == [.string] })
        #expect(Self.catalog.binary[.long]?.contains { $0.name == "+" && $0.arguments == [.long, .long] } == true)
        #expect(
            Self.catalog.binary[.bool]?.contains { $0.name == "has" && $0.arguments == [.string, .string] } == true)
    }

    @Test func sameBytesSameScript() {
        for input in Self.inputs(20) {
            var a = QueryGenerator(input), b = QueryGenerator(input)
            #expect(a.script() == b.script())
        }
    }

    @Test func emptyAndExhaustedInputsStillGiveAScript() {
        var empty = QueryGenerator([])
        #expect(!empty.script().isEmpty)
        var ones = QueryGenerator([UInt8](repeating: 0xff, count: 10_000))
        #expect(!ones.script().isEmpty)
    }

    @Test func theFuzzDatabaseHasEveryType() {
        let types = Set(FuzzDatabase.tables[0].1.schema.fields.map(\.type))
        #expect(types == Set(ScalarType.allCases))
    }
}
