import Foundation
import Testing

/// Stored functions from the command line: kept in the `--db` folder for later commands, and without
/// `--db` usable within the one command, with a notice that they are not kept.
@Suite struct StoredFunctionCommandTests {
    @Test func keptInTheFolderForLaterCommands() throws {
        let folder = NSTemporaryDirectory() + "sandpiper-fn-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let create = try SandpiperBinary.run([
            "query", "--db", folder, "--format", "csv",
            ".create function with (folder='Demo', docstring='twice x') Twice(x:long) { x * 2 }",
        ])
        #expect(create.status == 0, "\(create.stderr)")
        #expect(create.stdout == "Name,Parameters,Body,Folder,DocString\nTwice,(x:long),{ x * 2 },Demo,twice x\n")
        #expect(create.stderr == "")
        #expect(FileManager.default.fileExists(atPath: folder + "/functions/Twice.kql"))
        let call = try SandpiperBinary.run(["query", "--db", folder, "--format", "csv", "print y = Twice(21)"])
        #expect(call.stdout == "y\n42\n")
        let list = try SandpiperBinary.run(["query", "--db", folder, "--format", "csv", ".show functions"])
        #expect(list.stdout == "Name,Parameters,Body,Folder,DocString\nTwice,(x:long),{ x * 2 },Demo,twice x\n")
    }

    @Test func withoutAFolderTheyLastOneCommandWithANotice() throws {
        let r = try SandpiperBinary.run([
            "query", "--format", "csv", ".create function Twice(x:long) { x * 2 };\nprint y = Twice(21)",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("y\n42\n"))
        #expect(
            r.stderr
                == "notice: stored function Twice is kept for this command only; pass --db DIR to keep it in DIR/functions\n"
        )
        let later = try SandpiperBinary.run(["query", "print Twice(1)"])
        #expect(later.status == 1)
        #expect(later.stderr.hasPrefix("E_UNKNOWN_NAME: 1:7: unknown function 'Twice'"))
        #expect(!later.stderr.contains("Engine"))
    }
}
