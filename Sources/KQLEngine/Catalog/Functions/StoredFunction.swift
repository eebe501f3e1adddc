import Columnar
import KQLSyntax

/// A stored function (`.create function`): a named, parameterized query kept in the database and
/// callable from every later query, as a `let` function is within one.
///
/// It is kept as the text of the command that recreates it, so a folder database stores one readable
/// `.kql` file per function and reads it back with the parser. The definition is always parsed from that
/// text (``definitionText``), never from the query that created it: spans inside it point into the
/// function's own text, so an error in its body shows the function's line, and the binder's caches, keyed
/// by definition span and source, never mix it up with the query's own `let` functions.
public struct StoredFunction: Sendable {
    public let name: String
    /// The parameter list as written, `(a:long)`.
    public let parameters: String
    /// The body as written, braces included.
    public let body: String
    public let folder: String
    public let docString: String
    /// The parsed definition, its spans pointing into ``definitionText``.
    public let definition: FunctionDefinitionSyntax

    /// Parses the function from its parts; `origin` names where it is kept (a file path), for errors.
    init(name: String, parameters: String, body: String, folder: String, docString: String, origin: String)
        throws(KQLError)
    {
        self.name = name; self.parameters = parameters; self.body = body; self.folder = folder;
        self.docString = docString
        let text = Self.commandText(
            name: name, parameters: parameters, body: body, folder: folder, docString: docString)
        self.definition = try Self.parse(text, origin: origin).definition
    }

    /// Reads a function back from the text ``definitionText`` wrote; `origin` names the file, for errors.
    static func read(_ text: String, origin: String) throws(KQLError) -> StoredFunction {
        let f = try parse(text, origin: origin)
        var options: [String: String] = [:]
        for o in f.properties {
            guard case .literal(.string(let v), _, _) = o.value else {
                throw KQLError(
                    .data, "property '\(o.name)' of function '\(f.name.name)' must be a string literal",
                    span: o.span, hint: "rewrite the file with `.create-or-alter function`"
                ).located(in: SourceText(text, name: origin))
            }
            options[o.name.lowercased()] = v
        }
        return try StoredFunction(
            name: f.name.name, parameters: f.parametersText, body: f.bodyText,
            folder: options["folder"] ?? "", docString: options["docstring"] ?? "", origin: origin)
    }

    private static func parse(_ text: String, origin: String) throws(KQLError) -> FunctionCommandSyntax {
        let script = try Parser.parse(text, sourceName: origin)
        guard script.statements.count == 1, case .command(let c) = script.statements[0],
            case .createFunction(let f) = c.kind
        else {
            throw KQLError(
                .data, "\(origin) does not hold one `.create-or-alter function` command",
                hint: "rewrite it with `.create-or-alter function`, or remove the file")
        }
        return f
    }

    /// The command that recreates this function: what a folder database keeps in its file.
    public var definitionText: String {
        Self.commandText(name: name, parameters: parameters, body: body, folder: folder, docString: docString)
    }

    private static func commandText(name: String, parameters: String, body: String, folder: String, docString: String)
        -> String
    {
        ".create-or-alter function with (folder = \(literal(folder)), docstring = \(literal(docString)))\n"
            + "\(bracketedName(name))\(parameters)\n\(body)\n"
    }

    /// The name as KQL reads it back: bare when it is an identifier, else `['...']`.
    static func bracketedName(_ name: String) -> String {
        let bytes = Array(name.utf8)
        let isIdentifier =
            !bytes.isEmpty && !(bytes[0] >= 0x30 && bytes[0] <= 0x39)
            && bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x5F }
        return isIdentifier ? name : "[" + literal(name) + "]"
    }

    /// A double-quoted KQL string literal of `s` that the lexer decodes back to `s`.
    static func literal(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x7F:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// The row `.show functions` shows for it.
    var row: [String] { [name, parameters, body, folder, docString] }

    /// The columns of `.show functions`, `.show function` and the `.create function` commands.
    static let columns = ["Name", "Parameters", "Body", "Folder", "DocString"]
}
