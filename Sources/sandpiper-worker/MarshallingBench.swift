import Bench
import CPython
import Columnar
import Glibc
import PythonHost
import SharedTable
import SystemCalls

/// In-process measurements of the marshalling core (`sandpiper-worker bench`): engine table → region,
/// region → `df`, `result = df` → region → engine columns, and strings, each against `memcpy` of the
/// same bytes and pyarrow's `to_pandas()`. Every step checks its answer.
struct MarshallingBench {
    let sitePackages: [String]
    let rows: Int
    let workerPath: String

    func run() -> Never {
        do { try measure() } catch {
            print("bench failed: \(error)")
            exit(1)
        }
        exit(0)
    }

    func measure() throws {
        try BenchEndToEnd.run(sitePackages: sitePackages, workerPath: workerPath)
        let python = try PythonInterpreter(sitePackages: sitePackages)
        print(
            "python \(python.versions.python), numpy \(python.versions.numpy), pandas \(python.versions.pandas); rows \(rows)"
        )
        let n = rows
        var columns: [(String, Column)] = []
        for c in 0..<4 {
            var b = ColumnBuilder(type: c % 2 == 0 ? .long : .real, capacity: n)
            for i in 0..<n {
                if c % 2 == 0 { b.append(long: Int64(i &* (c + 1))) } else { b.append(real: Double(i) * 0.5) }
            }
            columns.append(("c\(c)", b.finish()))
        }
        let table = Table(columns)
        let bytes = n * 8 * 4

        // memcpy baseline over the same bytes, destination pre-faulted.
        let dst = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        memset(dst, 1, bytes)
        let memcpyMs = BenchClock.fastestMilliseconds {
            for (k, c) in table.columns.enumerated() { memcpy(dst + k * n * 8, c.values!.pointer, n * 8) }
        }
        dst.deallocate()
        print(
            String(
                format: "memcpy of %d MB: %.2f ms (%.1f GB/s)", bytes >> 20, memcpyMs, Double(bytes) / memcpyMs / 1e6))

        let pool = RegionPool()
        let lease = try pool.checkout(minimumBytes: bytes + 4096)
        var used = 0
        let writeMs = try BenchClock.fastestMilliseconds {
            used = try SharedTableWriter.write(table, into: lease.region)
        }
        print(
            String(
                format: "engine table -> memfd (reused, pre-faulted): %.2f ms (%.2fx memcpy)", writeMs,
                writeMs / memcpyMs))

        let ro = try lease.region.readOnlyDuplicate()
        let mapping = try PrivateMapping(fd: ro, length: used)
        Descriptors.close(ro)
        let header = try SharedTableHeader(base: mapping.base, length: mapping.length)
        var df: PyPtr? = nil
        let dfMs = try BenchClock.fastestMilliseconds(of: 5) {
            if let d = df { sp_decref(d) }
            df = try FrameBuilder(python: python).build(header, in: mapping)
        }
        let check = try python.evaluate(
            "out = (int(df['c0'].sum()), float(df['c1'].iloc[-1]), len(df._mgr.blocks))", bindings: ["df": df!])
        print(
            String(
                format: "memfd -> df visible (numpy views, one block per column): %.3f ms = %.2f%% of memcpy; check %@",
                dfMs,
                dfMs / memcpyMs * 100, check))

        let arrow = try python.evaluate(
            """
            import time, pyarrow as pa
            n = \(n)
            arrs = [np.arange(n, dtype=np.int64) * (c + 1) if c % 2 == 0 else np.arange(n, dtype=np.float64) * 0.5 for c in range(4)]
            t = pa.table({'c%d' % c: arrs[c] for c in range(4)})
            best = 1e9
            for _ in range(3):
                t0 = time.perf_counter(); p = t.to_pandas(); best = min(best, time.perf_counter() - t0)
            out = best * 1000
            """)
        print(String(format: "pyarrow to_pandas() in-process, same table: %@ ms", arrow))

        let out = try pool.checkout(minimumBytes: bytes + 4096)
        var resultBytes = 0
        let resultMs = try BenchClock.fastestMilliseconds {
            resultBytes = try ResultWriter(python: python).write(df!, into: out.region)
        }
        var back: Table? = nil
        let readMs = try BenchClock.fastestMilliseconds { back = try SharedTableReader.read(out) }
        let ok = back!.columns[0].longs[n - 1] == Int64(n - 1) && back!.columns[3].reals[n - 1] == Double(n - 1) * 0.5
        print(
            String(
                format:
                    "result = df -> memfd: %.2f ms (%.2fx memcpy bandwidth); -> engine columns (adopted): %.3f ms; %d bytes; check %@",
                resultMs, memcpyMs / resultMs, readMs, resultBytes, ok ? "ok" : "WRONG"))
        sp_decref(df!)

        for (label, distinct) in [("unique", n), ("1000 distinct", 1000)] {
            var b = ColumnBuilder(type: .string, capacity: n)
            for i in 0..<n { b.append(string: "user\(i % distinct)") }
            let strings = Table([("s", b.finish())])
            let sl = try pool.checkout(minimumBytes: 1)
            let sb = try SharedTableWriter.write(strings, into: sl.region)
            let sfd = try sl.region.readOnlyDuplicate()
            let sm = try PrivateMapping(fd: sfd, length: sb)
            Descriptors.close(sfd)
            let sh = try SharedTableHeader(base: sm.base, length: sm.length)
            var sdf: PyPtr? = nil
            var cpu = Double.infinity
            let ms = try BenchClock.fastestMilliseconds(of: 2) {
                if let d = sdf { sp_decref(d) }
                let c0 = BenchClock.processCPUMilliseconds()
                sdf = try FrameBuilder(python: python).build(sh, in: sm)
                cpu = min(cpu, BenchClock.processCPUMilliseconds() - c0)
            }
            let c = try python.evaluate("out = (df['s'].iloc[-1], df['s'].dtype)", bindings: ["df": sdf!])
            print(
                String(
                    format:
                        "%d short strings (%@) -> object column: %.1f ms = %.1f M strings/s (CPU time %.1f ms = %.1f M strings/s); check %@",
                    n, label, ms, Double(n) / ms / 1000, cpu, Double(n) / cpu / 1000, c))
            let sout = try pool.checkout(minimumBytes: sb)
            let wms = try BenchClock.fastestMilliseconds(of: 2) {
                _ = try ResultWriter(python: python).write(sdf!, into: sout.region)
            }
            print(
                String(
                    format: "  and back (object column -> memfd): %.1f ms = %.1f M strings/s", wms,
                    Double(n) / wms / 1000))
            sp_decref(sdf!)
        }
    }
}
