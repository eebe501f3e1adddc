import Foundation

/// Collects the lines a user types into what the shell runs, as Kusto Explorer reads a query window: a
/// shell command (`DotCommand`) is one line; KQL (queries and management commands) may span lines and
/// runs at a blank line or at a line ending in `;`. A line ending in `;` that only finishes a `let`,
/// `set`, `declare` or `alias` statement continues the query, since those statements lead to one.
public struct StatementReader: Sendable {
    /// One thing to do.
    public enum Item: Equatable, Sendable {
        /// A shell command.
        case command(DotCommand)
        /// KQL text to run (without the `;` that ended it).
        case query(String)
    }

    private var lines: [String] = []

    public init() {}

    /// Whether lines of an unfinished query are waiting (the shell shows its continuation prompt).
    public var isContinuing: Bool { !lines.isEmpty }

    /// The unfinished query's lines so far, for completion.
    public var pendingText: String { lines.joined(separator: "\n") }

    /// Adds a typed line; returns what it completes, or nil while the query goes on.
    public mutating func add(_ line: String) throws(ShellError) -> Item? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if lines.isEmpty {
            if trimmed.isEmpty { return nil }
            if let command = try DotCommand.parse(trimmed) { return .command(command) }
        }
        if trimmed.isEmpty { return finish() }
        lines.append(line)
        if trimmed.hasSuffix(";") && !Self.leadsOn(pendingText) { return finish() }
        return nil
    }

    /// What is pending at the end of the input (or at a blank line), as a query; nil when nothing is.
    public mutating func finish() -> Item? {
        defer { lines = [] }
        var text = pendingText.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(";") {
            text.removeLast()
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text.isEmpty ? nil : .query(text)
    }

    /// Drops the unfinished query (Ctrl-C at the prompt).
    public mutating func discard() { lines = [] }

    /// Whether the last statement of `text` (ending in `;`) is one that a query follows.
    static func leadsOn(_ text: String) -> Bool {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while body.hasSuffix(";") { body.removeLast() }
        let last = body.split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? body
        let first = last.trimmingCharacters(in: .whitespacesAndNewlines).prefix { !$0.isWhitespace }.lowercased()
        return ["let", "set", "declare", "alias", "restrict", "pattern"].contains(first)
    }
}
