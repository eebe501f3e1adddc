import Columnar
import Foundation
import KQLEngine
import Testing
@testable import PythonPlugin

/// `external_artifacts`, `sandbox_utils.Zipackage` and `set query_python_debug;`.
extension PythonSuites {
    @Suite
    struct PythonArtifactTests {
        let plugin = PythonTestEnvironment.plugin()
        let input = Table([("x", Column(int64s: [1, 2]))])

        /// ADX puts artifacts in the working folder's `Temp`; they are also reachable by name from the working folder.
        @Test func artifactsAreInTheScriptsWorkingFolderByName() throws {
            let scratch = PythonScratch()
            try "hello artifact".write(to: scratch.file("a.txt"), atomically: true, encoding: .utf8)
            try Data([0, 1, 2, 255]).write(to: scratch.file("blob.bin"))
            let script =
                "import os\nfiles = sorted(os.listdir('Temp'))\n"
                + "result = pd.DataFrame({'File': files, 'Size': [os.path.getsize(f) for f in files], 'Head': [open(f, 'rb').read(5).hex() for f in files]})"
            let args = Call.adx(
                Call.schema([("File", .string), ("Size", .long), ("Head", .string)]), script,
                artifacts: [
                    ("greeting.txt", scratch.file("a.txt").path),
                    ("data.bin", "file://" + scratch.file("blob.bin").path),
                ])
            let r = try PythonTestEnvironment.plugin(artifactRoots: ArtifactRoots([scratch.url.path])).run(
                input: input, arguments: args)
            #expect(
                r.table.rows == [
                    [.string("data.bin"), .long(4), .string("000102ff")],
                    [.string("greeting.txt"), .long(14), .string("68656c6c6f")],
                ])
        }

