"""DuckDB side of `sandpiper bench engine`: the same data and queries, timed in-process.

The data is generated from the same formulas the Swift side uses (see Sources/Benchmarks/BenchEngineData.swift, the one documented definition),
so the checksums of both engines must agree; a fast wrong answer fails the run.
Prints one JSON object per measurement.
"""
import json
import statistics
import sys
import time

import duckdb
import numpy as np


def events(rows: int):
    i = np.arange(rows, dtype=np.int64)
    return {
        "id": i,
        "key": (i * 7919) % 1000,
        "value": ((i * 31) % 10007).astype(np.float64) / 10.0,
        "flag": i % 7,
    }


def join_sides(rows: int):
    i = np.arange(rows, dtype=np.int64)
    left = {"k": i, "a": (i % 100).astype(np.float64)}
    right = {"k": (i * 7919) % rows, "b": (i % 10).astype(np.float64)}
    return left, right


def timed(con, sql, runs):
    con.execute(sql).fetchall()  # warm-up
    times, answer = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        answer = con.execute(sql).fetchall()
        times.append(time.perf_counter() - t0)
    return times, answer


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    join_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    con = duckdb.connect()
    if threads > 0:  # 0 keeps DuckDB's default (one thread per core)
        con.execute(f"SET threads TO {threads}")
    threads = int(con.execute("SELECT current_setting('threads')").fetchone()[0])
    import pandas as pd
    ev = pd.DataFrame(events(rows))
    con.register("ev_df", ev)
    con.execute("CREATE TABLE events AS SELECT * FROM ev_df")
    left, right = join_sides(join_rows)
    con.register("l_df", pd.DataFrame(left))
    con.register("r_df", pd.DataFrame(right))
    con.execute("CREATE TABLE l AS SELECT * FROM l_df")
    con.execute("CREATE TABLE r AS SELECT * FROM r_df")

    q1 = ("SELECT sum(s), sum(c) FROM (SELECT key, sum(value * 2) AS s, count(*) AS c "
          "FROM events WHERE flag <> 0 GROUP BY key)")
    q2 = "SELECT count(*), sum(a + b) FROM l JOIN r ON l.k = r.k"
    for name, sql, n in (("filter-extend-summarize", q1, rows), ("join", q2, join_rows)):
        times, answer = timed(con, sql, runs)
        print(json.dumps({
            "method": "duckdb", "benchmark": name, "rows": n, "threads": threads,
            "median_s": statistics.median(times), "min_s": min(times), "max_s": max(times), "runs": runs,
            "checksum": [float(x) for x in answer[0]],
        }), flush=True)


if __name__ == "__main__":
    main()
