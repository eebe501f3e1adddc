import Columnar

/// Management commands: `.show`, `.create`, `.drop`, `.ingest inline`, `.set`/`.append`/..., `.export`, and the stored
/// function commands (`.create`/`.create-or-alter`/`.alter function`, `.drop function(s)`).
extension SyntaxParser {
    func parseCommand() throws(KQLError) -> CommandSyntax {
        let start = advance()  // '.'
        let verbStart = current
        var verb = advance().text
        while isPunct("-"), adjacent(0), adjacent(1), peek(1).isIdentifier {
            advance()
            verb += "-" + advance().text
        }
        let verbSpan = span(from: verbStart)
        let kind: CommandSyntax.Kind
        switch verb {
        case "show":
            kind = try parseShow()
        case "create" where isWord("table"):
            advance()
            let table = try parseName(after: "'.create table'", what: "a table name")
            let schema = try parseSchema(allowStar: false, context: "'.create table \(table.name)'")
            kind = .createTable(table: table, columns: schema.columns)
        case "create" where isWord("function"), "create-or-alter" where isWord("function"),
            "alter" where isWord("function"):
            advance()
            kind = try parseCreateFunction(verb: FunctionCommandSyntax.Verb(rawValue: verb)!)
        case "drop" where isWord("function"), "drop" where isWord("functions"):
            kind = try parseDropFunctions()
        case "drop" where isWord("table"):
            advance()
            let table = try parseName(after: "'.drop table'", what: "a table name")
            kind = .dropTable(table: table, ifExists: eatWord("ifexists"))
        case "ingest" where isWord("inline"):
            advance()
            kind = try parseIngestInline()
        case "set", "append", "set-or-append", "set-or-replace":
            _ = eatWord("async")
            let table = try parseName(after: "'.\(verb)'", what: "a table name")
            let options = isWord("with") ? try parseWithProperties() : []
            try expectPunct("<|", after: "'.\(verb) \(table.name)'")
            let query = try parseTabular()
            kind = .setOrAppend(verb: verb, table: table, options: options, query: query)
        case "export":
            kind = .export(try parseExport())
        default:
            var words = "." + verb
            if current.isIdentifier { words += " " + current.text }
            throw KQLError(
                .unsupported, "command `\(words)` is not supported",
                span: verbSpan.union(current.isIdentifier ? current.span : verbSpan),
                hint: "supported: " + Self.supportedCommands)
        }
        var command = CommandSyntax(kind: kind, span: span(from: start))
        // ADX lets query operators follow a `.show` command; they run over its result.
        if verb == "show" {
            while isPunct("|") {
                advance()
                command.operators.append(try parseOperator())
            }
        }
        return command
    }

    /// The commands this engine runs, for the hint of an unsupported one.
    static let supportedCommands =
        ".show tables, .show table T schema, .show functions, .show function F, .show databases, "
        + ".show database X schema, .show version, .show cluster, .show materialized-views, .create table, "
        + ".drop table, .ingest inline, .set, .append, .set-or-append, .set-or-replace, .create function, "
        + ".create-or-alter function, .alter function, .drop function, .export"

    func parseShow() throws(KQLError) -> CommandSyntax.Kind {
        if eatWord("tables") { return .showTables }
        if eatWord("functions") { return .showFunctions }
        if eatWord("function") {
            let name = try parseName(after: "'.show function'", what: "a function name")
            if isWord("with") { _ = try parseWithProperties() }  // ADX's display options change nothing here
            return .showFunction(name: name)
        }
        if eatWord("version") { return .showVersion }
        if eatWord("cluster") { return .showCluster }
        if isWord("materialized"), isPunct("-", 1), peek(2).isIdentifier, peek(2).text == "views" {
            advance(); advance(); advance()
            return .showMaterializedViews
        }
        if eatWord("databases") {
            var names: [NameSyntax] = []
            if isPunct("(") {
                advance()
                repeat {
                    names.append(try parseName(after: "'.show databases ('", what: "a database name"))
                } while eatPunct(",")
                _ = try expectPunct(")", after: "the database names")
            }
            if names.isEmpty, eatWord("entities") {
                if isWord("with") { _ = try parseWithProperties() }
                return .showDatabases(entities: true)
            }
            guard eatWord("schema") else {
                if names.isEmpty { return .showDatabases(entities: false) }
                throw expected("'schema'", after: "the database names")
            }
            return .showDatabaseSchema(databases: names, asJSON: try parseSchemaFormat(json: true))
        }
        if eatWord("database") {
            let name = try parseName(after: "'.show database'", what: "a database name")
            guard eatWord("schema") else {
                throw KQLError(
                    .unsupported, "only `.show database \(name.name) schema [as json]` is supported", span: current.span
                )
            }
            return .showDatabaseSchema(databases: [name], asJSON: try parseSchemaFormat(json: false))
        }
        if eatWord("table") {
            let table = try parseName(after: "'.show table'", what: "a table name")
            guard eatWord("schema") else {
                throw KQLError(
                    .unsupported, "only `.show table \(table.name) schema [as json]` is supported", span: current.span)
            }
            var asJSON = false
            if eatWord("as") {
                guard eatWord("json") else { throw expected("'json'", after: "'as'") }
                asJSON = true
            }
            return .showTableSchema(table: table, asJSON: asJSON)
        }
        let what = current.isIdentifier ? " " + current.text : ""
        throw KQLError(
            .unsupported, "command `.show\(what)` is not supported", span: current.span,
            hint: "supported: .show tables, .show table T schema [as json], .show functions, .show function F, "
                + ".show databases [entities], .show database X schema [as json], .show databases schema as json, "
                + ".show version, .show cluster, .show materialized-views")
    }

