import Columnar
import KQLSyntax

/// `database("d")`, `cluster("c").database("d")` and `alias database`.
///
/// A local engine is one cluster: `cluster(...)` naming any cluster resolves to it, and its database is the one
/// in scope (the `--db` folder's, or the embedded sample's), named as `current_database()` gives it. A reference
/// to any other database is `E_UNKNOWN_NAME`.
extension Binder {
    /// The `database(...)` call `e` is (chained after `cluster(...)` or not), with its arguments.
    func databaseCall(_ e: ExpressionSyntax) -> (args: [ArgumentSyntax], span: SourceSpan)? {
        guard case .call(let name, let args, let span) = Binder.unparenthesized(e), name.name == "database" else {
            return nil
        }
        return (args, span)
    }

    /// The name of the local database a database reference denotes: `database()` is the one in scope,
    /// `database("d")` the one named `d` (or the database an `alias database d` names).
    func resolveDatabase(_ e: ExpressionSyntax, scope: Scope) throws(KQLError) -> String {
        guard let call = databaseCall(e) else {
            throw KQLError(
                .argument, "expected a database: database(\"name\") or cluster(\"uri\").database(\"name\")",
                span: e.span)
        }
        var positional: [ArgumentSyntax] = []
        for a in call.args {
            if a.name?.name == ReferenceArgument.cluster {
                try checkCluster(a.value, scope: scope)
            } else if a.name == nil {
                positional.append(a)
            } else {
                throw KQLError(.argument, "database() takes no named arguments", span: a.value.span)
            }
        }
        let here = ManagementCommands.databaseName(database)
        guard let argument = positional.first else { return here }  // `database()`: the database in scope
        guard positional.count == 1 else {
            throw KQLError(.argument, "database() takes one argument, the database's name", span: call.span)
        }
        let wanted = try constantString(argument.value, scope: scope, what: "database()")
        if let aliased = declarations.databaseAliases[wanted] { return aliased }
        // A pattern (`database("S*")`, in find and search) matches the local database's name.
        guard wanted.lowercased() == here.lowercased() || Wildcard.matches(wanted.lowercased(), here.lowercased())
        else {
            throw KQLError(
                .unknownName, "database '\(wanted)' does not exist; the database in scope is '\(here)'",
                span: argument.value.span,
                hint:
                    "a local engine has one database (the --db folder, or the embedded sample); name it, leave database() out, or name it with `alias database \(wanted) = database(\"\(here)\")`"
            )
        }
        return here
    }

    /// `cluster("uri")` before `.database(...)`: any cluster is this engine, but the call must name one.
    private func checkCluster(_ e: ExpressionSyntax, scope: Scope) throws(KQLError) {
        guard case .call(_, let args, _) = e, args.count == 1, args[0].name == nil else {
            throw KQLError(.argument, "cluster() takes one argument, the cluster's URI or name", span: e.span)
        }
        _ = try constantString(args[0].value, scope: scope, what: "cluster()")
    }

    /// The string constant an argument evaluates to (a literal, a `let` name, a constant expression).
    func constantString(_ e: ExpressionSyntax, scope: Scope, what: String) throws(KQLError) -> String {
        guard case .string(let s)? = try bindScalar(e, schema: Schema([]), scope: scope).constantValue else {
            throw KQLError(.argument, "\(what) takes a string constant", span: e.span)
        }
        return s
    }

    /// `database("name").Table`: a table (or stored function without parameters) of the database named.
    func bindDatabaseTable(_ base: ExpressionSyntax, _ table: NameSyntax, scope: Scope) throws(KQLError)
        -> BoundQuery
    {
        _ = try resolveDatabase(base, scope: scope)
        // `database()` names the database, not the query's scope: a `let` of the same name is not a table of it.
        return try bindTableName(table, scope: Scope())
    }

    /// `database("name").F(args)` where a table is expected.
    func bindDatabaseFunctionCall(
        _ name: NameSyntax, _ args: [ArgumentSyntax], qualifier: ExpressionSyntax, span: SourceSpan, scope: Scope
    ) throws(KQLError) -> BoundQuery {
        let r = try bindDatabaseFunction(
            name, args, qualifier: qualifier, span: span, rowSchema: Schema([]), scope: scope)
        guard case .tabular(let q) = r else {
            throw KQLError(.type, "function '\(name.name)' returns a scalar value, not a table", span: span)
        }
        return q
    }

    /// The call `F(args)` the parser made of `database("name").F(args)`, with the database split off, or nil for
    /// any other call.
    static func databaseQualified(_ args: [ArgumentSyntax]) -> (qualifier: ExpressionSyntax, rest: [ArgumentSyntax])? {
        guard let q = args.first(where: { $0.name?.name == ReferenceArgument.database }) else { return nil }
        return (q.value, args.filter { $0.name?.name != ReferenceArgument.database })
    }

    /// `database("name").F(args)`: a stored function of the database named, tabular or scalar.
    func bindDatabaseFunction(
        _ name: NameSyntax, _ args: [ArgumentSyntax], qualifier: ExpressionSyntax, span: SourceSpan,
        rowSchema: Schema, scope: Scope
    ) throws(KQLError) -> FunctionCallResult {
        let db = try resolveDatabase(qualifier, scope: scope)
        guard let f = database.function(named: name.name) else {
            if let reason = unavailableFunction(name) { throw reason }
            throw KQLError(
                .unknownName, "database '\(db)' has no function '\(name.name)'", span: name.span,
                hint: NameSuggestion.hint(for: name.name, among: database.functionNames)
                    ?? "`.show functions` lists the stored functions")
        }
        return try bindUserFunction(
            f.definition, captured: Scope(), name: name, arguments: args, span: span, rowSchema: rowSchema,
            callerScope: scope)
    }

    /// `cluster("c").Table`: a cluster's tables are in its databases.
    func clusterWithoutDatabase(_ span: SourceSpan) -> KQLError {
        KQLError(
            .argument, "cluster(...) names a cluster; a table of it needs its database", span: span,
            hint: "write cluster(\"c\").database(\"db\").Table (every cluster is this local engine)")
    }

    /// `alias database Name = cluster("uri").database("db")`: `database("Name")` names that database from here on.
    public func bindAliasDatabase(_ a: AliasDatabaseSyntax, scope: Scope) throws(KQLError) {
        guard databaseCall(a.target) != nil else {
            throw KQLError(
                .argument, "alias database needs a database: cluster(\"uri\").database(\"name\")", span: a.target.span)
        }
        declarations.databaseAliases[a.name.name] = try resolveDatabase(a.target, scope: scope)
    }
}
