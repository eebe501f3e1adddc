import Foundation
import Testing

/// `sandpiper help [TOPIC]`, did-you-mean for commands, shell completion and `sandbox default`, run as a user would.
@Suite(.serialized) struct CommandLineGuideTests {
    static let hint =
        "hint: Run `sandpiper --help` for the commands and `sandpiper help` for the documentation topics.\n"

    @Test func aMisspeltCommandGetsASuggestion() throws {
        let r = try SandpiperBinary.run(["qurey", "print 1"])
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr == "E_USAGE: unknown command 'qurey'; did you mean 'query'?\n" + Self.hint)
        let sub = try SandpiperBinary.run(["sandbox", "lst"])
        #expect(sub.status == 2)
        #expect(sub.stderr == "E_USAGE: unknown command 'sandbox lst'; did you mean 'sandbox list'?\n" + Self.hint)
        let far = try SandpiperBinary.run(["xyzzy"])
        #expect(far.status == 2)
        #expect(far.stderr == "E_USAGE: unknown command 'xyzzy'\n" + Self.hint)
    }

    @Test func helpListsTheTopicsAndPrintsOne() throws {
        let list = try SandpiperBinary.run(["help"])
        #expect(list.status == 0)
        #expect(list.stdout.hasPrefix("OVERVIEW: A local Kusto Query Language (KQL) engine"))
        #expect(list.stdout.contains("Documentation topics (`sandpiper help TOPIC` prints one;"))
        for topic in ["architecture", "errors", "limits", "support"] { #expect(list.stdout.contains("  \(topic)  ")) }
        let limits = try SandpiperBinary.run(["help", "limits"])
        #expect(limits.status == 0)
        let page = try String(
            contentsOf: SandpiperBinary.packageRoot.appendingPathComponent("docs/limits.md"), encoding: .utf8)
        #expect(limits.stdout.trimmingCharacters(in: .newlines) == page.trimmingCharacters(in: .newlines))
        let errors = try SandpiperBinary.run(["help", "errors"])
        #expect(errors.stdout.hasPrefix("# Error codes") && errors.stdout.contains("`E_USAGE`"))
    }

    @Test func helpForACommandIsTheParsersAndAnUnknownTopicIsSuggested() throws {
        let query = try SandpiperBinary.run(["help", "query"])
        #expect(query.status == 0)
        #expect(query.stdout.hasPrefix("OVERVIEW: Run a KQL query and print its results."))
        let typo = try SandpiperBinary.run(["help", "limts"])
        #expect(typo.status == 2)
        #expect(typo.stderr == "E_USAGE: no help topic or command 'limts'; did you mean 'limits'?\n" + Self.hint)
    }

    @Test func shellCompletionIsGenerated() throws {
        let r = try SandpiperBinary.run(["--generate-completion-script", "bash"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("_sandpiper()") && r.stdout.contains("conformance"))
    }

    @Test func sandboxDefaultWithoutANameShowsIt() throws {
        let home = NSTemporaryDirectory() + "sandpiper-default-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        let r = try SandpiperBinary.run(["sandbox", "default"], environment: ["SANDPIPER_HOME": home])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("default sandbox: python3.11.7 (built-in;"))
        let missing = try SandpiperBinary.run(["sandbox", "remove", "nothing"], environment: ["SANDPIPER_HOME": home])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("E_SANDBOX_NOT_FOUND"))
    }

    @Test func doctorVerifyNamesAMissingProbeWithItsCode() throws {
        let r = try SandpiperBinary.run(
            ["sandbox", "doctor", "--verify"], environment: ["SANDPIPER_PROBE": "/nonexistent/sandpiper-probe"])
        #expect(r.status == 1)
        #expect(
            r.stdout.contains("failed: E_SANDBOX_PROBE: /nonexistent/sandpiper-probe does not exist;"), "\(r.stdout)")
        #expect(!r.stdout.contains("Error Domain"))
    }
}
