import Foundation
import Testing

/// A `--db` folder with a bad file: the good tables answer, the CLI warns once about the bad one, and
/// `--skip-bad-rows` reads what it can and says how much it left out.
@Suite struct FolderDatabaseCommandTests {
    @Test func badFilesAreReportedAndBadRowsCanBeLeftOut() throws {
        let folder = NSTemporaryDirectory() + "sandpiper-forgive-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "Id;Name\n1;a\n".write(toFile: folder + "/Good.csv", atomically: true, encoding: .utf8)
        try "x:long\n1\nnot a number\n2\n".write(toFile: folder + "/Rows.csv", atomically: true, encoding: .utf8)
        let good = try SandpiperBinary.run(["query", "--db", folder, "--format", "csv", "Good"])
        #expect(good.status == 0)
        #expect(good.stdout == "Id,Name\n1,a\n")
        #expect(
            good.stderr
                == "warning: table Rows was not loaded: \(folder)/Rows.csv:3: 'not a number' in column x is not a long; queries that name it fail\n"
        )
        let bad = try SandpiperBinary.run(["query", "--db", folder, "Rows"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("E_DATA: \(folder)/Rows.csv:3: 'not a number' in column x is not a long"))
        let lenient = try SandpiperBinary.run(["query", "--db", folder, "--skip-bad-rows", "--format", "csv", "Rows"])
        #expect(lenient.stdout == "x\n1\n2\n")
        #expect(lenient.stderr == "notice: left out 1 bad row of \(folder)/Rows.csv (the first at line 3)\n")
        let one = try SandpiperBinary.run(["query", "--db", folder + "/Good.csv", "--format", "csv", ".show tables"])
        #expect(
            one.stdout == "TableName,DatabaseName,Folder,DocString\nGood,\((folder as NSString).lastPathComponent),,\n")
    }
}
