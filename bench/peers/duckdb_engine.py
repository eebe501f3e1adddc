"""DuckDB side of `sandpiper bench engine`: the same data and queries, timed in-process.

The data is generated in SQL from the same formulas the Swift side uses (see
Sources/Benchmarks/BenchEngineData.swift, the one documented definition), so the checksums of both engines
must agree; a fast wrong answer fails the run. Prints one JSON object per measurement, with the SQL timed.

usage: duckdb_engine.py ROWS JOIN_ROWS RUNS THREADS [NAME,NAME,...]   (THREADS 0: DuckDB's default)
"""
import json
import math
import statistics
import sys
import time

import duckdb

P = 2147483647


def build(con, rows: int, join_rows: int):
    groups = max(rows // 4, 1)
    mm, kk = max(join_rows // 10, 1), max(join_rows // 100, 1)
    con.execute(f"""CREATE TABLE events AS SELECT i AS id, (i * 7919) % 1000 AS key,
        CAST((i * 31) % 10007 AS DOUBLE) / 10.0 AS value, i % 7 AS flag, (i * 13) % 997 AS pv,
        TIMESTAMP '2024-01-01' + to_seconds(i * 7) AS ts, 'u' || CAST((i * 104729) % 100003 AS VARCHAR) AS name
        FROM range({rows}) t(i)""")
    con.execute(f"""CREATE TABLE logs AS SELECT '2024-01-01 host' || CAST(i % 50 AS VARCHAR) || ' ' ||
        CASE WHEN i % 10 = 0 THEN 'ERROR' WHEN i % 10 < 3 THEN 'WARN' ELSE 'INFO' END || ' req=' ||
        CAST(i AS VARCHAR) || ' ' ||
        CASE WHEN i % 13 = 0 THEN 'timeout after 30s' ELSE 'done in ' || CAST(i % 997 AS VARCHAR) || 'ms' END
        AS line FROM range({rows}) t(i)""")
    con.execute(f"""CREATE TABLE sparse AS SELECT
        (((i % {groups} + 1) * 48271) % {P}) << 32 | (((i % {groups} + 1) * 69621) % {P}) AS rk,
        1000000 // ((((i + 1) * 16807) % {P}) % 1000000 + 1) AS zk,
        CAST(i % 1000 AS DOUBLE) / 8.0 AS v
        FROM range({rows}) t(i)""")
    con.execute(f"CREATE TABLE l AS SELECT i AS k, CAST(i % 100 AS DOUBLE) AS a FROM range({join_rows}) t(i)")
    con.execute(f"""CREATE TABLE r AS SELECT (i * 7919) % {max(join_rows, 1)} AS k, CAST(i % 10 AS DOUBLE) AS b
        FROM range({join_rows}) t(i)""")
    con.execute(f"CREATE TABLE lm AS SELECT i % {kk} AS k, CAST(i % 100 AS DOUBLE) AS a FROM range({mm}) t(i)")
    con.execute(f"CREATE TABLE rm AS SELECT (i * 7) % {kk} AS k, CAST(i % 10 AS DOUBLE) AS b FROM range({mm}) t(i)")


def queries(rows: int):
    bins = math.ceil(rows * 7 / 3600)
    return {
        "filter-extend-summarize": "SELECT sum(s), sum(c) FROM (SELECT key, sum(value * 2) AS s, count(*) AS c "
        "FROM events WHERE flag <> 0 GROUP BY key)",
        "join": "SELECT count(*), sum(a + b) FROM l JOIN r ON l.k = r.k",
        "top-n-string": "SELECT count(*), sum(CAST(substr(name, 2) AS BIGINT)) FROM "
        "(SELECT name FROM events ORDER BY name DESC LIMIT 100)",
        "percentiles-by-key": "SELECT sum(p50), sum(p90) FROM (SELECT key, quantile_disc(pv, 0.5) AS p50, "
        "quantile_disc(pv, 0.9) AS p90 FROM events GROUP BY key)",
        "time-bin-summarize": "SELECT count(*), sum(c), sum(s), sum(date_diff('hour', TIMESTAMP '2024-01-01', h) * c) "
        "FROM (SELECT time_bucket(INTERVAL 1 HOUR, ts) AS h, count(*) AS c, sum(value) AS s FROM events GROUP BY h)",
        "term-search": "SELECT count(*) FILTER (WHERE line ILIKE '%error%'), count(*) FILTER (WHERE line ILIKE '%timeout%'), "
        "sum(length(line)) FILTER (WHERE line ILIKE '%error%' AND line ILIKE '%timeout%') FROM logs",
        "dcount-by-key": "SELECT count(*), sum(d) FROM (SELECT key, count(DISTINCT pv) AS d FROM events GROUP BY key)",
        "make-series": "WITH b AS (SELECT flag, date_diff('hour', TIMESTAMP '2024-01-01', ts) AS h, count(*) AS c "
        "FROM events GROUP BY flag, h), "
        f"g AS (SELECT f.flag, r.range AS h FROM (SELECT DISTINCT flag FROM events) f CROSS JOIN range({bins}) r) "
        "SELECT count(*), sum(coalesce(b.c, 0)), sum(g.h * coalesce(b.c, 0)) FROM g LEFT JOIN b USING (flag, h)",
        "summarize-random-keys": "SELECT count(*), sum(c), sum(s), sum(rk % 1000) FROM "
        "(SELECT rk, count(*) AS c, sum(v) AS s FROM sparse GROUP BY rk)",
        "summarize-zipf-keys": "SELECT count(*), sum(c), sum(s), sum(zk * c) FROM "
        "(SELECT zk, count(*) AS c, sum(v) AS s FROM sparse GROUP BY zk)",
        "join-many-to-many": "SELECT count(*), sum(a + b) FROM lm JOIN rm ON lm.k = rm.k",
    }


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
    only = set(sys.argv[5].split(",")) if len(sys.argv) > 5 and sys.argv[5] else None
    con = duckdb.connect()
    if threads > 0:  # 0 keeps DuckDB's default (one thread per core)
        con.execute(f"SET threads TO {threads}")
    threads = int(con.execute("SELECT current_setting('threads')").fetchone()[0])
    build(con, rows, join_rows)
    for name, sql in queries(rows).items():
        if only is not None and name not in only:
            continue
        times, answer = timed(con, sql, runs)
        print(json.dumps({
            "method": "duckdb", "benchmark": name, "threads": threads, "sql": sql,
            "median_s": statistics.median(times), "min_s": min(times), "max_s": max(times), "runs": runs,
            "checksum": [float(x) if x is not None else float("nan") for x in answer[0]],
        }), flush=True)


if __name__ == "__main__":
    main()
