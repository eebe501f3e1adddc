import Columnar
import Foundation
import KQLEngine
import KQLSyntax
import SharedTable
import Testing
@testable import PythonPlugin

/// Files a script writes under `outputs/` are copied out into the output folder, within limits, all or none.
extension PythonSuites {
    @Suite
    struct PythonOutputFilesTests {
        let input = Table([("x", Column(int64s: [1, 2]))])

        func run(_ script: String, into folder: String) throws -> PluginResult {
            try PythonTestEnvironment.plugin(outputFiles: .folder(folder)).run(
                input: input, arguments: Call.adx(Call.schema(star: true, []), script))
        }

        /// Everything in the folder, as relative paths.
        func listing(_ folder: URL) -> [String] {
            let items = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
            return items.sorted()
        }

        @Test func filesUnderOutputsAreCopiedIntoTheFolder() throws {
            let scratch = PythonScratch()
            let folder = scratch.file("out").path
            let r = try run(
                """
                import os
                df.to_csv('outputs/rows.csv', index=False)
                os.makedirs('outputs/sub')
                open('outputs/sub/blob.bin', 'wb').write(bytes(range(256)))
                open('not-copied.txt', 'w').write('outside outputs/')
                result = df
                """, into: folder)
            #expect(r.table.rowCount == 2)
            #expect(r.files == [folder + "/rows.csv", folder + "/sub/blob.bin"])
            #expect(try String(contentsOfFile: folder + "/rows.csv", encoding: .utf8) == "x\n1\n2\n")
            #expect(FileManager.default.contents(atPath: folder + "/sub/blob.bin") == Data((0...255).map { UInt8($0) }))
            #expect(listing(scratch.file("out")) == ["rows.csv", "sub", "sub/blob.bin"])
        }

        @Test func aScriptWithoutOutputsWritesNoFolder() throws {
            let scratch = PythonScratch()
            let r = try run("result = df", into: scratch.file("out").path)
            #expect(r.files.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: scratch.file("out").path))
        }

        /// Past the limits, or with a link or a special file, the call fails with E_PYTHON_OUTPUT and writes nothing.
        @Test(arguments: [
            ("for i in range(101): open('outputs/f%d.txt' % i, 'w').write('x')", "more than 100 files"),
            ("open('outputs/big.bin', 'wb').write(b'0' * (33 << 20))", "more than 32 MiB"),
            (
                "import os\nopen('outputs/a.txt', 'w').write('a')\nos.symlink('/etc/passwd', 'outputs/link')",
                "symbolic link"
            ),
            ("import os\nos.mkfifo('outputs/pipe')", "not a regular file"),
        ])
        func refusedOutputsWriteNothing(script: String, expected: String) throws {
            let scratch = PythonScratch()
            let e = errorOf { _ = try run(script + "\nresult = df", into: scratch.file("out").path) }
            #expect(e?.code == .pythonOutputFiles, "\(String(describing: e))")
            #expect(e?.message.contains(expected) == true, "\(String(describing: e?.message))")
            #expect(!FileManager.default.fileExists(atPath: scratch.file("out").path))
        }

        @Test func droppedOutputsLeaveANotice() throws {
            let r = try PythonTestEnvironment.plugin(outputFiles: .dropped(reason: "no files for remote clients")).run(
                input: input,
                arguments: Call.adx(Call.schema(star: true, []), "open('outputs/a.txt', 'w').write('a')\nresult = df"))
            #expect(r.files.isEmpty)
            #expect(
                r.output?.contains(
                    "the script wrote 1 file under outputs/ (a.txt); they were dropped: no files for remote clients")
                    == true, "\(String(describing: r.output))")
        }
    }
}

/// The engine side of the copy checks what the worker reported before writing anything.
@Suite struct PythonOutputWriterTests {
    func file(_ path: String, _ text: String = "x") -> WorkerOutputFile {
        WorkerOutputFile(path: path, size: text.utf8.count, contents: Data(text.utf8))
    }

    @Test(arguments: ["../escape.txt", "a/../../b", "/etc/x", "a//b", ".", "sub/", "bad\u{1}name"])
    func pathsThatLeaveTheFolderAreRefused(path: String) {
        let scratch = PythonScratch()
        let e = errorOf { _ = try PythonOutputWriter.write([file(path)], to: scratch.file("out").path, span: .none) }
        #expect(e?.code == .pythonOutputFiles)
        #expect(!FileManager.default.fileExists(atPath: scratch.file("out").path))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.deletingLastPathComponent().path + "/escape.txt"))
    }

    @Test func aReplyWhoseBytesDisagreeWithItsSizeIsRefused() {
        let scratch = PythonScratch()
        let lying = WorkerOutputFile(path: "a.txt", size: 10, contents: Data("abc".utf8))
        let e = errorOf { _ = try PythonOutputWriter.write([lying], to: scratch.file("out").path, span: .none) }
        #expect(e?.code == .pythonOutputFiles)
    }

    /// A link already in the folder is replaced by the file, never followed.
    @Test func aLinkInTheWayIsReplacedNotFollowed() throws {
        let scratch = PythonScratch()
        let out = scratch.file("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "keep".write(to: scratch.file("target.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: out.path + "/a.txt", withDestinationPath: scratch.file("target.txt").path)
        let written = try PythonOutputWriter.write([file("a.txt", "new")], to: out.path, span: .none)
        #expect(written == [out.path + "/a.txt"])
        #expect(try String(contentsOfFile: scratch.file("target.txt").path, encoding: .utf8) == "keep")
        #expect(try String(contentsOfFile: out.path + "/a.txt", encoding: .utf8) == "new")
    }

    /// A later file that cannot be written takes the earlier ones of the same call with it.
    @Test func aFailureRemovesTheFilesAlreadyWritten() throws {
        let scratch = PythonScratch()
        let out = scratch.file("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // A file where the second one's folder must go.
        try "file".write(to: out.appendingPathComponent("sub"), atomically: true, encoding: .utf8)
        let e = errorOf {
            _ = try PythonOutputWriter.write([file("first.txt"), file("sub/second.txt")], to: out.path, span: .none)
        }
        #expect(e?.code == .pythonOutputFiles)
        #expect(!FileManager.default.fileExists(atPath: out.path + "/first.txt"))
    }
}
