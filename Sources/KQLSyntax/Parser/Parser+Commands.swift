import Columnar

/// Management commands: `.show`, `.create`, `.drop`, `.ingest inline`, `.set`/`.append`/... and `.create-or-alter function`.
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
        case "create" where isWord("function"), "create-or-alter" where isWord("function"):
            advance()
            kind = try parseCreateFunction(orAlter: verb == "create-or-alter")
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
        default:
            var words = "." + verb
            if current.isIdentifier { words += " " + current.text }
            throw KQLError(.unsupported, "command `\(words)` is not supported", span: verbSpan.union(current.isIdentifier ? current.span : verbSpan),
                           hint: "supported: .show tables, .show table T schema, .show functions, .show databases, .show database X schema, "
                               + ".show version, .show cluster, .show materialized-views, .create table, .drop table, "
                               + ".ingest inline, .set, .append, .set-or-append, .set-or-replace, .create-or-alter function")
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

    func parseShow() throws(KQLError) -> CommandSyntax.Kind {
        if eatWord("tables") { return .showTables }
        if eatWord("functions") { return .showFunctions }
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
                repeat { names.append(try parseName(after: "'.show databases ('", what: "a database name")) } while eatPunct(",")
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
                throw KQLError(.unsupported, "only `.show database \(name.name) schema [as json]` is supported", span: current.span)
            }
            return .showDatabaseSchema(databases: [name], asJSON: try parseSchemaFormat(json: false))
        }
        if eatWord("table") {
            let table = try parseName(after: "'.show table'", what: "a table name")
            guard eatWord("schema") else {
                throw KQLError(.unsupported, "only `.show table \(table.name) schema [as json]` is supported", span: current.span)
            }
            var asJSON = false
            if eatWord("as") {
                guard eatWord("json") else { throw expected("'json'", after: "'as'") }
                asJSON = true
            }
            return .showTableSchema(table: table, asJSON: asJSON)
        }
        let what = current.isIdentifier ? " " + current.text : ""
        throw KQLError(.unsupported, "command `.show\(what)` is not supported", span: current.span,
                       hint: "supported: .show tables, .show table T schema [as json], .show functions, .show databases [entities], "
                           + ".show database X schema [as json], .show databases schema as json, .show version, .show cluster, "
                           + ".show materialized-views")
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

    /// `.create[-or-alter] function [ifnotexists] [with (...)] Name(params) { body }`, after `function`.
    func parseCreateFunction(orAlter: Bool) throws(KQLError) -> CommandSyntax.Kind {
        _ = eatWord("ifnotexists")
        if isWord("with") { _ = try parseWithProperties() }
        let name = try parseName(after: "'function'", what: "a function name")
        guard isPunct("(") else { throw expected("'('", after: "the function name '\(name.name)'") }
        let definition = try parseFunctionDefinition()
        return .createFunction(name: name, definition: definition, orAlter: orAlter)
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
