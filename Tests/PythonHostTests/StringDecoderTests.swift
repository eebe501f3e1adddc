import CPython
import Columnar
import Testing
@testable import PythonHost

/// The interpreter of the test process, started once with the worker's huge-page arena allocator;
/// each test runs its Python work holding the GIL. It is the worker's own `PythonInterpreter` (numpy,
/// pandas and the host helpers loaded) when the `minimal` test sandbox is built, else a bare one, which
/// is all the string decoder needs.
enum BarePython {
    nonisolated(unsafe) private static var started = false
    nonisolated(unsafe) private static var host: PythonInterpreter?
    private static let lock = Mutex()

    static func run<T>(_ body: () throws -> T) rethrows -> T {
        lock.withLock {
            if !started {
                if Py_IsInitialized() == 0 {
                    if let site = HostTestEnvironment.sitePackages,
                        let python = try? PythonInterpreter(sitePackages: [site])
                    {
                        host = python
                    } else {
                        _ = sp_install_arena_allocator()
                        Py_InitializeEx(0)
                    }
                    _ = PyEval_SaveThread()
                }
                started = true
            }
        }
        let gil = PyGILState_Ensure()
        defer { PyGILState_Release(gil) }
        return try body()
    }

    /// Runs `body` with the worker's interpreter (holding the GIL); nil when the test sandbox is not built.
    static func withHost<T>(_ body: (PythonInterpreter) throws -> T) throws -> T? {
        try run { try host.map(body) }
    }

    final class Mutex: @unchecked Sendable {
        private var m = pthread_mutex_t()
        init() { pthread_mutex_init(&m, nil) }
        func withLock<T>(_ body: () throws -> T) rethrows -> T {
            pthread_mutex_lock(&m); defer { pthread_mutex_unlock(&m) }
            return try body()
        }
    }
}

/// A string column laid out as in a shared table: offsets, UTF-8 bytes and a validity bitmap.
struct StringColumnFixture {
    var offsets: [Int64] = [0]
    var bytes: [UInt8] = []
    var valid: [Bool] = []

    init(_ values: [String?]) { for v in values { append(v.map { Array($0.utf8) }) } }
    init(raw values: [[UInt8]]) { for v in values { append(v) } }

    mutating func append(_ v: [UInt8]?) {
        bytes += v ?? []
        offsets.append(Int64(bytes.count))
        valid.append(v != nil)
    }

    /// Decodes every row into fresh slots (None before) and hands them to `check`; releases them after.
    func decode(_ check: ([PyPtr?]) throws -> Void) throws {
        try BarePython.run {
            let n = valid.count
            let slots = UnsafeMutablePointer<PyPtr?>.allocate(capacity: n)
            slots.initialize(repeating: nil, count: n)
            defer { for i in 0..<n { if let s = slots[i] { sp_decref(s) } }; slots.deallocate() }
            var bitmap = [UInt8](repeating: 0, count: (n + 7) / 8)
            for (i, v) in valid.enumerated() where v { bitmap[i >> 3] |= 1 << UInt8(i & 7) }
            let result = offsets.withUnsafeBufferPointer { o in
                bytes.withUnsafeBufferPointer { b in
                    bitmap.withUnsafeBytes { v in
                        b.withMemoryRebound(to: CChar.self) { c in
                            StringDecoder.fill(
                                slots, rows: n, offsets: o.baseAddress!,
                                data: c.baseAddress ?? UnsafePointer(bitPattern: 1)!,
                                validity: valid.contains(false) ? v.baseAddress : nil)
                        }
                    }
                }
            }
            #expect(result.ok)
            #expect(result.written == valid.filter { $0 }.count)
            try check(Array(UnsafeBufferPointer(start: slots, count: n)))
        }
    }
}

func text(_ o: PyPtr?) -> String? { o.flatMap(PythonInterpreter.string) }

