import KQLSyntax

/// What a query's statements declared besides `let` names — patterns, database aliases, entity groups — and the
/// entities `macro-expand` is binding its subquery for. They live for the whole query (ADX allows these
/// statements only at the top level), so the binder keeps them rather than each `Scope`.
struct QueryDeclarations {
    /// `declare pattern` statements by name, with the names their mappings' queries see.
    var patterns: [String: (pattern: PatternSyntax, scope: Scope)] = [:]
    /// `alias database Name = ...`: the local database's name each alias stands for.
    var databaseAliases: [String: String] = [:]
    /// `let G = entity_group [...]`: the entity references, as written.
    var entityGroups: [String: [ExpressionSyntax]] = [:]
    /// The entity each enclosing `macro-expand`'s identifier stands for while its subquery is bound.
    var macroEntities: [String: MacroEntity] = [:]
}

/// One entity of an entity group, resolved.
enum MacroEntity {
    /// A database (named as the local engine names it): `X.Table` reads its tables.
    case database(String)
    /// A table: `X` is the table itself.
    case table(BoundQuery)
}
