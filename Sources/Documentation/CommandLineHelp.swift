import Columnar
import KQLEngine

/// A command and its subcommands by name: the shape of the command line that `CommandLineHelp` searches
/// (the CLI builds it from its argument parser's configuration).
public struct CommandTree: Sendable, Equatable {
    /// The command's name (`query`, `sandbox`, `list`).
    public var name: String
    /// Other names it answers to.
    public var aliases: [String]
    /// Its subcommands; empty for a command that takes arguments.
    public var subcommands: [CommandTree]
    /// Whether a word after it that names no subcommand goes to a default subcommand (then it is not an error here).
    public var hasDefaultSubcommand: Bool

    public init(
        name: String, aliases: [String] = [], subcommands: [CommandTree] = [], hasDefaultSubcommand: Bool = false
    ) {
        self.name = name; self.aliases = aliases; self.subcommands = subcommands
        self.hasDefaultSubcommand = hasDefaultSubcommand
    }
}

/// What the command line answers before the argument parser sees it: `sandpiper help [TOPIC]` prints the
/// documentation compiled into the binary (``HelpTopics``), and a command that does not exist is an
/// `E_USAGE` error with a did-you-mean (the parser alone would only say "Unexpected argument").
public enum CommandLineHelp {
    /// The answer, when there is one.
    public enum Answer: Sendable, Equatable {
        /// Text for standard output; the command ends with status 0.
        case output(String)
        /// An `E_USAGE` error for standard error; the command ends with status 2.
        case usageError(String)
    }

    /// The answer to `arguments` (without the program's name), or nil to let the parser take them.
    /// `rootHelp` is the parser's help for the whole command, which `sandpiper help` prints above the topics.
    public static func answer(_ arguments: [String], commands: CommandTree, rootHelp: () -> String) -> Answer? {
        guard arguments.first == "help" else { return unknownCommand(arguments, commands: commands) }
        let words = Array(arguments.dropFirst())
        guard let word = words.first else { return .output(rootHelp() + "\n\n" + HelpTopics.listing()) }
        if words.count == 1, let topic = HelpTopics.named(word) { return .output(topic.text + "\n") }
        // `help sandbox build` and the like: the parser's own help for a command.
        if unknownCommand(words, commands: commands) == nil { return nil }
        let names = HelpTopics.all.map(\.name) + commands.subcommands.map(\.name)
        return usage(
            "no help topic or command '\(words.joined(separator: " "))'", NameSuggestion.closest(to: word, among: names)
        )
    }

    /// The usage error for the first word that should name a subcommand and names none, or nil.
    static func unknownCommand(_ arguments: [String], commands: CommandTree) -> Answer? {
        var command = commands
        var path: [String] = []
        for word in arguments {
            // Options, and the arguments of a command without subcommands (or with a default one), are the parser's.
            guard !command.subcommands.isEmpty, !command.hasDefaultSubcommand, !word.hasPrefix("-"), word != "help"
            else { return nil }
            guard let next = command.subcommands.first(where: { $0.name == word || $0.aliases.contains(word) }) else {
                let suggestion = NameSuggestion.closest(to: word, among: command.subcommands.map(\.name))
                return usage(
                    "unknown command '\((path + [word]).joined(separator: " "))'",
                    suggestion.map { (path + [$0]).joined(separator: " ") })
            }
            command = next
            path.append(word)
        }
        return nil
    }

    private static func usage(_ message: String, _ suggestion: String?) -> Answer {
        let text = "\(ErrorCode.usage): \(message)" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        return .usageError(text + "\nhint: \(ErrorCode.usage.hint)\n")
    }
}
