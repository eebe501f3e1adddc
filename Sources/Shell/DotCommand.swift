import Charts
import Foundation
import KQLEngine

/// A line of the shell that speaks to the shell rather than to the engine. Management commands also
/// start with a dot (`.show tables`, `.create table`): a line is a shell command only when its first word
/// is one of `names`, otherwise it is KQL.
public enum DotCommand: Equatable, Sendable {
    /// `.quit` or `.exit`: leave the shell (as Ctrl-D does).
    case quit
    /// `.help`: the commands and keys.
    case help
    /// `.timer on|off`: print each query's elapsed time under its result.
    case timer(Bool)
    /// `.format table|csv|json|markdown`: how results print.
    case format(ResultFormat)
    /// `.db DIR`: query the folder DIR (or one table file); `.db` alone names the current database,
    /// `.db sample` goes back to the embedded sample database.
    case database(String?)
    /// `.chart svg|png|html|vl.json|off`: the format charts of `render` are written in, or none.
    case chart(ChartFormat?)
    /// `.width N`: the widest table the table format prints (0: no limit; the terminal's width by default).
    case width(Int)
    /// `.rows N`: the rows of each result the table format prints (0: all).
    case rows(Int)

    /// The words that make a line a shell command.
    public static let names = ["quit", "exit", "help", "timer", "format", "db", "chart", "width", "rows"]

    /// The shell command `line` is, nil when the line is KQL; `E_SHELL_COMMAND` when it names a shell
    /// command with a bad argument.
    public static func parse(_ line: String) throws(ShellError) -> DotCommand? {
        var text = line.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix(".") else { return nil }
        if text.hasSuffix(";") { text.removeLast() }
        let body = text.dropFirst()
        let name = body.prefix { !$0.isWhitespace }.lowercased()
        guard names.contains(name) else { return nil }
        let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        let word = argument.lowercased()
        func noArgument(_ command: DotCommand) throws(ShellError) -> DotCommand {
            guard argument.isEmpty else { throw ShellError(".\(name) takes no argument", hint: "type .\(name)") }
            return command
        }
        switch name {
        case "quit", "exit": return try noArgument(.quit)
        case "help": return try noArgument(.help)
        case "timer":
            guard word == "on" || word == "off" else {
                throw ShellError("`.timer` needs on or off, not '\(argument)'", hint: "type .timer on or .timer off")
            }
            return .timer(word == "on")
        case "format":
            guard let format = ResultFormat(rawValue: word) else {
                throw ShellError(
                    "`.format` needs table, csv, json or markdown, not '\(argument)'", hint: "type e.g. .format csv")
            }
            return .format(format)
        case "db":
            return .database(argument.isEmpty ? nil : argument)
        case "chart":
            if word == "off" { return .chart(nil) }
            guard let format = ChartFormat(rawValue: word) else {
                throw ShellError(
                    "`.chart` needs svg, png, html, vl.json or off, not '\(argument)'", hint: "type e.g. .chart png")
            }
            return .chart(format)
        default:
            guard let n = Int(argument), n >= 0 else {
                throw ShellError(
                    "`.\(name)` needs a number (0 for no limit), not '\(argument)'", hint: "type e.g. .\(name) 0")
            }
            if name == "width", n != 0, n < 20 {
                throw ShellError("`.width` must be 0 (no limit) or at least 20", hint: "type e.g. .width 120")
            }
            return name == "width" ? .width(n) : .rows(n)
        }
    }

    /// What `.help` prints.
    public static let helpText = """
        Type a KQL query over one or more lines; a blank line or a line ending in ';' runs it
        (a line `let x = ...;` continues the query). Management commands (.show tables, .create table,
        .create function, ...) are KQL too. Tab completes tables, columns, functions and operators.
        Ctrl-C stops the running query; Ctrl-D or .quit leaves. History is kept in ~/.sandpiper_history.

          .quit, .exit                 leave the shell
          .help                        this text
          .timer on|off                print each query's elapsed time
          .format table|csv|json|markdown
                                       how results print
          .db [DIR|sample]             query a folder of .csv/.tsv/.jsonl files (or one file);
                                       without DIR, name the current database
          .chart svg|png|html|vl.json|off
                                       the format `render` charts are written in (files under the
                                       chart folder, their paths printed); off draws none
          .width N                     widest table the table format prints (0: no limit)
          .rows N                      rows of each result the table format prints (0: all)

        """
}
