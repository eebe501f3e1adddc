"""Reads a Parquet or Arrow IPC (.arrow) file Sandpiper wrote, with pyarrow and with DuckDB (for Arrow, DuckDB
scans the table pyarrow read, as DuckDB reads Arrow files), and prints one JSON line per reader:
{"reader": ..., "columns": [[name, type], ...], "rows": [[cell, ...], ...]}, each cell as text (null stays
null): integers and timestamps (as nanoseconds) in decimal, reals by repr, decimals normalized, GUIDs and
strings as themselves, JSON as its text."""

import decimal
import json
import sys

import duckdb
import pyarrow as pa
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

path = sys.argv[1]


def text(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, decimal.Decimal):
        return format(v.normalize(), "f")
    if isinstance(v, (dict, list)):
        return json.dumps(v)
    return str(v)


arrow = path.endswith(".arrow")
table = ipc.open_file(path).read_all() if arrow else pq.read_table(path, arrow_extensions_enabled=True)
columns, cells = [], []
for name, column in zip(table.column_names, table.columns):
    t = column.type
    columns.append([name, str(t)])
    if pa.types.is_timestamp(t) or pa.types.is_duration(t):
        factor = {"s": 10**9, "ms": 10**6, "us": 10**3, "ns": 1}[t.unit]
        values = [None if v is None else v * factor for v in column.cast(pa.int64()).to_pylist()]
    else:
        values = column.to_pylist()
    cells.append([text(v) for v in values])
print(json.dumps({"reader": "pyarrow", "columns": columns, "rows": [list(r) for r in zip(*cells)]}))

duck = duckdb.connect()
duck.register("written", table)
source = "written" if arrow else f"read_parquet('{path}')"
rel = duck.sql(f"select * from {source}")
select = ", ".join(
    f"epoch_ns(\"{n}\")" if str(t).startswith(("TIMESTAMP", "INTERVAL")) else f"\"{n}\"" for n, t in zip(rel.columns, rel.types))
rows = duck.sql(f"select {select} from {source}").fetchall()
print(json.dumps({"reader": "duckdb", "columns": [[n, str(t)] for n, t in zip(rel.columns, rel.types)],
                  "rows": [[text(v) for v in r] for r in rows]}))
