import KQLEngine
import KQLSyntax

/// What Tab offers: after a `|`, the operators Sandpiper implements; at the start of a line beginning
/// with a dot, the shell's commands; elsewhere the database's tables, the columns of the tables the
/// statement names (of every table when it names none), the functions of the function registry and the
/// stored functions.
public struct ShellCompletion: Sendable {
    let tables: [String]
    let columns: [String: [String]]
    let storedFunctions: [String]

    /// The completion over `database`'s tables, their columns and its stored functions.
    public init(database: any Database) {
        tables = database.tableNames
        var columns: [String: [String]] = [:]
        for name in tables { columns[name] = database.table(named: name)?.schema.fields.map(\.name) ?? [] }
        self.columns = columns
        storedFunctions = database.functionNames
    }

    init(tables: [String], columns: [String: [String]], storedFunctions: [String] = []) {
        self.tables = tables; self.columns = columns; self.storedFunctions = storedFunctions
    }

    /// The operators that are implemented (`where`, `mv-expand`, ...).
    static let operators: [String] = KQLManifest.operators.filter { $0.status == .implemented }.map(\.name)
    /// Every scalar and aggregate function of the registry.
    static let functions: [String] = Array(Set(FunctionRegistry.scalarNames + FunctionRegistry.aggregateNames))

    /// The candidates for `word`, given the statement's text before it; sorted, those that start with
    /// `word` as typed first, then those that start with it in another case.
    public func candidates(for word: String, before: String) -> [String] {
        let lastLine = before.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        let context = before.trimmingCharacters(in: .whitespacesAndNewlines)
        var pool: [String]
        if context.hasSuffix("|") {
            pool = Self.operators
        } else if word.hasPrefix("."), lastLine.trimmingCharacters(in: .whitespaces).isEmpty {
            pool =
                DotCommand.names.map { "." + $0 } + [".show", ".create", ".create-or-alter", ".drop", ".set-or-append"]
        } else {
            let named = tables.filter { Self.mentions(before, $0) }
            let columnNames = (named.isEmpty ? tables : named).flatMap { columns[$0] ?? [] }
            pool = tables + columnNames + Self.functions + storedFunctions
        }
        let unique = Array(Set(pool))
        let exact = unique.filter { $0.hasPrefix(word) }.sorted()
        if !exact.isEmpty { return exact }
        let lower = word.lowercased()
        return unique.filter { $0.lowercased().hasPrefix(lower) }.sorted()
    }

    /// Whether `text` has `name` as a whole word.
    static func mentions(_ text: String, _ name: String) -> Bool {
        var rest = Substring(text)
        while let r = rest.range(of: name) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            func isWord(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
            if !isWord(before) && !isWord(after) { return true }
            rest = text[r.upperBound...]
        }
        return false
    }
}
