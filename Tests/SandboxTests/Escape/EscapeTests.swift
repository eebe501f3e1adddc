import Columnar
import Foundation
import Testing
@testable import Sandbox

/// Escape attempts through the real path: `Supervisor` → warm zygote → confined child running the
/// script in the `minimal` sandbox. Each attempt must fail inside the script (the query fails with
/// `E_SANDBOX_DENIED`, or `E_PYTHON` where the thing simply does not exist in the view), and the
/// supervisor must keep serving the next query with the same zygote.
@Suite(
    "Escapes through python()", .serialized,
    .enabled(if: PoolFixture.available, PoolFixture.unavailableReason),
    .enabled(if: PoolFixture.canConfine, "confinement needs root and seccomp"))
struct EscapeTests {
    /// How an attempt must fail.
    /// `stopped`: refused inside the script or, for bombs whose copies add up, stopped at the memory
    /// ceiling first — which comes first depends on the machine's load.
    enum Expect: Sendable { case denied, failsInScript, stopped }

    struct Escape: CustomTestStringConvertible, Sendable {
        let name: String
        let code: String
        let expect: Expect
        var testDescription: String { name }
        init(_ name: String, _ expect: Expect, _ code: String) {
            self.name = name; self.code = code; self.expect = expect
        }
    }

    /// Helpers every attempt can use: a raw syscall through ctypes that raises OSError with errno.
    static let prelude = """
        import ctypes, os, socket, subprocess, sys, mmap, threading
        libc = ctypes.CDLL(None, use_errno=True)
        def sc(*a):
            r = libc.syscall(*[ctypes.c_long(x if isinstance(x, int) else ctypes.cast(x, ctypes.c_void_p).value) for x in a])
            if r == -1:
                e = ctypes.get_errno(); raise OSError(e, os.strerror(e))
            return r

        """

    static let escapes: [Escape] = [
        Escape("TCP to a public address", .denied, "socket.create_connection(('1.1.1.1', 80), timeout=3)"),
        Escape("DNS lookup", .denied, "socket.getaddrinfo('example.com', 80)"),
        Escape("UDP send", .denied, "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('8.8.8.8', 53))"),
        Escape("AF_INET6 socket", .denied, "socket.socket(socket.AF_INET6, socket.SOCK_STREAM)"),
        Escape("AF_PACKET socket", .denied, "socket.socket(17, socket.SOCK_RAW, 0)"),
        Escape("AF_NETLINK socket", .denied, "socket.socket(16, socket.SOCK_RAW, 0)"),
        Escape("AF_VSOCK socket", .denied, "socket.socket(40, socket.SOCK_STREAM, 0)"),
        Escape("AF_ALG socket", .denied, "socket.socket(38, socket.SOCK_SEQPACKET, 0)"),
        Escape("socket family with high bits (AF_INET to the kernel)", .denied, "sc(41, 0x100000002, 1, 0)"),
        Escape("io_uring_setup", .denied, "sc(425, 8, ctypes.addressof(ctypes.create_string_buffer(120)))"),
        Escape("read /etc/shadow", .failsInScript, "open('/etc/shadow').read()"),
        Escape("write into /usr", .denied, "open('/usr/lib/sandpiper-escape', 'w').write('x')"),
        Escape(
            "write into the environment", .denied, "open(os.path.join(np.__path__[0], 'escape.py'), 'w').write('x')"),
        Escape("subprocess runs a shell", .denied, "subprocess.run(['/bin/sh', '-c', 'true'], check=True)"),
        Escape(
            "subprocess runs curl", .denied, "subprocess.run(['/usr/bin/curl', '-s', 'http://1.1.1.1'], check=True)"),
        Escape(
            "load a .so written to /tmp", .failsInScript,
            """
            open('/tmp/libz.so', 'wb').write(open('/usr/lib/x86_64-linux-gnu/libz.so.1', 'rb').read())
            ctypes.CDLL('/tmp/libz.so')
            """),
        Escape(
            "execute a binary from a memfd", .denied,
            """
            fd = os.memfd_create('x', 0)
            os.write(fd, open('/usr/bin/true', 'rb').read())
            os.execv('/proc/self/fd/%d' % fd, ['true'])
            """),
        Escape("fork bomb", .stopped, "while True:\n    os.fork()"),
        Escape(
            "thread bomb", .failsInScript,
            """
            import time
            while True:
                threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
            """),
        Escape(
            "fill /tmp", .failsInScript,
            """
            with open('/tmp/fill', 'wb') as f:
                while True:
                    f.write(b'x' * (1 << 20))
            """),
        Escape(
            "write a huge file", .failsInScript,
            """
            with open('/tmp/huge', 'wb') as f:
                f.seek(8 << 30)
                f.write(b'x')
            """),
        Escape("ptrace attach", .denied, "sc(101, 16, 1, 0, 0)"),
        Escape("process_vm_readv", .denied, "sc(310, 1, 0, 0, 0, 0, 0)"),
        Escape(
            "mount", .denied,
            "sc(165, ctypes.c_char_p(b'none'), ctypes.c_char_p(b'/tmp'), ctypes.c_char_p(b'tmpfs'), 0, 0)"),
        Escape("unshare a network namespace", .denied, "sc(272, 0x40000000)"),
        Escape("bpf", .denied, "sc(321, 0, 0, 0)"),
        Escape("perf_event_open", .denied, "sc(298, ctypes.addressof(ctypes.create_string_buffer(128)), 0, -1, -1, 0)"),
        Escape("userfaultfd", .denied, "sc(323, 0)"),
        Escape("keyctl", .denied, "sc(250, 0, 0)"),
        Escape("personality READ_IMPLIES_EXEC", .denied, "sc(135, 0x0400000)"),
        Escape("raise privileges back to root", .denied, "os.setuid(0)"),
    ]

