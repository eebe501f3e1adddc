import Foundation
import Testing
import Sandbox

/// End to end: Debian's python3 under the standard plan (through `sandpiper-probe`); every escape
/// attempt must fail with an exception while the test process, which plays the host, keeps working.
@Suite(
    "Confinement escapes", .serialized,
    .enabled(
        if: ProbeHarness.probeAvailable, "needs the built sandpiper-probe (swift build --product sandpiper-probe)"),
    .enabled(if: ProbeHarness.pythonAvailable, "needs Debian's /usr/bin/python3"),
    .enabled(if: getuid() == 0, "namespaces, pivot_root and dropping to nobody need root"))
struct ConfinementEscapeTests {
    /// An escape attempt: Python that completes only if the sandbox let it through.
    struct Escape: CustomTestStringConvertible, Sendable {
        let name: String
        let code: String
        var testDescription: String { name }
    }

    static let escapes: [Escape] = [
        Escape(name: "DNS lookup", code: "socket.getaddrinfo('example.com', 80)"),
        Escape(name: "TCP to a public address", code: "socket.create_connection(('1.1.1.1', 80), timeout=3)"),
        Escape(
            name: "UDP send", code: "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('8.8.8.8', 53))"),
        Escape(name: "AF_INET6 socket", code: "socket.socket(socket.AF_INET6, socket.SOCK_STREAM)"),
        Escape(name: "AF_PACKET socket", code: "socket.socket(17, socket.SOCK_RAW, 0)"),
        Escape(name: "AF_NETLINK socket", code: "socket.socket(16, socket.SOCK_RAW, 0)"),
        Escape(name: "AF_VSOCK socket", code: "socket.socket(40, socket.SOCK_STREAM, 0)"),
        Escape(name: "AF_ALG socket", code: "socket.socket(38, socket.SOCK_SEQPACKET, 0)"),
        Escape(name: "socket family with high bits (AF_INET to the kernel)", code: "sc(41, 0x100000002, 1, 0)"),
        Escape(name: "socket family with high bits (AF_UNIX low word)", code: "sc(41, 0x100000001, 1, 0)"),
        Escape(name: "socketpair of AF_INET", code: "sc(53, 2, 1, 0, 0)"),
        Escape(name: "io_uring_setup", code: "sc(425, 8, ctypes.addressof(ctypes.create_string_buffer(120)))"),
        Escape(name: "read /etc/shadow", code: "open('/etc/shadow').read()"),
        Escape(name: "read the host's root home", code: "os.listdir('/root')"),
        Escape(name: "read /sys", code: "os.listdir('/sys/class/net')"),
        Escape(name: "write into /usr", code: "open('/usr/lib/sandpiper-escape', 'w').write('x')"),
        Escape(name: "subprocess runs a shell", code: "subprocess.run(['/bin/sh', '-c', 'true'], check=True)"),
        Escape(
            name: "subprocess runs curl", code: "subprocess.run(['/usr/bin/curl', '-s', 'http://1.1.1.1'], check=True)"),
        Escape(name: "os.system", code: "assert os.system('true') == 0"),
        Escape(
            name: "load a .so written to /tmp",
            code: """
                open('/tmp/libz.so', 'wb').write(open('/usr/lib/x86_64-linux-gnu/libz.so.1', 'rb').read())
                ctypes.CDLL('/tmp/libz.so')
                """),
        Escape(name: "create an executable memfd", code: "os.memfd_create('x', 0x10)"),
        Escape(
            name: "execute a binary from a memfd",
            code: """
                fd = os.memfd_create('x', 0)
                os.write(fd, open('/usr/bin/true', 'rb').read())
                os.execv('/proc/self/fd/%d' % fd, ['true'])
                """),
        Escape(name: "ptrace attach", code: "sc(101, 16, 1, 0, 0)"),
        Escape(name: "process_vm_readv", code: "sc(310, 1, 0, 0, 0, 0, 0)"),
        Escape(
            name: "mount",
            code: "sc(165, ctypes.c_char_p(b'none'), ctypes.c_char_p(b'/tmp'), ctypes.c_char_p(b'tmpfs'), 0, 0)"),
        Escape(name: "unshare a network namespace", code: "sc(272, 0x40000000)"),
        Escape(name: "clone with CLONE_NEWUSER", code: "sc(56, 0x10000000 | 17, 0, 0, 0, 0)"),
        Escape(name: "clone3", code: "sc(435, 0, 0)"),
        Escape(name: "bpf", code: "sc(321, 0, 0, 0)"),
        Escape(
            name: "perf_event_open", code: "sc(298, ctypes.addressof(ctypes.create_string_buffer(128)), 0, -1, -1, 0)"),
        Escape(name: "userfaultfd", code: "sc(323, 0)"),
        Escape(name: "keyctl", code: "sc(250, 0, 0)"),
        Escape(name: "personality READ_IMPLIES_EXEC", code: "sc(135, 0x0400000)"),
        Escape(name: "raise privileges back to root", code: "os.setuid(0)"),
        Escape(name: "write the memfd_noexec sysctl", code: "open('/proc/sys/vm/memfd_noexec', 'w').write('0')"),
    ]

