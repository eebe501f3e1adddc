import ArgumentParser
import Documentation

extension CommandTree {
    /// The tree of a command's configuration, for `CommandLineHelp`.
    init(_ command: any ParsableCommand.Type) {
        let c = command.configuration
        self.init(
            name: command._commandName, aliases: c.aliases, subcommands: c.subcommands.map { CommandTree($0) },
            hasDefaultSubcommand: c.defaultSubcommand != nil)
    }
}

extension ArgumentHelp {
    /// An option's help from the documentation (`OptionHelp`).
    static func doc(_ option: OptionHelp) -> ArgumentHelp { ArgumentHelp(option.text, valueName: option.valueName) }
}