    /// One supervisor for the whole suite: its warm zygote must survive every attempt.
    static let shared = Supervisor()
    var supervisor: Supervisor { Self.shared }

    func attempt(_ code: String, kargs: String = "{}") throws(SupervisorError) -> ScriptOutput {
        let sandbox =
            (try? PoolFixture.sandbox(memoryMB: 256, timeoutSeconds: 30)) ?? SandboxSettings.inferred(sitePackages: [])
        return try supervisor.run(
            PoolFixture.oneRow,
            ScriptRun(
                script: Self.prelude + code + "\nresult = pd.DataFrame({'escaped': [1]})",
                kargsJSON: kargs, sandbox: sandbox))
    }

    /// Runs an attempt and checks it failed inside the script, then that the same zygote still serves.
    func expectFails(_ code: String, _ expect: Expect, kargs: String = "{}", _ name: String) throws {
        var failure: SupervisorError?
        do { _ = try attempt(code, kargs: kargs) } catch { failure = error }
        let error = try #require(failure, "\(name) was not refused: the script completed")
        switch expect {
        case .denied:
            #expect(
                error.code.rawValue == "E_SANDBOX_DENIED", "\(name): \(error.code) \(error.message) \(error.hint ?? "")"
            )
        case .failsInScript:
            #expect(
                ["E_PYTHON", "E_SANDBOX_DENIED"].contains(error.code.rawValue),
                "\(name): \(error.code) \(error.message)")
        case .stopped:
            #expect(
                ["E_PYTHON", "E_SANDBOX_DENIED", "E_SANDBOX_KICKOUT"].contains(error.code.rawValue),
                "\(name): \(error.code) \(error.message)")
        }
        let zygotes = supervisor.workerPids
        let control = try supervisor.run(
            PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: try PoolFixture.sandbox()))
        #expect(control.table.rowCount == 1)
        #expect(supervisor.workerPids == zygotes, "the zygote was replaced after \(name)")
    }

    @Test("each escape attempt fails inside the script", arguments: escapes)
    func escapeFails(_ escape: Escape) throws {
        try expectFails(escape.code, escape.expect, escape.name)
    }

    @Test func tcpToAHostLoopbackListener() throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        try expectFails(
            "socket.create_connection(('127.0.0.1', kargs['port']), timeout=3)", .denied,
            kargs: #"{"port": \#(listener.port)}"#, "TCP to 127.0.0.1")
        #expect(!listener.hasPendingConnection())
    }

    @Test func hostUnixSockets() throws {
        let name = "sandpiper-escape-\(getpid())"
        let abstract = try UnixListener(abstractName: name)
        defer { abstract.close() }
        try expectFails(
            "s = socket.socket(socket.AF_UNIX); s.connect('\\0\(name)')", .failsInScript, "abstract unix socket")
        #expect(!abstract.hasPendingConnection())

        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/engine.sock"
        let listener = try UnixListener(path: path)
        defer { listener.close() }
        try expectFails("s = socket.socket(socket.AF_UNIX); s.connect('\(path)')", .failsInScript, "unix socket path")
        #expect(!listener.hasPendingConnection())
    }

    @Test func theEnginesDataIsNotVisible() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Data("secret".utf8).write(to: URL(fileURLWithPath: dir.path + "/table.parquet"))
        try expectFails("open('\(dir.path)/table.parquet').read()", .failsInScript, "engine data file")
        try expectFails("os.listdir('\(dir.path)')", .failsInScript, "engine data folder")
        // The environment is bound at its own path (module paths of the zygote point there), so the
        // home's folder exists in the view, holding that one environment and nothing else.
        let home = PoolFixture.home.root.path
        try expectFails("open('\(home)/registry.json').read()", .failsInScript, "the registry")
        let listing = try supervisor.run(
            PoolFixture.oneRow,
            ScriptRun(
                script: "import os\nresult = pd.DataFrame({'n': [','.join(sorted(os.listdir('\(home)')))]})",
                sandbox: try PoolFixture.sandbox()))
        #expect(listing.table.columns[0].string(0) == "envs")
    }

    @Test func killingTheZygoteFromTheScriptFails() throws {
        _ = try supervisor.run(PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: try PoolFixture.sandbox()))
        let zygote = try #require(supervisor.workerPids.first)
        try expectFails("os.kill(kargs['pid'], 9)", .failsInScript, kargs: #"{"pid": \#(zygote)}"#, "kill the zygote")
        try expectFails("os.kill(\(getpid()), 9)", .failsInScript, "kill the supervisor")
        #expect(kill(zygote, 0) == 0)
    }

    @Test("the i386 int 0x80 entry kills the query with E_SANDBOX_DENIED")
    func foreignArchitecture() throws {
        let code = """
            m = mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
            m.write(bytes([0xb8, 20, 0, 0, 0, 0xcd, 0x80, 0xc3]))
            f = ctypes.CFUNCTYPE(ctypes.c_int)(ctypes.addressof(ctypes.c_char.from_buffer(m)))
            t = threading.Thread(target=f); t.start(); t.join()
            """
        try expectFails(code, .denied, "int 0x80")
    }
}
