import Columnar
import Foundation

/// The environment family: what a query can ask about where and as whom it runs. Sandpiper is a local
/// engine, so each answers as the reference documents for data and principals outside a cluster: the
/// endpoint is `localhost`, the principal is the local user, and records belong to no extent and have
/// no ingestion time (an empty guid, no tags, a null time).
enum EnvironmentFunctions {
    static let all = FunctionFamily(
        "environment",
        [
            .row(
                "current_cluster_endpoint", arity: 0...0, [], out: .string, strict: false,
                "The network name of the engine being queried: localhost for a local engine.",
                example: "print current_cluster_endpoint()"
            ) { _ in .string("localhost") },
            .scalar(
                CurrentDatabaseFunction(), "The name of the database in scope (a folder database's folder name).",
                example: "print current_database()"),
            .row(
                "current_principal", arity: 0...0, [], out: .string, strict: false,
                "The principal running the query, as `localuser=<user name>`.",
                example: "print current_principal()"
            ) { _ in .string(principal) },
            .row(
                "current_principal_details", arity: 0...0, [], out: .dynamic, strict: false,
                "A bag describing the principal running the query (the local user).",
                example: "print current_principal_details()"
            ) { _ in
                .dynamic(
                    .bag(
                        PropertyBag([
                            ("UserPrincipalName", .string(userName)), ("IdentityProvider", .string("local")),
                            ("Authority", .string("localhost")), ("Mfa", .string("NotApplicable")),
                            ("Type", .string("localuser")),
                            ("DisplayName", .string(userName)), ("ObjectId", .string(userName)),
                            ("FQN", .string(principal)),
                        ])))
            },
            .row(
                "current_principal_is_member_of", arity: 1...64, [.string], out: .bool, strict: false,
                "Whether the principal running the query is one of the principals given (strings or arrays).",
                example: "print current_principal_is_member_of('aadgroup=group1@fabrikam.com')"
            ) { r in
                var names: [String] = []
                for v in r {
                    if case .dynamic(.array(let items)) = v {
                        names += items.map { Value.dynamic($0).text }
                    } else {
                        names.append(v.text)
                    }
                }
                return .bool(names.contains { $0.caseInsensitiveCompare(principal) == .orderedSame })
            },
            .row(
                "extent_id", arity: 0...0, [], out: .guid, strict: false,
                "The id of the data shard holding the record: the empty guid, as records here belong to no extent.",
                example: "print extent_id()"
            ) { _ in .guid(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))) },
            .row(
                "extent_tags", arity: 0...0, [], out: .dynamic, strict: false,
                "The tags of the data shard holding the record: an empty array, as records here belong to no extent.",
                example: "print extent_tags()"
            ) { _ in .dynamic(.array([])) },
            .row(
                "ingestion_time", arity: 0...0, [], out: .datetime, strict: false,
                "When the record was ingested: null, as no table here has an IngestionTime policy.",
                example: "print ingestion_time()"
            ) { _ in .null },
        ])

    /// The local user's name, as the operating system reports it.
    static let userName: String = ProcessInfo.processInfo.userName

    /// The principal's fully qualified name, in the reference's `type=id` form.
    static var principal: String { "localuser=" + userName }
}

/// `current_database()`: the name of the database in scope, as `.show tables` reports it.
struct CurrentDatabaseFunction: ScalarFunction {
    let name = "current_database"
    // Not folded when bound: the name comes from the database the query runs against.
    var isDeterministic: Bool { false }
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, []); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        .scalar(.string(context.databaseName), .string)
    }
}
