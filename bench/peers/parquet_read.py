"""pyarrow side of `sandpiper bench parquet`: writes the events table (the formulas of
Sources/Benchmarks/BenchEngineData.swift, as duckdb_engine.py) to a Parquet file with pyarrow's defaults
(snappy), then times pyarrow.parquet.read_table of it with one thread and with its default threads.

Arguments: ROWS RUNS FILE. Prints one JSON object per measurement; the checksum is
[rows, sum(id), sum(value), sum(flag)], which the Swift side computes from its own read of the file.
"""
import json
import statistics
import sys
import time

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from duckdb_engine import events

rows, runs, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
pq.write_table(pa.table(events(rows)), path)
for threads in (1, 0):
    def read():
        return pq.read_table(path, use_threads=threads == 0)
    read()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        table = read()
        times.append(time.perf_counter() - t0)
    checksum = [table.num_rows, pc.sum(table["id"]).as_py(), pc.sum(table["value"]).as_py(),
                pc.sum(table["flag"]).as_py()]
    print(json.dumps({"benchmark": "parquet read", "threads": threads, "median_s": statistics.median(times),
                      "min_s": min(times), "max_s": max(times), "runs": runs, "checksum": checksum}))
