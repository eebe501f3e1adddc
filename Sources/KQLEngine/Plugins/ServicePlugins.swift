/// The plugins of KQL's reference that call a service outside the cluster, which Sandpiper refuses by name
/// rather than reporting them as merely missing: it runs on one machine, over local files, and sends no query
/// or data anywhere.
enum ServicePlugins {
    /// Each refused plugin and what it would call.
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
    ]

    /// The reason a plugin is refused, for a listed name or any `ai_*` plugin.
    static func reason(_ name: String) -> String? {
        if let r = reasons[name] { return r }
        return name.hasPrefix("ai_") ? "it calls an Azure AI service" : nil
    }
}
