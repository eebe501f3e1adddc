import Foundation
import Sandbox
import Testing

/// The host's Python files (`Sources/PythonHost/Python/*.py`, embedded into the worker at build time):
/// each byte-compiles with Debian's python3, and their functions do what the worker relies on when run
/// outside a sandbox (sandbox_utils with the stdlib alone; the host helpers with the `minimal` test
/// sandbox's numpy and pandas on `sys.path`).
@Suite struct PythonSourceFilesTests {
    static let folder = HostTestEnvironment.packageRoot.appendingPathComponent("Sources/PythonHost/Python")

    static func source(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static var sitePackages: String? { HostTestEnvironment.sitePackages }

    /// Runs Debian's python3 on `program` with `arguments`; status and output (stdout and stderr together).
    static func python(_ program: String, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-I", "-B", "-c", program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func everyFileByteCompiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".py") }
            .sorted()
        #expect(files == ["host_module.py", "sandbox_utils.py"])
        for file in files {
            // Compiled in memory only: nothing is written next to the sources.
            let r = try Self.python(
                "import sys; compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], 'exec'); print('ok')",
                [Self.source(file)])
            #expect(r.status == 0 && r.output == "ok\n", "\(file): \(r.output)")
        }
    }

    @Test func sandboxUtilsWritesTheArtifactsAndCleansUp() throws {
        let program = #"""
            import os, sys, tempfile
            g = {}
            exec(compile(open(sys.argv[1], encoding='utf-8').read(), 'sandbox_utils.py', 'exec'), g)
            os.environ['TMPDIR'] = tempfile.mkdtemp()
            folder = g['workdir_enter']([('model.txt', b'weights'), ('data.bin', bytes(range(256)))])
            import sandbox_utils
            assert os.getcwd() == folder, (os.getcwd(), folder)
            assert sandbox_utils.ARTIFACTS == os.path.join(folder, 'Temp')
            assert open('model.txt', 'rb').read() == b'weights'
            assert open(os.path.join('Temp', 'data.bin'), 'rb').read() == bytes(range(256))
            assert os.path.islink('model.txt')
            assert sandbox_utils._find('MODEL.TXT').endswith('Temp/model.txt')
            try:
                sandbox_utils._find('missing.txt'); raise SystemExit('found a missing artifact')
            except FileNotFoundError:
                pass
            g['workdir_leave']()
            assert not os.path.exists(folder) and os.getcwd() == '/'
            for bad in ['..', 'Temp', 'a/b', '', 'x\x00y']:
                try:
                    g['workdir_enter']([(bad, b'')]); raise SystemExit('accepted the name %r' % bad)
                except ValueError:
                    g['workdir_leave']()
            print('ok')
            """#
        let r = try Self.python(program, [Self.source("sandbox_utils.py")])
        #expect(r.status == 0 && r.output == "ok\n", "\(r.output)")
    }

    @Test(
        .enabled(
            if: PythonSourceFilesTests.sitePackages != nil,
            "the `minimal` test sandbox is not built (scripts/test builds it)"))
    func hostHelpersBuildFramesAndDescribeFailures() throws {
        let program = #"""
            import sys
            sys.path.append(sys.argv[2])
            import numpy as np, pandas as pd
            g = {}
            exec(compile(open(sys.argv[1], encoding='utf-8').read(), 'host_module.py', 'exec'), g)
            raw = bytearray(np.array([1, -2, 3], dtype=np.int64).tobytes()) + bytearray([0b101])
            mv = memoryview(bytes(raw))
            values = g['view'](mv, 'long', 3, 0)
            assert values.dtype == np.int64 and list(values) == [1, -2, 3]
            nulls = g['mask'](mv, 3, 24)
            assert list(nulls) == [False, True, False]
            col = g['masked']('long', values, nulls)
            assert str(col.dtype) == 'Int64' and col[1] is pd.NA and col[2] == 3
            df = g['frame'](['a', 'b'], [values, np.array([0.5, 1.5, 2.5])], 3)
            assert list(df.columns) == ['a', 'b'] and len(df._mgr.blocks) == 2
            empty = g['frame']([], [], 4)
            assert len(empty) == 4 and list(empty.columns) == []
            try:
                exec(compile('x = 1\nopen("/nonexistent/file")', '<script>', 'exec'), {})
            except OSError as e:
                kind, message, tb, line, errno, full = g['describe'](type(e), e, e.__traceback__)
            assert kind == 'FileNotFoundError' and line == 2 and errno == 2, (kind, line, errno)
            # Folded, the traceback shows the script's frame and folds the standard library's open().
            assert 'File "<script>", line 2' in tb and 'File "<script>", line 2' in full, tb
            code = g['script_enter']('q.kql', 4, 'y = 1\nz = y / 0')
            try:
                exec(code, {})
            except ZeroDivisionError as e:
                kind, message, tb, line, errno, full = g['describe'](type(e), e, e.__traceback__)
            assert line == 5 and 'File "q.kql", line 5, in <module>\n    z = y / 0' in tb, tb
            assert g['check_result']({})[0] is None
            assert g['check_result']({'result': df})[0] is df
            print('ok')
            """#
        let r = try Self.python(program, [Self.source("host_module.py"), try #require(Self.sitePackages)])
        #expect(r.status == 0 && r.output == "ok\n", "\(r.output)")
    }
}