@Suite("StringDecoder", .serialized)
struct StringDecoderTests {
    @Test("ASCII, multi-byte UTF-8 and empty strings come back equal")
    func roundTrip() throws {
        let values = ["hello", "", "héllo wörld", "✓ check", "𝄞 clef", "日本語テキスト", "", "a", "tab\tand\nnewline"]
        try StringColumnFixture(values).decode { slots in
            #expect(slots.map(text) == values)
            for s in slots { #expect(sp_is_unicode(s!) != 0) }
        }
    }

    @Test("null rows keep their slot empty; the rest are decoded")
    func nulls() throws {
        let values: [String?] = [nil, "x", nil, nil, "yz", "", nil, "x"]
        try StringColumnFixture(values).decode { slots in
            for (s, v) in zip(slots, values) {
                if let v { #expect(text(s) == v) } else { #expect(s == nil) }
            }
        }
    }

    @Test("invalid UTF-8 becomes replacement characters")
    func invalid() throws {
        try StringColumnFixture(raw: [[0x61, 0xFF, 0x62], [0xC3], [0xE2, 0x82], Array("ok".utf8)]).decode { slots in
            #expect(slots.map(text) == ["a\u{FFFD}b", "\u{FFFD}", "\u{FFFD}", "ok"])
        }
    }

    @Test(
        "non-ASCII bytes decode exactly as CPython's UTF-8 decoder with errors='replace'",
        arguments: [
            [0xC3, 0xA9], [0x61, 0xE2, 0x9C, 0x93], [0xF0, 0x9D, 0x84, 0x9E, 0x62], [0xC2, 0x80, 0xDF, 0xBF],
            [0xEF, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80], [0xE2, 0x9C], [0x80, 0x61],
            [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0xC3, 0xA9],
        ] as [[UInt8]])
    func matchesCPython(_ bytes: [UInt8]) throws {
        try StringColumnFixture(raw: [bytes]).decode { slots in
            let expected = bytes.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { PyUnicode_DecodeUTF8($0.baseAddress, $0.count, "replace")! }
            }
            defer { sp_decref(expected) }
            #expect(PyUnicode_Compare(slots[0]!, expected) == 0)
            #expect(text(slots[0]) == text(expected))
        }
    }

    @Test("repeated values share one object, with one reference per row")
    func repeated() throws {
        let values = (0..<20_000).map { "code\($0 % 7)" }
        try StringColumnFixture(values).decode { slots in
            #expect(slots.map(text) == values)
            #expect(slots[0] == slots[7] && slots[1] == slots[8])
            let rows = values.filter { $0 == "code0" }.count
            #expect(Py_REFCNT(slots[0]!) == rows)
        }
    }

    @Test("the cache's byte compare sees a difference at every position of every cached length")
    func equalBytes() {
        let a = (0..<StringDecoder.maxCachedLength).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for n in 0...StringDecoder.maxCachedLength {
            #expect(StringDecoder.equal(a, a, n))
            for k in 0..<n {
                var b = a
                b[k] ^= 0x20
                #expect(!StringDecoder.equal(a, b, n), "length \(n), byte \(k)")
            }
        }
    }

    @Test("strings past the cache length are decoded, repeated or not")
    func long() throws {
        let long = String(repeating: "abcdefghij", count: 30) + "é"
        let values = (0..<500).map { $0 % 3 == 0 ? long : long + String($0) }
        try StringColumnFixture(values).decode { slots in
            #expect(slots.map(text) == values)
            for s in slots { #expect(Py_REFCNT(s!) >= 1) }
        }
    }

    @Test("a unique column, then a repetitive stretch: every value right, and the repeats deduplicated again")
    func uniqueThenRepeated() throws {
        let unique = (0..<(StringDecoder.window * 3)).map { "v\($0 &* 3)" }
        let repeated = (0..<(StringDecoder.bypassRows + StringDecoder.window * 4)).map { "s\($0 % 16)" }
        let values = unique + repeated
        try StringColumnFixture(values).decode { slots in
            #expect(slots.map(text) == values)
            let tail = slots.suffix(StringDecoder.window)
            let distinct = Set(tail.map { UInt(bitPattern: $0) })
            #expect(distinct.count == 16)
        }
    }

    @Test("objects from the huge-page arenas survive heavy allocate/free churn")
    func arenaChurn() {
        BarePython.run {
            for round in 0..<3 {
                var objects: [PyPtr] = []
                for i in 0..<200_000 { objects.append(PythonInterpreter.str("r\(round)-\(i)")) }
                #expect(text(objects[123_456]) == "r\(round)-123456")
                for o in objects { sp_decref(o) }
            }
        }
    }
}
