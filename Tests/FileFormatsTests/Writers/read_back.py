"""Reads a Parquet file Sandpiper wrote, with pyarrow and with DuckDB, and prints one JSON line per reader:
{"reader": ..., "columns": [[name, type], ...], "rows": [[cell, ...], ...]}, each cell as text (null stays
null): integers and timestamps (as nanoseconds) in decimal, reals by repr, decimals normalized, GUIDs and
strings as themselves, JSON as its text."""

import decimal
import json
import sys

import duckdb
import pyarrow as pa
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


table = pq.read_table(path, arrow_extensions_enabled=True)
columns, cells = [], []
for name, column in zip(table.column_names, table.columns):
    t = column.type
    columns.append([name, str(t)])
    if pa.types.is_timestamp(t):
        factor = {"s": 10**9, "ms": 10**6, "us": 10**3, "ns": 1}[t.unit]
        values = [None if v is None else v * factor for v in column.cast(pa.int64()).to_pylist()]
    else:
        values = column.to_pylist()
    cells.append([text(v) for v in values])
print(json.dumps({"reader": "pyarrow", "columns": columns, "rows": [list(r) for r in zip(*cells)]}))

duck = duckdb.connect()
rel = duck.sql(f"select * from read_parquet('{path}')")
select = ", ".join(
    f"epoch_ns(\"{n}\")" if str(t).startswith("TIMESTAMP") else f"\"{n}\"" for n, t in zip(rel.columns, rel.types))
rows = duck.sql(f"select {select} from read_parquet('{path}')").fetchall()
print(json.dumps({"reader": "duckdb", "columns": [[n, str(t)] for n, t in zip(rel.columns, rel.types)],
                  "rows": [[text(v) for v in r] for r in rows]}))
