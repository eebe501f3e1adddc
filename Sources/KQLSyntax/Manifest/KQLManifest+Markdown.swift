extension KQLManifest {
    /// The text of `docs/support.md`: one table per category, generated from the manifest (never edited by hand).
    public static func markdownSupportTable() -> String {
        var out = """
        # KQL support in Sandpiper

        Generated from `Sources/KQLSyntax/Manifest/KQLManifest.swift` — do not edit by hand.
        Regenerate with `SANDPIPER_REGENERATE=1 swift test --filter KQLSyntaxTests.ManifestTests`.

        The lists follow the tables of contents of the Azure Data Explorer KQL reference.
        Using a listed operator that is not implemented fails with `E_UNSUPPORTED` and its name.

        """
        for (title, entries) in [("Tabular operators", operators), ("Scalar functions", scalarFunctions),
                                 ("Aggregation functions", aggregateFunctions), ("Plugins", plugins)] {
            let done = entries.filter { $0.status == .implemented }.count
            out += "\n## \(title) (\(done) of \(entries.count) implemented)\n\n"
            out += "| name | status |\n| --- | --- |\n"
            for e in entries {
                let name = e.aliasOf.map { "`\(e.name)` (alias of `\($0)`)" } ?? "`\(e.name)`"
                out += "| \(name) | \(e.status == .implemented ? "implemented" : "not yet") |\n"
            }
        }
        return out
    }
}
