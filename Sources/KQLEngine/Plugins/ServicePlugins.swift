/// The plugins of KQL's reference that Sandpiper refuses by name rather than reporting them as merely missing:
/// those that call a service outside the cluster (it runs on one machine, over local files, and sends no query
/// or data anywhere) and `r`, whose language runtime it does not have.
enum ServicePlugins {
    /// Each refused plugin that calls a service, and what it would call.
    static let reasons: [String: String] = [
        "sql_request": "it sends a query to a SQL Server or Azure SQL database",
        "http_request": "it calls an HTTP endpoint",
        "http_request_post": "it posts to an HTTP endpoint",
        "cosmosdb_sql_request": "it sends a query to an Azure Cosmos DB container",
        "azure_digital_twins_query_request": "it sends a query to an Azure Digital Twins instance",
        "mysql_request": "it sends a query to a MySQL server",
        "postgresql_request": "it sends a query to a PostgreSQL server",
        "ai_chat_completion": "it calls an Azure OpenAI chat model",
        "ai_chat_completion_prompt": "it calls an Azure OpenAI chat model",
        "ai_embed_text": "it calls an Azure OpenAI embedding model",
        "ai_embeddings": "it calls an Azure OpenAI embedding model",
        "infer_storage_schema": "it reads blobs in Azure Storage to infer their schema",
        "infer_storage_schema_with_suggestions": "it reads blobs in Azure Storage to infer their schema",
    ]

    /// Refused plugins that need a language runtime Sandpiper does not embed, and what to use instead.
    static let runtimes: [String: (reason: String, hint: String)] = [
        "r": (
            "it runs an R script, and Sandpiper embeds no R runtime",
            "rewrite the script in Python and call python(), which runs it in a confined worker"
        )
    ]

    /// The whole refusal of a plugin (message and hint), or nil if it is not refused by name.
    static func refusal(_ name: String) -> (message: String, hint: String)? {
        if let r = runtimes[name] { return ("plugin '\(name)' is not supported: \(r.reason)", r.hint) }
        guard let why = reason(name) else { return nil }
        return (
            "plugin '\(name)' is not supported: \(why), and Sandpiper runs locally without calling other services",
            "export the data to a file and read it with --db or externaldata"
        )
    }

    /// The reason a plugin is refused, for a listed name or any `ai_*` plugin.
    static func reason(_ name: String) -> String? {
        if let r = reasons[name] ?? runtimes[name]?.reason { return r }
        return name.hasPrefix("ai_") ? "it calls an Azure AI service" : nil
    }
}