    @Test("each escape attempt raises", arguments: escapes)
    func escapeFails(_ escape: Escape) throws {
        let outcome = try ProbeHarness.runPython(ProbeHarness.attempt(escape.code))
        #expect(outcome.exitCode == 0, "\(outcome)")
        #expect(outcome.stdout.hasPrefix("DENIED"), "\(escape.name) was not refused: \(outcome)")
    }

    @Test("i386 int 0x80 entry kills the whole process, not just the thread")
    func foreignArchitectureKills() throws {
        // mov eax, 20 (i386 getpid); int 0x80; ret — run on a second thread: a thread-only kill
        // would let the main thread print "survived".
        let code = """
            import ctypes, mmap, threading
            m = mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
            m.write(bytes([0xb8, 20, 0, 0, 0, 0xcd, 0x80, 0xc3]))
            f = ctypes.CFUNCTYPE(ctypes.c_int)(ctypes.addressof(ctypes.c_char.from_buffer(m)))
            print("before", flush=True)
            t = threading.Thread(target=lambda: print("ESCAPED", f(), flush=True)); t.start(); t.join()
            print("survived", flush=True)
            """
        let outcome = try ProbeHarness.runPython(code)
        #expect(outcome.stdout == "before\n", "\(outcome)")
        #expect(outcome.signal == SIGSYS, "\(outcome)")
    }

    @Test("the harness does see an escape when the layers are off (the checks can fail)")
    func harnessDetectsEscape() throws {
        var plan = ConfinementPlan.standard(executables: [ProbeHarness.python])
        plan.seccomp = nil
        plan.landlock = nil
        let outcome = try ProbeHarness.runPython(
            ProbeHarness.attempt("socket.socket(socket.AF_INET6, socket.SOCK_STREAM)"), plan: plan)
        #expect(outcome.stdout.hasPrefix("ESCAPED"), "\(outcome)")
    }

