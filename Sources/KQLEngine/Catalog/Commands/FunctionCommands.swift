import Columnar
import KQLSyntax

/// The stored function commands: `.create function`, `.create-or-alter function`, `.alter function`,
/// `.drop function(s)`, `.show functions` and `.show function F`.
///
/// Their results have ADX's columns: `Name`, `Parameters`, `Body`, `Folder`, `DocString` (one row per
/// function), except `.drop function F`, which returns the dropped function's `Name`.
enum FunctionCommands {
    /// Checks that a definition binds (names, columns, types), as ADX does unless `skipvalidation=true`.
    typealias Validator = (_ definition: FunctionDefinitionSyntax, _ name: String) throws(KQLError) -> Void

    static func create(
        _ command: FunctionCommandSyntax, span: SourceSpan, _ database: any Database,
        validate: Validator
    ) throws(KQLError) -> Table {
        let verb = "." + command.verb.rawValue + " function"
        let options = try CommandOptions(
            command.properties, known: ["folder", "docstring", "skipvalidation", "view"], command: verb)
        if try options.flag("view") {
            throw KQLError(
                .unsupported, "stored views (`view=true`) are not supported", span: options.span("view"),
                hint: "remove `view=true`: the function is then called by name as usual")
        }
        let name = command.name.name
        let exists = database.function(named: name) != nil || database.unavailableReason(forFunction: name) != nil
        switch command.verb {
        case .create where exists:
            if command.ifNotExists, let existing = database.function(named: name) { return table([existing]) }
            throw KQLError(
                .command, "function '\(name)' already exists", span: command.name.span,
                hint:
                    "use `.create-or-alter function` or `.alter function` to change it, or `.create function ifnotexists` to keep it"
            )
        case .alter where !exists:
            throw unknown(
                command.name, database, hint: "use `.create function` or `.create-or-alter function` to create it")
        default: break
        }
        if !(try options.flag("skipvalidation")) {
            do {
                try validate(command.definition, name)
            } catch {
                throw KQLError(
                    error.code, "function '\(name)' does not bind: \(error.message)", span: error.span,
                    hint: (error.hint.map { $0 + "; " } ?? "")
                        + "to store it as it is, add `with (skipvalidation=true)`",
                    cause: error.cause
                ).locatedLike(error)
            }
        }
        let function = try StoredFunction(
            name: name, parameters: command.parametersText, body: command.bodyText,
            folder: options["folder"] ?? "", docString: options["docstring"] ?? "",
            origin: "function \(name)")
        try database.storeFunction(function)
        return table([database.function(named: name) ?? function])
    }

    static func showAll(_ database: any Database) -> Table {
        table(database.functionNames.compactMap { database.function(named: $0) })
    }

    static func show(_ name: NameSyntax, _ database: any Database) throws(KQLError) -> Table {
        if let reason = database.unavailableReason(forFunction: name.name) { throw reason }
        guard let f = database.function(named: name.name) else { throw unknown(name, database) }
        return table([f])
    }

    /// `.drop function F` returns F's name; `.drop functions (...)` the functions that remain.
    static func drop(_ names: [NameSyntax], several: Bool, ifExists: Bool, _ database: any Database) throws(KQLError)
        -> Table
    {
        if !ifExists {
            for n in names
            where database.function(named: n.name) == nil && database.unavailableReason(forFunction: n.name) == nil {
                throw unknown(n, database)
            }
        }
        var dropped: [String] = []
        for n in names
        where database.function(named: n.name) != nil || database.unavailableReason(forFunction: n.name) != nil {
            try database.dropFunction(n.name)
            dropped.append(n.name)
        }
        if several { return showAll(database) }
        return ManagementCommands.stringTable(["Name"], dropped.map { [$0] })
    }

    static func table(_ functions: [StoredFunction]) -> Table {
        ManagementCommands.stringTable(StoredFunction.columns, functions.map(\.row))
    }

    private static func unknown(_ name: NameSyntax, _ database: any Database, hint: String? = nil) -> KQLError {
        if let close = NameSuggestion.closest(to: name.name, among: database.functionNames) {
            return KQLError(
                .unknownName, "there is no function '\(name.name)'; did you mean '\(close)'?", span: name.span,
                hint: hint)
        }
        return KQLError(
            .unknownName, "there is no function '\(name.name)'", span: name.span,
            hint: hint ?? "`.show functions` lists the stored functions")
    }
}

extension KQLError {
    /// This error with `other`'s query text, so it points where `other` did.
    func locatedLike(_ other: KQLError) -> KQLError {
        var e = self
        e.source = other.source
        return e
    }
}
