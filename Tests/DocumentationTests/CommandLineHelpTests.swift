import Testing

@testable import Documentation

@Suite struct CommandLineHelpTests {
    static let hint =
        "hint: Run `sandpiper --help` for the commands and `sandpiper help` for the documentation topics.\n"
    let commands = CommandTree(
        name: "sandpiper",
        subcommands: [
            CommandTree(name: "query"), CommandTree(name: "serve"),
            CommandTree(name: "sandbox", subcommands: [CommandTree(name: "list"), CommandTree(name: "build")]),
            CommandTree(name: "shell", subcommands: [CommandTree(name: "run")], hasDefaultSubcommand: true),
        ])

    func answer(_ arguments: [String]) -> CommandLineHelp.Answer? {
        CommandLineHelp.answer(arguments, commands: commands, rootHelp: { "ROOT HELP" })
    }

    @Test func knownCommandsAndOptionsAreLeftToTheParser() {
        for arguments in [
            [], ["query", "print 1"], ["query", "qurey"], ["sandbox", "list"], ["--help"], ["--version"],
            ["sandbox", "--help"], ["shell", "anything"], ["help", "query"], ["help", "sandbox", "list"],
        ] {
            #expect(answer(arguments) == nil, "\(arguments)")
        }
    }

    @Test func anUnknownCommandIsAUsageErrorWithASuggestion() {
        #expect(
            answer(["qurey"]) == .usageError("E_USAGE: unknown command 'qurey'; did you mean 'query'?\n" + Self.hint))
        #expect(
            answer(["sandbox", "lsit", "x"])
                == .usageError("E_USAGE: unknown command 'sandbox lsit'; did you mean 'sandbox list'?\n" + Self.hint))
        #expect(answer(["frobnicate"]) == .usageError("E_USAGE: unknown command 'frobnicate'\n" + Self.hint))
    }

    @Test func helpPrintsTheTopicsAndPages() throws {
        guard case .output(let listing) = answer(["help"]) else { Issue.record("no listing"); return }
        #expect(listing.hasPrefix("ROOT HELP\n\nDocumentation topics"))
        // A topic that is also a command prints the page.
        #expect(answer(["help", "serve"]) == .output(try #require(HelpTopics.named("serve")).text + "\n"))
        #expect(
            answer(["help", "limts"])
                == .usageError("E_USAGE: no help topic or command 'limts'; did you mean 'limits'?\n" + Self.hint))
    }
}
