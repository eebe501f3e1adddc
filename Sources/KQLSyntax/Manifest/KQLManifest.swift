/// Whether Sandpiper implements a KQL feature.
public enum SupportStatus: String, Sendable, Hashable {
    case implemented
    case notYet = "not yet"
    /// Declined on purpose (a plugin that calls a cloud service, or needs a language runtime Sandpiper does not
    /// embed): `E_UNSUPPORTED` says why.
    case refused
}

/// One operator, function or plugin of KQL, with its support status here.
public struct ManifestEntry: Sendable, Hashable {
    public var name: String
    public var status: SupportStatus
    /// For an alias (`filter`, `toreal`), the name of the entry it stands for.
    public var aliasOf: String?
    public init(name: String, status: SupportStatus, aliasOf: String? = nil) {
        self.name = name; self.status = status; self.aliasOf = aliasOf
    }
}

/// A function KQL's reference catalogues: its name and, for an alias, the name it stands for. Whether Sandpiper
/// implements it is the engine's function registry's to say (`FunctionRegistry`), not the manifest's.
public struct CatalogueEntry: Sendable, Hashable {
    public var name: String
    /// For an alias (`iif`, `toreal`), the documented function it stands for.
    public var aliasOf: String?
    public init(name: String, aliasOf: String? = nil) { self.name = name; self.aliasOf = aliasOf }
}

/// The catalogue of KQL's tabular operators, scalar functions, aggregation functions and plugins, taken from the
/// tables of contents of the Azure Data Explorer KQL reference; operators and plugins with their status in
/// Sandpiper, which the parser needs.
///
/// The parser's "not supported yet" errors come from the operator list; the functions' statuses and
/// `docs/support.md` are derived in the engine from this catalogue and the function registry.
public enum KQLManifest {
    /// Tabular operators (and the statement-level sources `datatable`, `print`, `range`, `union`, `evaluate`).
    public static let operators: [ManifestEntry] = entries(
        names: """
            as consume count datatable distinct evaluate extend externaldata facet find fork getschema invoke join
            limit lookup make-series mv-apply mv-expand order project project-away project-keep project-rename
            project-reorder parse parse-where parse-kv partition print range reduce render sample sample-distinct scan
            search serialize sort summarize take top top-nested top-hitters union where make-graph graph-match
            graph-to-table graph-shortest-paths graph-mark-components macro-expand project-by-names
            """,
        implemented: """
            as count datatable distinct evaluate extend getschema invoke join limit lookup make-series mv-apply mv-expand order parse
            parse-where project find search externaldata
            project-away project-keep project-rename project-reorder print range render sample serialize sort summarize
            take top union where
            consume facet fork parse-kv partition reduce sample-distinct scan top-hitters top-nested
            take top union where make-graph graph-match graph-to-table graph-shortest-paths graph-mark-components
            macro-expand project-by-names
            """,
        aliases: ["filter": "where", "mvexpand": "mv-expand", "mvapply": "mv-apply"])

    /// Scalar functions, including window functions, special functions (`materialize`, `toscalar`) and aliases.
    public static let scalarFunctions: [CatalogueEntry] = catalogue(
        names: KQLManifest.scalarFunctionText,
        aliases: [
            "notempty": "isnotempty", "notnull": "isnotnull", "toreal": "todouble", "todynamic": "parse_json",
            "toobject": "parse_json", "parsejson": "parse_json", "iif": "iff", "pack": "bag_pack",
            "toboolean": "tobool", "replace": "replace_regex", "parseurl": "parse_url", "array_iif": "array_iff",
            "columnifexists": "column_ifexists",
        ])

    /// Aggregation functions (used in `summarize`).
    public static let aggregateFunctions: [CatalogueEntry] = catalogue(
        names: """
            arg_max arg_min avg avgif binary_all_and binary_all_or binary_all_xor buildschema count count_distinct
            count_distinctif countif dcount dcountif hll hll_if hll_merge make_bag make_bag_if make_list make_list_if
            make_list_with_nulls make_set make_set_if max maxif min minif percentile percentiles percentiles_array
            percentilew percentilesw percentilesw_array stdev stdevif stdevp sum sumif take_any take_anyif tdigest
            tdigest_merge variance varianceif variancep variancepif covariance covarianceif covariancep covariancepif
            """,
        aliases: ["any": "take_any", "anyif": "take_anyif", "merge_tdigest": "tdigest_merge"])