    /// `as json` after `schema` (required when `json` is true, as for `.show databases ... schema`), then
    /// an optional `with (...)`, whose entity options are accepted and ignored: the answer lists every
    /// entity, and a database here has tables only.
    private func parseSchemaFormat(json required: Bool) throws(KQLError) -> Bool {
        var asJSON = false
        if eatWord("as") {
            guard eatWord("json") else { throw expected("'json'", after: "'as'") }
            asJSON = true
        } else if required {
            throw expected("'as json'", after: "'schema'")
        }
        if isWord("with") { _ = try parseWithProperties() }
        return asJSON
    }

    /// `function [ifnotexists] [with (...)] Name(params) { body }`, after the verb; `ifnotexists` only for `.create`.
    func parseCreateFunction(verb: FunctionCommandSyntax.Verb) throws(KQLError) -> CommandSyntax.Kind {
        let ifNotExists = verb == .create && eatWord("ifnotexists")
        let properties = isWord("with") ? try parseWithProperties() : []
        let name = try parseName(after: "'function'", what: "a function name")
        guard isPunct("(") else { throw expected("'('", after: "the function name '\(name.name)'") }
        let first = position
        let definition = try parseFunctionDefinition()
        // The body opens at the first `{` outside the parameter list's parentheses (a default value
        // such as `dynamic({...})` holds its braces inside them).
        var depth = 0, open = first
        for i in first..<position {
            let t = tokens[i]
            if t.isPunct("(") {
                depth += 1
            } else if t.isPunct(")") {
                depth -= 1
            } else if t.isPunct("{"), depth == 0 {
                open = i; break
            }
        }
        let parametersText = source.slice(SourceSpan(definition.span.start, tokens[max(first, open - 1)].span.end))
        let bodyText = source.slice(SourceSpan(tokens[open].span.start, definition.span.end))
        return .createFunction(
            FunctionCommandSyntax(
                verb: verb, ifNotExists: ifNotExists, name: name, properties: properties,
                definition: definition, parametersText: parametersText, bodyText: bodyText))
    }

    /// `function Name [ifexists]` or `functions (A, B, ...) [ifexists]`, after `.drop`.
    func parseDropFunctions() throws(KQLError) -> CommandSyntax.Kind {
        if eatWord("function") {
            let name = try parseName(after: "'.drop function'", what: "a function name")
            return .dropFunctions(names: [name], several: false, ifExists: eatWord("ifexists"))
        }
        advance()  // functions
        let open = try expectPunct("(", after: "'.drop functions'")
        var names: [NameSyntax] = []
        repeat {
            names.append(try parseName(after: names.isEmpty ? "'('" : "','", what: "a function name"))
        } while eatPunct(",")
        guard eatPunct(")") else {
            throw expected("',' or ')'", after: "the function names opened at \(location(open))")
        }
        return .dropFunctions(names: names, several: true, ifExists: eatWord("ifexists"))
    }

    /// `[async] [compressed] to FORMAT (path, ...) [with (...)] <| query` after `.export`.
    func parseExport() throws(KQLError) -> ExportSyntax {
        _ = eatWord("async")
        let compressed = eatWord("compressed")
        try expectWord("to", after: "'.export'")
        let format = try parseName(after: "'.export to'", what: "a data format (csv, tsv, json, parquet or arrow)")
        let open = try expectPunct("(", after: "'.export to \(format.name)'")
        var paths: [ExpressionSyntax] = []
        while !isPunct(")") {
            guard canStartExpression else {
                throw expected("a path or ')'", after: "the list opened at \(location(open))")
            }
            paths.append(try parseExpression())
            if !eatPunct(",") { break }
        }
        guard eatPunct(")") else { throw expected("',' or ')'", after: "a path") }
        let options = isWord("with") ? try parseWithProperties() : []
        try expectPunct("<|", after: "'.export to \(format.name) (...)'")
        let query = try parseTabular()
        return ExportSyntax(format: format, compressed: compressed, paths: paths, options: options, query: query)
    }

    /// `.ingest inline into table T [with (...)] <| data`: the data is the raw text after `<|`, to the end.
    func parseIngestInline() throws(KQLError) -> CommandSyntax.Kind {
        try expectWord("into", after: "'.ingest inline'")
        try expectWord("table", after: "'into'")
        let table = try parseName(after: "'table'", what: "a table name")
        let options = isWord("with") ? try parseWithProperties() : []
        let arrow = try expectPunct("<|", after: "'.ingest inline into table \(table.name)'")
        let bytes = Array(source.text.utf8)
        var i = arrow.span.end
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        if i < bytes.count, bytes[i] == 0x0D { i += 1 }
        if i < bytes.count, bytes[i] == 0x0A { i += 1 }
        let data = String(decoding: bytes[i...], as: UTF8.self)
        position = tokens.count - 1
        return .ingestInline(table: table, options: options, data: data)
    }
}