    @Test("TCP to a listener on the host's loopback fails and nothing arrives")
    func loopbackTCP() throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        let outcome = try ProbeHarness.runPython(
            ProbeHarness.attempt(
                "socket.create_connection(('127.0.0.1', \(listener.port)), timeout=3)"))
        #expect(outcome.stdout.hasPrefix("DENIED"), "\(outcome)")
        #expect(!listener.hasPendingConnection(), "a connection reached the host listener")
    }

    @Test("unix sockets of the host are out of reach (abstract and path)")
    func hostUnixSockets() throws {
        let name = "sandpiper-test-\(getpid())"
        let abstract = try UnixListener(abstractName: name)
        defer { abstract.close() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/host.sock"
        let named = try UnixListener(path: path)
        defer { named.close() }
        let outcomeAbstract = try ProbeHarness.runPython(
            ProbeHarness.attempt(
                "s = socket.socket(socket.AF_UNIX); s.connect('\\0\(name)')"))
        #expect(outcomeAbstract.stdout.hasPrefix("DENIED"), "\(outcomeAbstract)")
        let outcomePath = try ProbeHarness.runPython(
            ProbeHarness.attempt(
                "s = socket.socket(socket.AF_UNIX); s.connect('\(path)')"))
        #expect(outcomePath.stdout.hasPrefix("DENIED"), "\(outcomePath)")
        #expect(!abstract.hasPendingConnection() && !named.hasPendingConnection())
    }

    @Test("the engine's data folder and the environment are protected")
    func hostFolders() throws {
        let engine = try TemporaryDirectory()
        defer { engine.remove() }
        try "secret".write(toFile: engine.path + "/registry.json", atomically: true, encoding: .utf8)
        let environment = try TemporaryDirectory()
        defer { environment.remove() }
        try "print('from env')".write(toFile: environment.path + "/hello.py", atomically: true, encoding: .utf8)
        let plan = ConfinementPlan.standard(environment: environment.path, executables: [ProbeHarness.python])
        let read = try ProbeHarness.runPython(
            ProbeHarness.attempt("open('\(engine.path)/registry.json').read()"), plan: plan)
        #expect(read.stdout.hasPrefix("DENIED"), "\(read)")
        let write = try ProbeHarness.runPython(
            ProbeHarness.attempt("open('/sandbox/env/new.py', 'w').write('x')"), plan: plan)
        #expect(write.stdout.hasPrefix("DENIED"), "\(write)")
        let control = try ProbeHarness.runPython("exec(open('/sandbox/env/hello.py').read())", plan: plan)
        #expect(control.stdout == "from env\n", "\(control)")
        #expect(!FileManager.default.fileExists(atPath: environment.path + "/new.py"))
    }

    @Test("killing the parent or a host process is refused and the host survives")
    func hostProcesses() throws {
        let me = getpid()
        let outcome = try ProbeHarness.runPython(ProbeHarness.attempt("os.kill(\(me), 9)"))
        #expect(outcome.stdout.hasPrefix("DENIED"), "\(outcome)")
        let everyone = try ProbeHarness.runPython(
            """
            import os, signal
            try: os.kill(-1, signal.SIGKILL)
            except ProcessLookupError: pass
            print('sent')
            """)
        #expect(everyone.stdout == "sent\n", "\(everyone)")
        #expect(kill(me, 0) == 0)
    }

    @Test("the network namespace is empty: only a loopback that is down")
    func emptyNetwork() throws {
        let outcome = try ProbeHarness.runPython(
            "print(sorted(l.split(':')[0].strip() for l in open('/proc/net/dev').readlines()[2:]))")
        #expect(outcome.stdout == "['lo']\n", "\(outcome)")
    }

    @Test("controls: modules, a thread, multiprocessing with a queue, ctypes callbacks, scratch space")
    func controlsKeepWorking() throws {
        let code = """
            import json, math, threading, multiprocessing, ctypes, os, tempfile
            box = []
            t = threading.Thread(target=lambda: box.append(math.sqrt(16))); t.start(); t.join()
            q = multiprocessing.Queue()
            p = multiprocessing.Process(target=q.put, args=(41,)); p.start(); v = q.get(timeout=20); p.join()
            cb = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int)(lambda x: x + 1)
            with tempfile.NamedTemporaryFile('w', dir='/tmp') as f: f.write('x')
            print(json.dumps([box[0], v, cb(v), os.getuid(), os.getpid()]))
            """
        let outcome = try ProbeHarness.runPython(code)
        #expect(outcome.exitCode == 0, "\(outcome)")
        #expect(outcome.stdout == "[4.0, 41, 42, 65534, 1]\n", "\(outcome)")
    }

    @Test("the probe's self-check sees every layer in effect")
    func selfCheck() throws {
        let outcome = try ProbeHarness.run(["--standard", "--self-check"])
        let report = try JSONDecoder().decode([String: String].self, from: Data(outcome.stdout.utf8))
        #expect(
            report["Uid"] == "65534" && report["CapEff"] == "0000000000000000" && report["CapBnd"] == "0000000000000000"
        )
        #expect(report["NoNewPrivs"] == "1" && report["Seccomp"] == "2" && report["pid"] == "1")
        #expect(report["socket_inet"]?.hasPrefix("EPERM") == true && report["socket_unix"] == "ok")
        #expect(report["write_usr"]?.hasPrefix("EROFS") == true && report["write_tmp"] == "ok")
    }

    @Test("no mount of the sandbox shows up in the host's mount table")
    func noMountsLeak() throws {
        let before = try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)
        _ = try ProbeHarness.runPython("print(1)")
        let after = try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)
        #expect(before == after)
    }
}
