import Columnar
import KQLSyntax

/// What Sandpiper does with each option a `set` statement may name: the request properties of ADX's
/// reference that a query can set.
///
/// An option is **honoured** (it changes what the query does here: the limits of ``RequestProperties``,
/// `query_now`, `query_python_debug`), **accepted** (it only tunes ADX's service — caching, tracing,
/// distribution, consistency, reporting — so results are the same without it), or **refused** with
/// `E_UNSUPPORTED` (it would change the results and Sandpiper does not implement it). A name the reference
/// does not list is `E_ARGUMENT`.
public enum QueryOptions {
    public enum Effect: Sendable, Equatable {
        case honoured
        case accepted
        case refused(String)
    }

    /// The option that fixes `now()` for the whole query.
    public static let queryNow = "query_now"

    static let honoured: Set<String> = [
        RequestProperties.Name.noTruncation, RequestProperties.Name.truncationMaxRecords,
        RequestProperties.Name.truncationMaxSize,
        RequestProperties.Name.takeMaxRecords, RequestProperties.Name.maxMemoryConsumptionPerIterator,
        RequestProperties.Name.serverTimeout, queryNow, "query_python_debug",
        // Read by the binder for `bin_auto()`.
        "query_bin_auto_size", "query_bin_auto_at",
    ]

    static let accepted: Set<String> = [
        "best_effort", "client_max_redirect_count", "client_results_reader_allow_varying_row_widths",
        "deferpartialqueryfailures",
        "materialized_view_shuffle_query", "max_memory_consumption_per_query_per_node", "maxoutputcolumns",
        "push_selection_through_aggregation",
        "query_datascope", "query_distribution_nodes_span", "query_fanout_nodes_percent",
        "query_fanout_threads_percent",
        "query_force_row_level_security", "query_log_query_parameters", "query_max_entities_in_union",
        "query_optimize_fts_at_relop",
        "query_results_cache_force_refresh", "query_results_cache_max_age", "query_results_cache_per_shard",
        "query_results_progressive_row_count", "query_results_progressive_update_period",
        "query_weakconsistency_session_id",
        "queryconsistency", "request_app_name", "request_block_row_level_security", "request_callout_disabled",
        "request_description",
        "request_external_table_disabled", "request_impersonation_disabled", "request_remote_entities_disabled",
        "request_user",
        "results_error_reporting_placement", "results_progressive_enabled", "results_v2_fragment_primary_tables",
        "results_v2_newlines_between_frames", "norequesttimeout", "querytrace",
    ]

    static let refused: [String: String] = [
        "query_cursor_after_default": "database cursors are not implemented",
        "query_cursor_before_or_at_default": "database cursors are not implemented",
        "query_cursor_current": "database cursors are not implemented",
        "query_cursor_disabled": "database cursors are not implemented",
        "query_cursor_scoped_tables": "database cursors are not implemented",
        "query_datetimescope_column": "datetime scopes are not applied to tables",
        "query_datetimescope_from": "datetime scopes are not applied to tables",
        "query_datetimescope_to": "datetime scopes are not applied to tables",
        "query_language": "only KQL is read",
        "query_results_apply_getschema": "results are always returned as data",
        "request_external_data_disabled": "it would change which sources a query may read, which is not enforced",
        "request_readonly": "it can only be given by the client, not by `set`",
        "request_readonly_hardline": "it would change what a query may write, which is not enforced",
        "request_sandboxed_execution_disabled": "it would change whether python() may run, which is not enforced",
        "validatepermissions": "there are no permissions to validate",
    ]

    /// What `set name` does here; nil for a name that is not an option.
    public static func effect(of name: String) -> Effect? {
        let n = name.lowercased()
        if honoured.contains(n) { return .honoured }
        if accepted.contains(n) { return .accepted }
        if let why = refused[n] { return .refused(why) }
        return nil
    }

    /// Checks `set name`: an option that is refused or unknown is an error at `span`.
    static func check(_ name: NameSyntax) throws(KQLError) {
        switch effect(of: name.name) {
        case .honoured?, .accepted?: return
        case .refused(let why)?:
            throw KQLError(
                .unsupported, "option '\(name.name)' is not supported: \(why)", span: name.span,
                hint: "remove the `set \(name.name)` statement")
        case nil:
            throw KQLError(
                .argument, "'\(name.name)' is not a query option", span: name.span,
                hint:
                    "docs/limits.md lists the options Sandpiper honours (notruncation, truncationmaxrecords, query_now, ...)"
            )
        }
    }
}
