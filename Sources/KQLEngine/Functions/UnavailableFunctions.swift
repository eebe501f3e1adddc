/// Functions of KQL's catalogue that Sandpiper does not implement, with the reason: the binder refuses a call
/// of one with `E_UNSUPPORTED` and this reason instead of "unknown function", and `docs/support.md` prints it.
enum UnavailableFunctions {
    static let reasons: [String: String] = [
        "geo_info_from_ip_address":
            "it needs an IP-to-city database such as MaxMind's GeoLite2-City, which ADX uses and whose license does "
            + "not allow shipping it; no redistributable city-level database exists in Debian",
        "cursor_after": cursorReason,
        "cursor_before_or_at": cursorReason,
        "cursor_current": cursorReason,
        "current_cursor": cursorReason,
        "cluster":
            "a local engine is one cluster: cluster(\"any\") only qualifies a database, as in "
            + "cluster(\"c\").database(\"db\").Table",
        "external_table": "external tables (Azure Storage, SQL) are cloud services; read files with externaldata",
        "materialized_view": "materialized views are a cluster feature; use a stored function or materialize()",
    ]

    static let cursorReason =
        "database cursors need each record's ingestion time, and no table here records one (ingestion_time() is null)"
}
