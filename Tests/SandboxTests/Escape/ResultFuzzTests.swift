import Columnar
import Foundation
import Testing
@testable import Sandbox

/// The result-region fuzzer: from inside a real sandbox, a script writes a random, mostly well-formed
/// SharedTable into its result memfd, mutates it (fields set to edge values, bytes flipped, type codes
/// and block numbers changed, the memfd cut or grown), and answers with a random reply (the right size,
/// an edge-value size, junk, a cut frame, a forged exit report or failure, nothing at all, a cut memfd
/// after the reply, a result large enough to be adopted in place). Every iteration is one query, seeded
/// by its number, so a failure names the seed that reproduces it. The engine must answer every one with
/// a table it can read to the last cell or a coded error, and keep serving.
///
/// The suite runs a short pass; for a long one:
/// `SANDPIPER_RESULT_FUZZ_ITERATIONS=3000 SANDPIPER_RESULT_FUZZ_SEED=1 swift test --skip-build --filter ResultFuzzTests`.
@Suite(
    "Result-region fuzzing from inside a sandbox", .serialized,
    .enabled(if: PoolFixture.available, PoolFixture.unavailableReason),
    .enabled(if: PoolFixture.canConfine, "confinement needs root and seccomp"))
struct ResultFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let iterations = environment["SANDPIPER_RESULT_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 40
    static let seed = environment["SANDPIPER_RESULT_FUZZ_SEED"].flatMap(Int.init) ?? 20_261_207

    /// One iteration's script (after `HostileResult.prelude`): forge, answer, exit.
    static func body(seed: Int) -> String {
        """
        random.seed(\(seed))
        EDGE = [0, 1, -1, 2, 7, 8, 63, 64, 65, 96, 160, 4095, 4096, 8 << 20, (8 << 20) + 1, (1 << 31) - 1, 1 << 31,
                1 << 32, 1 << 61, 1 << 62, (1 << 63) - 1, -(1 << 63)]
        WIDTH = {'bool': 1, 'int': 4, 'long': 8, 'real': 8, 'decimal': 8, 'datetime': 8, 'timespan': 8, 'guid': 16}
        JSONS = [b'1', b'"s"', b'[1,2]', b'{"a":{"b":[null]}}', b'null', b'{', b'[' * 600, b'\\xff', b'1e999', b'-0']
        TEXTS = ['', 'a', 'h\\u00e9llo', '\\u0000', '\\x1b[2J', '\\ud7ff\\U0010ffff', 'x' * 300]

        def build():
            rows = random.choice([0, 1, 2, 3, 5, 8, 64, 65])
            cols = [(('c%d' % k).encode(), random.choice(list(CODES))) for k in range(random.choice([0, 1, 1, 2, 3, 4]))]
            off = 64 + 96 * len(cols)
            names = []
            for n, _ in cols:
                names.append((off, len(n))); off += len(n)
            parts, fields = [], []
            def take(data):
                nonlocal off
                off = (off + 63) // 64 * 64
                at = off; parts.append((at, data)); off += len(data)
                return (at, len(data))
            descs = []
            for (n, t), name in zip(cols, names):
                validity, data, nulls = (0, 0), (0, 0), 0
                if t in ('string', 'dynamic'):
                    items = [random.choice(JSONS) if t == 'dynamic' else random.choice(TEXTS).encode('utf-8', 'surrogatepass') for _ in range(rows)]
                    offsets = [0]
                    for x in items:
                        offsets.append(offsets[-1] + len(x))
                    values = take(struct.pack('<%dq' % (rows + 1), *offsets))
                    data = take(b''.join(items))
                else:
                    values = take(random.randbytes(WIDTH[t] * rows))
                if rows and random.random() < 0.4:
                    bits = random.randbytes((rows + 7) // 8)
                    nulls = sum(1 for r in range(rows) if not bits[r // 8] >> (r % 8) & 1)
                    validity = take(bits)
                descs.append(desc(CODES[t], name, nulls, validity, values, data))
            total = (off + 63) // 64 * 64
            body = bytearray(total)
            body[0:64] = header(rows, len(cols), total)
            for k, d in enumerate(descs):
                body[64 + 96 * k: 160 + 96 * k] = d
            for (at, length), (n, _) in zip(names, cols):
                body[at:at + length] = n
            for at, data in parts:
                body[at:at + len(data)] = data
            return body, len(cols)

        body, ncols = build()
        for _ in range(random.choice([0, 0, 1, 1, 2, 3, 6])):
            m = random.random()
            if m < 0.45:
                # An Int64 field of the header or of a descriptor set to an edge value.
                slots = [8, 16, 24] + [64 + 96 * k + 8 + 8 * f for k in range(ncols) for f in range(9)]
                at = random.choice(slots)
                body[at:at + 8] = struct.pack('<q', random.choice(EDGE + [len(body), len(body) - 8, len(body) + 8]))
            elif m < 0.6 and ncols:
                at = 64 + 96 * random.randrange(ncols) + 80 + 4 * random.randrange(3)
                body[at:at + 4] = struct.pack('<I', random.choice([0, 1, 2, 9, 240, 253, 0xffffffff]))
            elif m < 0.7 and ncols:
                body[64 + 96 * random.randrange(ncols)] = random.randrange(0, 13)
            elif m < 0.8:
                body[4:8] = struct.pack('<I', random.choice([0, 1, 3, 0xffffffff]))
            else:
                for _ in range(random.randrange(1, 9)):
                    body[random.randrange(len(body))] = random.randrange(256)
        size = random.choice([len(body)] * 6 + [0, 64, len(body) // 2, len(body) + 4096])
        if random.random() < 0.05:
            body += random.randbytes(64) * ((9 << 20) // 64)     # large: adopted in place, past the copy limit
            size = len(body)
        os.ftruncate(OUT, 0)
        os.ftruncate(OUT, max(size, 1))
        os.pwrite(OUT, bytes(body[:size]), 0)

        a = random.random()
        if a < 0.55:
            reply(len(body) if random.random() < 0.7 else random.choice(EDGE))
        elif a < 0.65:
            frame(random.randbytes(random.randrange(0, 200)))
        elif a < 0.7:
            os.write(SOCK, struct.pack('<I', random.choice([0, 1, 16 << 20, (16 << 20) + 1, 0xffffffff])) + random.randbytes(random.randrange(0, 8)))
        elif a < 0.75:
            frame(json.dumps({'waitStatus': random.choice([0, 9, 11, 31, 256, -1, 1 << 31 - 1])}).encode())
        elif a < 0.8:
            reply(len(body), failure={'code': random.choice(['E_PYTHON', 'E_RESULT', 'E_SANDBOX_DENIED', 'E_NOPE', '']),
                                      'type': '', 'message': random.choice(TEXTS), 'traceback': random.choice(TEXTS)})
        elif a < 0.85:
            pass   # no answer at all: the waiter reports the exit
        elif a < 0.95:
            reply(len(body))
            for _ in range(random.randrange(1, 200)):
                os.ftruncate(OUT, random.choice([0, 64, len(body) // 2, len(body)]))
        else:
            reply(len(body), stdout=random.choice(TEXTS) * random.randrange(1, 50))
        os._exit(0)
        """
    }

    @Test("random result regions and replies: the engine survives every one and keeps serving")
    func fuzz() throws {
        let supervisor = Supervisor()
        defer { supervisor.shutdown() }
        let sandbox = try PoolFixture.sandbox(memoryMB: 256, timeoutSeconds: 5)
        var outcomes: [String: Int] = [:]
        let started = Date()
        for i in 0..<Self.iterations {
            let script = HostileResult.prelude + Self.body(seed: Self.seed + i)
            do {
                let out = try supervisor.run(PoolFixture.oneRow, ScriptRun(script: script, sandbox: sandbox))
                // Every cell is read: a table the engine accepted must be whole.
                var cells = 0
                for r in 0..<out.table.rowCount { for c in out.table.columns { _ = c.value(r); cells += 1 } }
                #expect(cells == out.table.rowCount * out.table.columns.count)
                outcomes["table", default: 0] += 1
            } catch {
                #expect(!error.code.rawValue.isEmpty && !error.message.isEmpty, "seed \(Self.seed + i): \(error)")
                outcomes[error.code.rawValue, default: 0] += 1
            }
            if i % 25 == 24 || i == Self.iterations - 1 {
                let control = try supervisor.run(PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: sandbox))
                #expect(
                    control.table.rows == PoolFixture.oneRow.rows,
                    "the engine stopped serving after seed \(Self.seed + i)")
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print(
            "result-region fuzz: \(Self.iterations) iterations from seed \(Self.seed) in \(Int(seconds)) s, outcomes \(outcomes.sorted { $0.key < $1.key })"
        )
    }
}
