import Charts
import Foundation
import KQLSyntax

extension FunctionRegistry {
    /// Each scalar function KQL catalogues, with its status here: implemented when the registry declares it.
    public static var scalarCatalogue: [ManifestEntry] {
        KQLManifest.scalarFunctions.map {
            entry($0, implemented: declaration(named: $0.name).map { !$0.isAggregate } ?? false)
        }
    }

    /// Each aggregation function KQL catalogues, with its status here.
    public static var aggregateCatalogue: [ManifestEntry] {
        KQLManifest.aggregateFunctions.map { entry($0, implemented: aggregate(named: $0.name) != nil) }
    }

    private static func entry(_ e: CatalogueEntry, implemented: Bool) -> ManifestEntry {
        ManifestEntry(name: e.name, status: implemented ? .implemented : .notYet, aliasOf: e.aliasOf)
    }

    /// The text of `docs/support.md`: one table per category, operators and plugins from the manifest, functions
    /// from the manifest's catalogue and this registry's declarations (never edited by hand).
    public static func markdownSupportTable() -> String {
        var out = """
            # KQL support in Sandpiper

            Generated from `Sources/KQLSyntax/Manifest/KQLManifest.swift` (what KQL has) and the function families
            under `Sources/KQLEngine/Functions/` (what Sandpiper implements) — do not edit by hand.
            Regenerate with `SANDPIPER_REGENERATE=1 swift test --filter KQLEngineTests.FunctionRegistryTests`.

            The lists follow the tables of contents of the Azure Data Explorer KQL reference.
            Using a listed operator that is not implemented fails with `E_UNSUPPORTED` and its name. A plugin marked
            refused calls a cloud service, which Sandpiper does not do, or needs a language runtime it does not embed:
            it fails with `E_UNSUPPORTED` saying which (the reason is in its row).

            """
        for (title, entries, functions) in [
            ("Tabular operators", KQLManifest.operators, false),
            ("Scalar functions", scalarCatalogue, true),
            ("Aggregation functions", aggregateCatalogue, true),
            ("Plugins", KQLManifest.plugins, false),
        ] {
            let done = entries.filter { $0.status == .implemented }.count
            out += "\n## \(title) (\(done) of \(entries.count) implemented)\n\n"
            out +=
                functions
                ? "| name | status | family | summary |\n| --- | --- | --- | --- |\n"
                : "| name | status |\n| --- | --- |\n"
            for e in entries {
                let name = e.aliasOf.map { "`\(e.name)` (alias of `\($0)`)" } ?? "`\(e.name)`"
                let status =
                    e.status == .refused
                    ? "refused: \(ServicePlugins.reason(e.name) ?? "")" : e.status.rawValue
                if functions {
                    let d = e.status == .implemented ? declaration(named: e.name) : nil
                    // A function left out on purpose says why, where an implemented one has its summary.
                    let summary = d.map { cell($0.summary) } ?? UnavailableFunctions.reasons[e.name].map(cell) ?? ""
                    out += "| \(name) | \(status) | \(d?.family ?? "") | \(summary) |\n"
                } else {
                    out += "| \(name) | \(status) |\n"
                }
            }
        }
        // The visualizations `render` can name: drawn by Charts (`query --chart`), or refused with E_UNSUPPORTED.
        let kinds = (ChartKind.allCases.map { ($0.rawValue, true) } + ChartKind.undrawn.map { ($0, false) })
            .sorted { $0.0.lowercased() < $1.0.lowercased() }
        out += "\n## Visualizations of render (\(ChartKind.allCases.count) of \(kinds.count) drawn)\n\n"
        out +=
            "Drawn by `sandpiper query --chart FILE` (see `docs/charts.md`); the others fail with `E_UNSUPPORTED`.\n\n"
        out += "| name | status |\n| --- | --- |\n"
        for (name, drawn) in kinds { out += "| `\(name)` | \(drawn ? "drawn" : "not yet") |\n" }
        return out
    }

    /// A summary made safe for a table cell.
    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}

extension FunctionDeclaration {
    /// True for an aggregation function.
    public var isAggregate: Bool {
        if case .aggregate = implementation { return true }
        return false
    }
}