        @Test func networkURLsAndBadNamesAreRefused() {
            let https = Call.adx(
                Call.schema(star: true, []), "result = df", artifacts: [("f.zip", "https://example.com/f.zip")])
            let e = errorOf { _ = try plugin.run(input: input, arguments: https) }
            #expect(e?.code.rawValue == "E_SANDBOX_DENIED")
            #expect(e?.hint?.contains("local path") == true)
            let escape = Call.adx(Call.schema(star: true, []), "result = df", artifacts: [("../x", "/etc/hostname")])
            #expect(errorOf { _ = try plugin.run(input: input, arguments: escape) }?.code.rawValue == "E_ARGUMENT")
            let scratch = PythonScratch()
            let missing = Call.adx(
                Call.schema(star: true, []), "result = df", artifacts: [("x", scratch.file("nonexistent").path)])
            let inScratch = PythonTestEnvironment.plugin(artifactRoots: ArtifactRoots([scratch.url.path]))
            #expect(
                errorOf { _ = try inScratch.run(input: input, arguments: missing) }?.message.contains("no file") == true
            )
        }

        /// The engine may run as root: it reads no file for a script but regular files beneath the allowed
        /// folders, never through a link, never from /proc, /sys or /dev, and checks the size before reading.
        @Test func theEngineReadsNothingOutsideTheAllowedFolders() throws {
            let scratch = PythonScratch()
            let root = scratch.url.path
            try "ok".write(to: scratch.file("fine.txt"), atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(
                atPath: scratch.file("hostname-link").path, withDestinationPath: "/etc/hostname")
            try FileManager.default.createSymbolicLink(
                atPath: scratch.file("etc-link").path, withDestinationPath: "/etc")
            try FileManager.default.createDirectory(at: scratch.file("folder"), withIntermediateDirectories: true)
            #expect(mkfifo(scratch.file("fifo").path, 0o600) == 0)
            // A terabyte that holds nothing: refused by its size, before a byte is read.
            let huge = open(scratch.file("huge").path, O_CREAT | O_WRONLY, 0o600)
            #expect(huge >= 0 && ftruncate(huge, 1 << 40) == 0)
            close(huge)
            let plugin = PythonTestEnvironment.plugin(artifactRoots: ArtifactRoots([root, "/proc", "/dev", "/"]))
            func code(_ location: String) -> (String?, String) {
                let e = errorOf {
                    _ = try plugin.run(
                        input: input,
                        arguments: Call.adx(Call.schema(star: true, []), "result = df", artifacts: [("a", location)]))
                }
                return (e?.code.rawValue, e?.message ?? "")
            }
            let cases: [(String, String, String)] = [
                ("/etc/shadow", "E_SANDBOX_DENIED", "outside the folders"),
                ("/proc/self/environ", "E_SANDBOX_DENIED", "outside the folders"),
                ("/proc/self/maps", "E_SANDBOX_DENIED", "outside the folders"),
                ("/dev/zero", "E_SANDBOX_DENIED", "outside the folders"),
                ("file:///etc/passwd", "E_SANDBOX_DENIED", "outside the folders"),
                (root + "/hostname-link", "E_SANDBOX_DENIED", "symbolic link"),
                (root + "/etc-link/shadow", "E_SANDBOX_DENIED", "symbolic link"),
                (root + "/../../etc/shadow", "E_ARGUMENT", "'..'"),
                (root + "/fifo", "E_ARGUMENT", "a FIFO"),
                (root + "/folder", "E_ARGUMENT", "a folder"),
                (root + "/huge", "E_ARGUMENT", "1099511627776 bytes"),
            ]
            let start = Date()
            for (location, expected, text) in cases {
                let (got, message) = code(location)
                #expect(got == expected && message.contains(text), "\(location): \(String(describing: got)) \(message)")
            }
            #expect(
                Date().timeIntervalSince(start) < 10,
                "refusing took \(Date().timeIntervalSince(start)) s (a FIFO or the huge file was read?)")
            // /proc, /dev and / are never allowed folders, even when named; the allowed file itself is read.
            #expect(ArtifactRoots([root, "/proc", "/dev", "/"]).folders.count == 1)
            let ok = try plugin.run(
                input: input,
                arguments: Call.adx(
                    Call.schema([("t", .string)]), "result = pd.DataFrame({'t': [open('a').read()]})",
                    artifacts: [("a", root + "/fine.txt")]))
            #expect(ok.table.rows == [[.string("ok")]])
        }

        @Test func zipackageInstallsAZipOfWheelsForTheRun() throws {
            let scratch = PythonScratch()
            // A pure-python wheel, zipped as ADX expects (the .whl files themselves at the top of the zip).
            let make = """
                import sys, zipfile, os
                out = sys.argv[1]
                whl = os.path.join(os.path.dirname(out), 'tinypkg-1.0-py3-none-any.whl')
                with zipfile.ZipFile(whl, 'w') as z:
                    z.writestr('tinypkg/__init__.py', 'def greet(n):\\n    return "hi %s" % n\\n')
                    z.writestr('tinypkg-1.0.dist-info/METADATA', 'Metadata-Version: 2.1\\nName: tinypkg\\nVersion: 1.0\\n')
                    z.writestr('tinypkg-1.0.dist-info/WHEEL', 'Wheel-Version: 1.0\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n')
                    z.writestr('tinypkg-1.0.dist-info/RECORD', '')
                with zipfile.ZipFile(out, 'w') as z:
                    z.write(whl, os.path.basename(whl))
                """
            let (status, text) = try systemPython(make, [scratch.file("TinyPkg.zip").path])
            #expect(status == 0, "\(text)")
            let script = """
                from sandbox_utils import Zipackage
                Zipackage.install("tinypkg.zip")
                from tinypkg import greet
                result = df
                result['Name'] = [greet(i) for i in df['x']]
                """
            let args = Call.adx(
                Call.schema(star: true, [("Name", .string)]), script,
                artifacts: [("TinyPkg.zip", scratch.file("TinyPkg.zip").path)])
            let r = try PythonTestEnvironment.plugin(artifactRoots: ArtifactRoots([scratch.url.path])).run(
                input: input, arguments: args)
            #expect(r.table.rows.map { $0[1] } == [.string("hi 1"), .string("hi 2")])
            // Installed for that run only: the next run does not see it.
            let e = errorOf {
                _ = try plugin.run(input: input, arguments: Call.seed(script: "import tinypkg\nresult = df"))
            }
            #expect(e?.message.contains("ModuleNotFoundError") == true)
        }

        @Test func queryPythonDebugWritesARunnableFolderInsteadOfRunning() throws {
            let t = PythonTypeTests.table(nulls: true)
            let script =
                "exp = kargs['exp']\nresult = df[['l', 'r']].copy()\nresult['l4'] = df['l'] ** exp\nprint(result.dtypes.to_dict())"
            let args = Call.adx(
                Call.schema(star: true, [("l4", .long)]), script, kargs: [("exp", .long(4))],
                queryOptions: ["query_python_debug": .bool(true)])
            #expect(try plugin.outputSchema(input: t.schema, arguments: args) == PythonDebugDump.schema)
            let r = try plugin.run(input: t, arguments: args)
            guard case .string(let folder) = r.table.row(0)[0] else { Issue.record("no folder"); return }
            defer { try? FileManager.default.removeItem(atPath: folder) }
            #expect(r.output?.contains(folder) == true)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            #expect(files == ["debug_python.py", "df.txt", "kargs.txt"])
            #expect(try String(contentsOfFile: folder + "/kargs.txt", encoding: .utf8) == "{\"exp\":4}")
            let site = PythonTestEnvironment.sitePackages!
            let (status, out) = try systemPython(
                "import runpy, sys; sys.path.insert(0, sys.argv[1]); runpy.run_path(sys.argv[2], run_name='__main__')",
                [site, folder + "/debug_python.py"])
            #expect(status == 0, "\(out)")
            #expect(out.contains("'l': Int64") && out.contains("'l4': Int64"), "\(out)")
            #expect(out.contains("<NA>"), "\(out)")
        }
    }
}
