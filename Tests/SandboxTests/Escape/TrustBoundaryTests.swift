import Columnar
import Foundation
import SharedTable
import Testing
@testable import Sandbox

/// A hostile script can make its own query fail, but cannot crash, hang or slow the engine past its
/// limits, nor read anything of another query: forged result regions and replies, a memfd cut under
/// the engine, a trickled reply, an oversized frame, a sealed region, what a pooled region held before,
/// and the descriptors a query child keeps. Each attack runs through the real path (supervisor, warm
/// zygote, confined child in the `minimal` sandbox), and the same supervisor must serve a plain query after it.
@Suite(
    "The engine's side of the sandbox boundary", .serialized,
    .enabled(if: PoolFixture.available, PoolFixture.unavailableReason),
    .enabled(if: PoolFixture.canConfine, "confinement needs root and seccomp"))
struct TrustBoundaryTests {
    static let shared = Supervisor()
    var supervisor: Supervisor { Self.shared }

    func run(_ code: String, input: Table = PoolFixture.oneRow, memoryMB: Int = 256, timeoutSeconds: Int = 30)
        throws(SupervisorError) -> ScriptOutput
    {
        let sandbox =
            (try? PoolFixture.sandbox(memoryMB: memoryMB, timeoutSeconds: timeoutSeconds))
            ?? SandboxSettings.inferred(sitePackages: [])
        return try supervisor.run(input, ScriptRun(script: HostileResult.prelude + code, sandbox: sandbox))
    }

    /// Runs an attack, expects it to end with one of `codes` (or, with `mayWin`, with a result: an attack
    /// racing the engine may lose the race), then checks that the supervisor still serves.
    @discardableResult
    func expectFails(
        _ code: String, _ codes: Set<String>, _ name: String, timeoutSeconds: Int = 30, mayWin: Bool = false
    ) throws -> SupervisorError? {
        var failure: SupervisorError?
        do { _ = try run(code, timeoutSeconds: timeoutSeconds) } catch { failure = error }
        #expect(failure.map { codes.contains($0.code.rawValue) } ?? mayWin, "\(name): \(String(describing: failure))")
        try expectServes()
        return failure
    }

