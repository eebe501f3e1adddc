import Foundation
import Testing
@testable import Sandbox

/// Archives the tests make themselves, each broken or hostile in one way; every one must be refused with
/// `E_ARCHIVE` and leave the state directory exactly as it was.
@Suite struct MaliciousArchiveTests {
    /// Writes every case into the directory given as argv[1]; file name = case name.
    static let maker = #"""
        import io, os, sys, tarfile, zipfile
        out = sys.argv[1]
        def tar(name, members, mode="w:gz"):
            with tarfile.open(os.path.join(out, name), mode) as t:
                for info, data in members:
                    t.addfile(info, io.BytesIO(data) if data is not None else None)
        def f(path, data=b"x", mode=0o644):
            i = tarfile.TarInfo(path); i.size = len(data); i.mode = mode; return (i, data)
        def link(path, target, kind):
            i = tarfile.TarInfo(path); i.type = kind; i.linkname = target; return (i, None)
        def special(path, kind):
            i = tarfile.TarInfo(path); i.type = kind; i.devmajor = 1; i.devminor = 3; return (i, None)
        tar("dotdot.tar.gz", [f("site-packages/../../evil.txt")])
        tar("absolute.tar.gz", [f("/tmp/sandpiper-evil.txt")])
        tar("symlink-absolute.tar.gz", [link("site-packages/etc", "/etc", tarfile.SYMTYPE)])
        tar("symlink-escape.tar.gz", [link("site-packages/up", "../../..", tarfile.SYMTYPE)])
        # Each link stays inside on its own; followed together, the second leads out (found by the archive fuzz target).
        tar("symlink-chain-escape.tar.gz", [link("site-packages/up", "..", tarfile.SYMTYPE),
                                            link("out", "site-packages/up/..", tarfile.SYMTYPE)])
        tar("symlink-chain-escape-late.tar.gz", [link("out", "a/b/../..", tarfile.SYMTYPE), link("a/b", "..", tarfile.SYMTYPE)])
        tar("write-through-symlink.tar.gz", [link("sp", "site-packages", tarfile.SYMTYPE), f("sp/x.py")])
        tar("hardlink-absolute.tar.gz", [link("site-packages/passwd", "/etc/passwd", tarfile.LNKTYPE)])
        tar("hardlink-escape.tar.gz", [link("site-packages/x", "../outside", tarfile.LNKTYPE)])
        tar("hardlink-unknown.tar.gz", [link("site-packages/x", "site-packages/never-seen", tarfile.LNKTYPE)])
        tar("char-device.tar.gz", [special("dev/null", tarfile.CHRTYPE)])
        tar("block-device.tar.gz", [special("dev/sda", tarfile.BLKTYPE)])
        tar("fifo.tar.gz", [special("fifo", tarfile.FIFOTYPE)])
        tar("duplicate.tar.gz", [f("a.py", b"1"), f("a.py", b"2")])
        tar("bomb.tar.gz", [f("zeros.bin", bytes(48 << 20))])
        tar("no-manifest.tar.gz", [f("site-packages/x.py", b"print(1)\n")])
        tar("bad-manifest.tar.gz", [f("manifest.json", b"{not json")])
        big = os.urandom(300_000)
        tar("truncated.tar.gz", [f("site-packages/data.bin", big)])
        with open(os.path.join(out, "truncated.tar.gz"), "r+b") as h:
            h.truncate(os.path.getsize(os.path.join(out, "truncated.tar.gz")) // 2)
        with open(os.path.join(out, "corrupt.tar.zst"), "wb") as h:
            h.write(b"\x28\xb5\x2f\xfd" + os.urandom(4000))
        with open(os.path.join(out, "garbage.tar.gz"), "wb") as h:
            h.write(os.urandom(5000))
        open(os.path.join(out, "empty.tar.gz"), "wb").close()
        def wheel(name):
            b = io.BytesIO()
            with zipfile.ZipFile(b, "w") as z:
                z.writestr("foo/__init__.py", "")
                z.writestr("foo-1.0.dist-info/METADATA", "Name: foo\nVersion: 1.0\n\n")
            return b.getvalue()
        def zipof(name, entries):
            with zipfile.ZipFile(os.path.join(out, name), "w") as z:
                for n, data in entries:
                    z.writestr(n, data)
        zipof("wheel-other-abi.zip", [("foo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", wheel("foo"))])
        zipof("wheel-other-platform.zip", [("foo-1.0-cp311-cp311-win_amd64.whl", wheel("foo"))])
        zipof("wheel-musl.zip", [("foo-1.0-cp311-cp311-musllinux_1_1_x86_64.whl", wheel("foo"))])
        zipof("zip-dotdot.zip", [("../foo-1.0-py3-none-any.whl", wheel("foo"))])
        zipof("zip-no-wheels.zip", [("README.txt", "hello")])
        bad = io.BytesIO()
        with zipfile.ZipFile(bad, "w") as z:
            z.writestr("../../escape.py", "x")
        zipof("wheel-dotdot-inside.zip", [("foo-1.0-py3-none-any.whl", bad.getvalue())])
        zipof("wheel-corrupt.zip", [("foo-1.0-py3-none-any.whl", os.urandom(3000))])
        """#

    static let cases: [(String, String)] = [
        ("dotdot.tar.gz", "'..'"),
        ("absolute.tar.gz", "absolute path"),
        ("symlink-absolute.tar.gz", "points outside the tree"),
        ("symlink-escape.tar.gz", "points outside the tree"),
        ("symlink-chain-escape.tar.gz", "points outside the tree"),
        ("symlink-chain-escape-late.tar.gz", "points outside the tree"),
        ("write-through-symlink.tar.gz", "cannot be written"),
        ("hardlink-absolute.tar.gz", "absolute path"),
        ("hardlink-escape.tar.gz", "'..'"),
        ("hardlink-unknown.tar.gz", "not a file earlier in the archive"),
        ("char-device.tar.gz", "device"),
        ("block-device.tar.gz", "device"),
        ("fifo.tar.gz", "FIFO"),
        ("duplicate.tar.gz", "appears twice"),
        ("bomb.tar.gz", "more than 16 MiB"),
        ("no-manifest.tar.gz", "no readable manifest.json"),
        ("bad-manifest.tar.gz", "not a valid sandpiper manifest"),
        ("truncated.tar.gz", "corrupt or truncated"),
        ("corrupt.tar.zst", "archive"),
        ("garbage.tar.gz", "archive"),
        ("empty.tar.gz", "cannot be opened as an archive"),
        ("wheel-other-abi.zip", "foo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl"),
        ("wheel-other-platform.zip", "win_amd64"),
        ("wheel-musl.zip", "musllinux"),
        ("zip-dotdot.zip", "'..'"),
        ("zip-no-wheels.zip", "contains no .whl files"),
        ("wheel-dotdot-inside.zip", "'..'"),
        ("wheel-corrupt.zip", "foo-1.0-py3-none-any.whl"),
    ]

    static let made: TempDir = {
        let dir = TempDir()
        _ = try? runPython(maker, [dir.url.path])
        return dir
    }()

    @Test(arguments: cases)
    func refused(file: String, expected: String) throws {
        let archive = Self.made.file(file)
        #expect(FileManager.default.fileExists(atPath: archive.path), "the maker script did not write \(file)")
        let home = TestHome(maxBytes: 16 << 20)
        let importer = ArchiveImporter(registry: home.registry)
        #expect {
            _ = try importer.add(archive, name: "bad")
        } throws: { error in
            guard let e = error as? SandboxError else { return false }
            #expect(e.kind == .archive, "\(file): \(e)")
            #expect(e.message.contains(expected), "\(file): \(e.message)")
            return e.kind == .archive
        }
        #expect(
            home.isPristine,
            "\(file) left \(home.contents("scratch")) \(home.contents("archives")) \(home.contents("envs"))")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/sandpiper-evil.txt"))
        #expect(
            !FileManager.default.fileExists(
                atPath: home.root.deletingLastPathComponent().appendingPathComponent("evil.txt").path))
    }

    @Test func setIDBitsAndOwnersAreNotApplied() throws {
        let dir = TempDir()
        let (status, output) = try runPython(
            #"""
            import io, sys, tarfile
            with tarfile.open(sys.argv[1], "w:gz") as t:
                for name, mode in [("suid", 0o4755), ("sgid", 0o2755), ("sticky", 0o1777), ("plain", 0o600)]:
                    i = tarfile.TarInfo(name); i.size = 1; i.mode = mode; i.uid = 4242; i.gid = 4242
                    t.addfile(i, io.BytesIO(b"x"))
            """#, [dir.file("modes.tar.gz").path])
        #expect(status == 0, "\(output)")
        let dest = dir.file("out")
        try FileManager.default.createDirectory(at: dest, withIntermediateDirectories: true)
        try ArchiveExtractor(destination: dest, limits: ExtractionLimits(maxBytes: 1 << 20)).extract(
            dir.file("modes.tar.gz"))
        for (name, mode) in [("suid", 0o755), ("sgid", 0o755), ("sticky", 0o755), ("plain", 0o644)] {
            var st = stat()
            #expect(lstat(dest.appendingPathComponent(name).path, &st) == 0)
            #expect(Int(st.st_mode & 0o7777) == mode, "\(name)")
            #expect(st.st_uid == getuid())
        }
    }

    @Test func inTreeSymlinksAreKept() throws {
        let dir = TempDir()
        let (status, output) = try runPython(
            #"""
            import io, sys, tarfile
            with tarfile.open(sys.argv[1], "w:gz") as t:
                i = tarfile.TarInfo("a/b.txt"); i.size = 1; t.addfile(i, io.BytesIO(b"x"))
                l = tarfile.TarInfo("c/link"); l.type = tarfile.SYMTYPE; l.linkname = "../a/b.txt"; t.addfile(l)
            """#, [dir.file("ok.tar.gz").path])
        #expect(status == 0, "\(output)")
        let dest = dir.file("out")
        try FileManager.default.createDirectory(at: dest, withIntermediateDirectories: true)
        try ArchiveExtractor(destination: dest, limits: ExtractionLimits(maxBytes: 1 << 20)).extract(
            dir.file("ok.tar.gz"))
        #expect(try String(contentsOf: dest.appendingPathComponent("c/link"), encoding: .utf8) == "x")
    }

    @Test func pathChecks() {
        #expect((try? ArchivePath.components(of: "./a//b/./c").get()) == ["a", "b", "c"])
        #expect((try? ArchivePath.components(of: "a/../b").get()) == nil)
        #expect(ArchivePath.symlinkStaysInside(entry: ["a", "b", "link"], target: "../x"))
        #expect(!ArchivePath.symlinkStaysInside(entry: ["a", "link"], target: "../../x"))
        #expect(!ArchivePath.symlinkStaysInside(entry: ["link"], target: "/etc"))
    }
}
