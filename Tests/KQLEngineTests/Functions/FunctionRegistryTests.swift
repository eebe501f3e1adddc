import Foundation
import Testing
import KQLSyntax
@testable import KQLEngine

/// The registry is the one list of implemented functions: it agrees with KQL's catalogue, every declaration
/// documents itself, every example runs, and `docs/support.md` is generated from it.
@Suite struct FunctionRegistryTests {
    @Test func statuses() {
        #expect(FunctionRegistry.scalarCatalogue.first { $0.name == "strlen" }?.status == .implemented)
        #expect(FunctionRegistry.scalarCatalogue.first { $0.name == "bag_pack" }?.status == .implemented)
        #expect(FunctionRegistry.scalarCatalogue.first { $0.name == "toscalar" }?.status == .implemented)
        #expect(FunctionRegistry.scalarCatalogue.first { $0.name == "cursor_after" }?.status == .notYet)
        #expect(FunctionRegistry.scalarCatalogue.first { $0.name == "materialize" }?.status == .implemented)
        #expect(FunctionRegistry.aggregateCatalogue.first { $0.name == "take_any" }?.status == .implemented)
        #expect(FunctionRegistry.aggregateCatalogue.first { $0.name == "binary_all_xor" }?.status == .implemented)
    }

    /// Every registered name is one KQL's reference catalogues (a function or a documented alias), in the list
    /// of its kind; and every catalogue entry marked implemented is registered as that kind.
    @Test func registryMatchesCatalogue() {
        let scalars = Set(KQLManifest.scalarFunctions.map(\.name))
        let aggregates = Set(KQLManifest.aggregateFunctions.map(\.name))
        for d in FunctionRegistry.declarations {
            #expect(
                (d.isAggregate ? aggregates : scalars).contains(d.name),
                "\(d.name) (\(d.family)) is not in KQLManifest's \(d.isAggregate ? "aggregation" : "scalar") functions")
        }
        for e in FunctionRegistry.scalarCatalogue where e.status == .implemented {
            #expect(FunctionRegistry.declaration(named: e.name).map { !$0.isAggregate } == true, "\(e.name)")
        }
        for e in FunctionRegistry.aggregateCatalogue where e.status == .implemented {
            #expect(FunctionRegistry.aggregate(named: e.name) != nil, "\(e.name)")
        }
        // An alias is implemented only together with the function it stands for.
        for e in FunctionRegistry.scalarCatalogue + FunctionRegistry.aggregateCatalogue where e.status == .implemented {
            guard let target = e.aliasOf else { continue }
            #expect(FunctionRegistry.declaration(named: target) != nil, "\(e.name) is registered but \(target) is not")
        }
    }

    /// A name is declared once per kind: a scalar and an aggregate may share it (`hll_merge`), as in ADX.
    @Test func namesAreUnique() {
        let keys = FunctionRegistry.declarations.map { "\($0.name)\($0.isAggregate ? " (aggregate)" : "")" }
        let repeated = Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "declared twice: \(repeated)")
        #expect(FunctionRegistry.implementedNames.count == Set(FunctionRegistry.declarations.map(\.name)).count)
    }

    @Test func declarationsDocumentThemselves() {
        for d in FunctionRegistry.declarations {
            #expect(!d.family.isEmpty, "\(d.name) has no family")
            #expect(
                !d.summary.isEmpty && !d.summary.contains("\n") && d.summary.hasSuffix("."),
                "\(d.name): the summary is one sentence on one line")
            #expect(d.example.contains("\(d.name)("), "\(d.name): the example calls it")
        }
    }

    /// Every declaration's example runs through the engine and yields a table with a row, over the sample
    /// database `sandpiper query` uses (so an example may read StormEvents, as `database()`'s does).
    @Test func examplesRun() throws {
        let now: Int64 = 1_704_067_200_000_000_000
        let engine = Engine(database: SampleDatabase.make(now: now), now: { now })
        for d in FunctionRegistry.declarations {
            do {
                let result = try engine.execute(d.example)
                #expect(
                    result.tables.last.map { $0.table.rowCount > 0 } == true, "\(d.name): \(d.example) returned no row")
            } catch {
                Issue.record("\(d.name): \(d.example) failed: \(error)")
            }
        }
    }

    /// docs/support.md is generated; run with SANDPIPER_REGENERATE=1 to rewrite it.
    @Test func supportDocumentIsUpToDate() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("docs/support.md")
        let generated = FunctionRegistry.markdownSupportTable()
        if ProcessInfo.processInfo.environment["SANDPIPER_REGENERATE"] == "1" {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try generated.write(to: file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: file, encoding: .utf8)
        #expect(
            committed == generated,
            "docs/support.md is stale: run SANDPIPER_REGENERATE=1 swift test --filter KQLEngineTests.FunctionRegistryTests"
        )
    }
}
