import Columnar
import Foundation
import KQLSyntax
import Testing
@testable import KQLEngine

/// Stored functions of a folder database: one `functions/<Name>.kql` file each, read back by a new
/// engine over the same folder, and a malformed file that spoils only its own function.
@Suite struct FolderFunctionStoreTests {
    func run(_ folder: TemporaryFolder, _ query: String) throws(KQLError) -> Table {
        try Engine(database: try FolderDatabase(path: folder.path)).execute(query).tables[0].table
    }

    @Test func functionsOutliveTheEngineInOneFileEach() throws {
        let folder = TemporaryFolder()
        _ = try run(
            folder,
            """
            .create function with (folder = 'Math', docstring = "adds \\"one\\"\\nto x") AddOne(x:long) { x + 1 }
            """)
        #expect(folder.files == ["functions"])
        let text = try #require(folder.read("functions/AddOne.kql"))
        #expect(text.hasPrefix(".create-or-alter function"))
        // A new engine on the same folder reads it back, properties included.
        let shown = try run(folder, ".show function AddOne")
        #expect(
            shown.rows == [
                [
                    .string("AddOne"), .string("(x:long)"), .string("{ x + 1 }"), .string("Math"),
                    .string("adds \"one\"\nto x"),
                ]
            ])
        #expect(try run(folder, "print AddOne(41)").rows == [[.long(42)]])
        _ = try run(folder, ".drop function AddOne")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/functions")) == [])
        #expect(throws: KQLError.self) { try run(folder, "print AddOne(41)") }
    }

    @Test func aMalformedFileSpoilsOnlyItsFunction() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/functions", withIntermediateDirectories: true)
        folder.write("functions/Good.kql", ".create-or-alter function Good() { print x = 1 }\n")
        folder.write("functions/Bad.kql", ".create-or-alter function Bad() {\n  print x = \n}\n")
        folder.write("functions/Other.kql", ".create-or-alter function NotOther() { print 1 }\n")
        #expect(try run(folder, "Good").rows == [[.long(1)]])
        let bad = #expect(throws: KQLError.self) { try run(folder, "Bad") }
        #expect(bad?.code == .parse)
        #expect(bad?.description.contains("functions/Bad.kql:3:") == true, "\(bad?.description ?? "")")
        let misnamed = #expect(throws: KQLError.self) { try run(folder, "print Other()") }
        #expect(misnamed?.message.contains("defines function 'NotOther', not 'Other'") == true)
        // Replacing the broken function repairs it.
        _ = try run(folder, ".create-or-alter function Bad() { print x = 2 }")
        #expect(try run(folder, "Bad").rows == [[.long(2)]])
    }

    @Test func anErrorInAStoredBodyPointsIntoItsFile() throws {
        let folder = TemporaryFolder()
        _ = try run(folder, ".create function with (skipvalidation = true) F() {\n  print y = nosuchname\n}")
        let error = #expect(throws: KQLError.self) { try run(folder, "F") }
        #expect(error?.code == .unknownName)
        #expect(
            error?.description.contains("functions/F.kql:4:13: unknown name 'nosuchname'") == true,
            "\(error?.description ?? "")")
    }
}