    func expectServes() throws {
        let out = try supervisor.run(
            PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: try PoolFixture.sandbox()))
        #expect(out.table.rows == PoolFixture.oneRow.rows)
    }

    @Test("a forged header: 2^61 rows, columns past the region, an unknown type, a name that is not UTF-8")
    func forgedHeaders() throws {
        let attacks = [
            (
                "2^61 rows of a long column",
                "region(header(1 << 61, 1, 4096) + desc(3, (160, 1), values=(192, 64)) + b'x')"
            ),
            ("2^62 rows, no columns", "region(header(1 << 62, 0, 4096))"),
            ("a negative row count", "region(header(-1, 1, 4096) + desc(3, (160, 1), values=(192, 8)) + b'x')"),
            ("2^40 columns", "region(header(1, 1 << 40, 4096))"),
            ("values past the region", "region(header(1, 1, 4096) + desc(3, (160, 1), values=(4000, 1 << 62)) + b'x')"),
            ("a negative offset", "region(header(1, 1, 4096) + desc(3, (160, 1), values=(-64, 64)) + b'x')"),
            ("total bytes past the memfd", "region(header(1, 0, 1 << 40))"),
            ("an unknown type code", "region(header(1, 1, 4096) + desc(77, (160, 1), values=(192, 8)) + b'x')"),
            (
                "a block that does not exist",
                "region(header(1, 1, 4096) + desc(3, (160, 1), values=(0, 8), blocks=(0, 9, 0)) + b'x')"
            ),
            (
                "a name that is not UTF-8",
                "region(header(0, 1, 4096) + desc(3, (160, 2), values=(192, 0)) + b'\\xff\\xfe')"
            ),
        ]
        for (name, forge) in attacks {
            try expectFails("\(forge)\nreply(4096)\nos._exit(0)", ["E_RESULT"], name)
        }
    }

    @Test("forged string columns: offsets out of order, past the data, cutting a character, bytes that are not UTF-8")
    func forgedStrings() throws {
        let attacks = [
            ("offsets running backwards", "string_table([0, 4, 2], b'abcd')"),
            ("an offset past the data", "string_table([0, 1 << 40], b'abcd')"),
            ("offsets not starting at 0", "string_table([8, 8], b'abcd')"),
            ("an offset inside a character", "string_table([0, 1, 2], 'é'.encode() + b'x')"),
            ("bytes that are not UTF-8", "string_table([0, 2], b'\\xc3\\x28')"),
            ("a surrogate encoded in UTF-8", "string_table([0, 3], b'\\xed\\xa0\\x80')"),
        ]
        for (name, table) in attacks {
            try expectFails("t = \(table)\nregion(t)\nreply(len(t))\nos._exit(0)", ["E_RESULT"], name)
        }
        // The same helpers write a table the engine accepts: the checks above refuse what is wrong, not everything.
        let ok = try run("t = string_table([0, 2, 5], 'éabc'.encode())\nregion(t)\nreply(len(t))\nos._exit(0)")
        #expect(ok.table.rows == [[.string("é")], [.string("abc")]])
        let longs = try run("t = long_table([7, -1, 1 << 40])\nregion(t)\nreply(len(t))\nos._exit(0)")
        #expect(Array(longs.table.columns[0].longs) == [7, -1, 1 << 40])
    }

    @Test(
        "forged replies: a size out of range, a frame that is not JSON, a frame past the cap, a length prefix of 4 GiB")
    func forgedReplies() throws {
        let attacks = [
            ("a negative result size", "reply(-1)"),
            ("a result size of 2^62", "reply(1 << 62)"),
            ("a result size past the memory ceiling", "region(long_table([1]))\nreply(300 << 20)"),
            ("a frame that is not JSON", "frame(b'\\x00\\x01garbage')"),
            ("a JSON frame of the wrong shape", "frame(b'{\"resultBytes\": \"many\"}')"),
            ("a frame of 17 MiB", "frame(b' ' * (17 << 20))"),
            ("a length prefix of 4 GiB", "os.write(SOCK, struct.pack('<I', 0xffffffff) + b'{')\ntime.sleep(5)"),
        ]
        for (name, forge) in attacks {
            try expectFails("\(forge)\nos._exit(0)", ["E_RESULT"], name)
        }
    }

    @Test("a memfd cut under the engine gives E_RESULT, never SIGBUS, on the copied and the adopted path")
    func truncatedRegion() throws {
        // Small result: the reply claims bytes the memfd no longer has.
        try expectFails(
            "t = long_table([1, 2, 3])\nregion(t)\nos.ftruncate(OUT, 64)\nreply(len(t))\nos._exit(0)", ["E_RESULT"],
            "cut before the reply")
        // Large result (past the copy limit): adopted in place only after the tree is gone, and its size checked first.
        try expectFails(
            "t = long_table(list(range(1_200_000)))\nregion(t)\nos.ftruncate(OUT, 4096)\nreply(len(t))\nos._exit(0)",
            ["E_RESULT"], "cut before the reply, large")
        // A script that keeps cutting and regrowing the memfd while the engine copies it.
        try expectFails(
            """
            t = long_table(list(range(200_000)))
            region(t)
            reply(len(t))
            for i in range(20000):
                os.ftruncate(OUT, 0)
                os.ftruncate(OUT, len(t))
            os._exit(0)
            """, ["E_RESULT"], "cut and regrown while copied", mayWin: true)
        // A memfd grown (as far as RLIMIT_FSIZE lets the child) and never written, with a reply that claims
        // all of it: refused before the engine maps it, so nothing is allocated for it.
        let before = Self.residentBytes()
        try expectFails("os.ftruncate(OUT, 60 << 20)\nreply(60 << 20)\nos._exit(0)", ["E_RESULT"], "a result of holes")
        #expect(Self.residentBytes() < before + (32 << 20), "the engine allocated memory for a forged result")
    }

    /// This process's resident memory.
    static func residentBytes() -> Int {
        let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
        let pages = statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    @Test("a reply trickled a byte at a time stops at the time limit, as one deadline for the whole reply")
    func trickledReply() throws {
        let start = Date()
        let failure = try expectFails(
            """
            payload = json.dumps({'resultBytes': 4096, 'stdout': '', 'stderr': '', 'timings': {}}).encode()
            data = struct.pack('<I', len(payload)) + payload
            for b in data:
                os.write(SOCK, bytes([b]))
                time.sleep(0.5)
            time.sleep(60)
            """, ["E_SANDBOX_TIMEOUT"], "trickle", timeoutSeconds: 3)
        #expect(
            Date().timeIntervalSince(start) < 20,
            "the trickle held the engine for \(Date().timeIntervalSince(start)) s: \(String(describing: failure))")
    }

    @Test("a pooled memfd cannot be sealed, so later queries keep working")
    func sealing() throws {
        let out = try run(
            """
            F_ADD_SEALS, F_GET_SEALS = 1033, 1034
            try:
                fcntl.fcntl(OUT, F_ADD_SEALS, 0x1 | 0x2 | 0x4 | 0x8)
                outcome = 'sealed'
            except OSError as e:
                outcome = 'refused %d' % e.errno
            result = pd.DataFrame({'outcome': [outcome], 'seals': [fcntl.fcntl(OUT, F_GET_SEALS)]})
            """)
        #expect(out.table.row(0)[0] == .string("refused 1"))
        // F_SEAL_SEAL (1) is the only seal, set by the kernel for a memfd made without MFD_ALLOW_SEALING.
        #expect(out.table.row(0)[1] == .long(1))
        for _ in 0..<3 { try expectServes() }
    }

    @Test("a later query never sees what an earlier one left in a pooled region")
    func pooledRegionsAreCleared() throws {
        let marker = "SANDPIPER-EARLIER-QUERY-\(UInt32.random(in: 0...UInt32.max))"
        // The earlier query: its input holds the marker, and its script writes it all over its result region.
        let input = Table([("s", Column(strings: (0..<2000).map { "\(marker)-\($0)" }))])
        let plant = """
            size = os.fstat(OUT).st_size
            m = mmap.mmap(OUT, size)
            pattern = b'\(marker)' * (size // len(b'\(marker)') + 1)
            m[:] = pattern[:size]
            m.close()
            result = df
            """
        for _ in 0..<3 { _ = try run(plant, input: input) }
        // Later queries read every byte their result region holds (it is the only pool memfd they can see).
        for _ in 0..<4 {
            let probe = try run(
                """
                size = os.fstat(OUT).st_size
                data = os.pread(OUT, size, 0)
                result = pd.DataFrame({'found': [b'\(marker)' in data], 'size': [size]})
                """)
            #expect(probe.table.row(0)[0] == .bool(false), "a later query read an earlier query's data")
        }
    }

    @Test("a query child holds no descriptor but its stdio, its result and transcript memfds and its reply socket")
    func descriptors() throws {
        let out = try run(
            """
            rows = []
            for f in sorted(os.listdir('/proc/self/fd'), key=int):
                try:
                    target = os.readlink('/proc/self/fd/' + f)
                    with open('/proc/self/fdinfo/' + f) as info:
                        flags = int(info.read().split('\\n')[1].split()[1], 8)
                except OSError:
                    continue   # the listing's own descriptor, closed by now
                rows.append((int(f), target, flags & 0o10000000 != 0))
            result = pd.DataFrame(rows, columns=['fd', 'target', 'o_path'])
            """)
        let targets = out.table.rows.map { $0[1].text }
        #expect(!out.table.rows.contains { $0[2] == .bool(true) }, "O_PATH descriptors reach the script: \(targets)")
        #expect(
            targets.allSatisfy {
                $0 == "/dev/null" || $0.contains("memfd:sandpiper-pool") || $0.contains("memfd:sandpiper-transcript")
                    || $0.hasPrefix("socket:")
            },
            "descriptors of host files reach the script: \(targets)")
    }

    @Test("print output past 1 MiB is cut in the child, so the reply stays under its cap")
    func largeOutputIsCut() throws {
        let out = try run("print('x' * (5 << 20))\nresult = df")
        let count = out.stdout.utf8.count, notice = out.stdout.hasSuffix("at most 1048576 are kept]\n")
        #expect(count < (1 << 20) + 200, "the output is \(count) bytes")
        #expect(notice, "no notice of the cut: \(out.stdout.suffix(200))")
    }
}