    /// Plugins reached through `evaluate` (and the seed document's `| python(...)`).
    public static let plugins: [ManifestEntry] = entries(
        names: """
            active_users_count activity_counts_metrics activity_engagement activity_metrics ai_chat_completion
            ai_chat_completion_prompt ai_embeddings autocluster
            azure_digital_twins_query_request bag_unpack basket cosmosdb_sql_request dcount_intersect diffpatterns
            diffpatterns_text funnel_sequence funnel_sequence_completion geo_line_lookup geo_polygon_lookup
            http_request http_request_post infer_storage_schema infer_storage_schema_with_suggestions ipv4_lookup
            ipv6_lookup mysql_request
            narrow new_activity_metrics pivot postgresql_request preview python r rolling_percentile rows_near schema_merge
            sequence_detect session_count sliding_window_counts sql_request
            """,
        implemented: """
            bag_unpack geo_line_lookup geo_polygon_lookup python activity_counts_metrics sliding_window_counts
            dcount_intersect narrow rolling_percentile active_users_count ipv4_lookup ipv6_lookup pivot rows_near
            activity_metrics new_activity_metrics activity_engagement session_count funnel_sequence
            funnel_sequence_completion sequence_detect basket autocluster diffpatterns diffpatterns_text
            preview schema_merge
            """,
        aliases: [:],
        refused: """
            azure_digital_twins_query_request cosmosdb_sql_request http_request http_request_post mysql_request
            postgresql_request sql_request ai_chat_completion ai_chat_completion_prompt ai_embeddings
            infer_storage_schema infer_storage_schema_with_suggestions r
            """
    )

    /// The entry for an operator name (aliases included).
    public static func operatorEntry(_ name: String) -> ManifestEntry? { operators.first { $0.name == name } }

    /// The implemented operator whose name is closest to a misspelt one, if any is close enough to suggest.
    public static func closestOperator(to name: String) -> String? {
        let candidates = operators.filter { $0.status == .implemented }.map(\.name)
        let scored = candidates.map { ($0, editDistance($0, name)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, name.count / 3) else { return nil }
        return best
    }

    static func entries(names: String, implemented: String, aliases: [String: String], refused: String = "")
        -> [ManifestEntry]
    {
        let done = Set(implemented.split(whereSeparator: \.isWhitespace).map(String.init))
        let declined = Set(refused.split(whereSeparator: \.isWhitespace).map(String.init))
        var list = names.split(whereSeparator: \.isWhitespace).map { n -> ManifestEntry in
            let name = String(n)
            return ManifestEntry(
                name: name, status: done.contains(name) ? .implemented : declined.contains(name) ? .refused : .notYet)
        }
        let known = Set(list.map(\.name))
        // Implemented names the table of contents lists only under another entry (`bag_pack` is documented as `pack`).
        for name in done.subtracting(known).sorted() { list.append(ManifestEntry(name: name, status: .implemented)) }
        for (alias, target) in aliases {
            let status = done.contains(target) || done.contains(alias) ? SupportStatus.implemented : .notYet
            list.removeAll { $0.name == alias }
            list.append(ManifestEntry(name: alias, status: status, aliasOf: target))
        }
        return list.sorted { $0.name < $1.name }
    }

    static func catalogue(names: String, aliases: [String: String]) -> [CatalogueEntry] {
        var list = names.split(whereSeparator: \.isWhitespace).map { CatalogueEntry(name: String($0)) }
        list.removeAll { aliases[$0.name] != nil }
        list += aliases.map { CatalogueEntry(name: $0.key, aliasOf: $0.value) }
        return list.sorted { $0.name < $1.name }
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = old
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
