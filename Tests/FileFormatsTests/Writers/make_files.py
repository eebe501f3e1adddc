"""Writes the Parquet files the readers are tested against, with pyarrow and DuckDB, into the folder given.

Each NAME.parquet comes with NAME.expected.json: the columns (name, KQL type) and the rows the writer was
given, in a canonical form (integers for datetimes and timespans in nanoseconds, decimals and GUIDs as text,
binary as base64, nested values as JSON), computed here from the data written, never read back by Sandpiper.
"""

import base64
import datetime as dt
import decimal
import json
import sys
import uuid
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
EPOCH = dt.datetime(1970, 1, 1)


def ns_of_datetime(v):
    if v.tzinfo is not None:
        v = v.astimezone(dt.timezone.utc).replace(tzinfo=None)
    delta = v - EPOCH
    return (delta.days * 86400 + delta.seconds) * 10**9 + delta.microseconds * 1000


def canon(v, kind):
    """The expected cell for a value written as KQL type `kind`."""
    if v is None:
        return None
    if kind == "datetime":
        if isinstance(v, int):  # nanoseconds already (pyarrow ns columns)
            return v
        if isinstance(v, dt.datetime):
            return ns_of_datetime(v)
        return (v - dt.date(1970, 1, 1)).days * 86400 * 10**9
    if kind == "timespan":
        if isinstance(v, int):
            return v
        if isinstance(v, dt.time):
            return ((v.hour * 60 + v.minute) * 60 + v.second) * 10**9 + v.microsecond * 1000
        return int(v.total_seconds()) * 10**9 + v.microseconds * 1000
    if kind == "decimal":
        return str(v)
    if kind == "guid":
        return str(v)
    if kind == "real":
        # As text: repr round-trips exactly, where a JSON number may not be parsed to the nearest double.
        return repr(float(v)).replace("inf", "Infinity").replace("nan", "NaN")
    if kind == "string" and isinstance(v, (bytes, bytearray)):
        return base64.b64encode(v).decode()
    if kind == "dynamic":
        return nested(v)
    return v


def nested(v):
    if isinstance(v, dict):
        return {str(k): nested(x) for k, x in v.items()}
    if isinstance(v, list):
        # pyarrow gives maps as lists of (key, value) tuples.
        if v and all(isinstance(x, tuple) and len(x) == 2 for x in v):
            return {str(k): nested(x) for k, x in v}
        return [nested(x) for x in v]
    return v


def write_expected(name, columns, rows):
    (out / f"{name}.expected.json").write_text(json.dumps({"columns": columns, "rows": rows}))


N = 50


def cell(i, f):
    """Every seventh row is null, so each column has nulls in several pages and row groups."""
    return None if i % 7 == 3 else f(i)


base = dt.datetime(2021, 3, 4, 5, 6, 7, 123456)
columns = [
    # name, arrow type, KQL type, value of row i
    ("b", pa.bool_(), "bool", lambda i: i % 3 == 0),
    ("i8", pa.int8(), "int", lambda i: (i * 37) % 256 - 128),
    ("i16", pa.int16(), "int", lambda i: i * 1000 - 25000),
    ("i32", pa.int32(), "int", lambda i: i * 40000000 - 2000000000),
    ("i64", pa.int64(), "long", lambda i: i * 10**17 - 9 * 10**17 * (i % 2)),
    ("u8", pa.uint8(), "int", lambda i: i * 5),
    ("u16", pa.uint16(), "int", lambda i: i * 1300),
    ("u32", pa.uint32(), "long", lambda i: 4000000000 + i),
    ("u64", pa.uint64(), "long", lambda i: 2**62 + i),
    ("f32", pa.float32(), "real", lambda i: [0.5, -1.25, 2.0**34, float("inf")][i % 4]),
    ("f64", pa.float64(), "real", lambda i: i / 3 - 7.125),
    ("s", pa.string(), "string", lambda i: ["alpha", "β", "", "日本語", "x" * 40][i % 5] + str(i % 4)),
    ("ls", pa.large_string(), "string", lambda i: f"row {i}"),
    ("bin", pa.binary(), "string", lambda i: bytes([i, 0, 255, i % 7])),
    ("fsb", pa.binary(3), "string", lambda i: bytes([i, i + 1, i + 2])),
    ("d", pa.date32(), "datetime", lambda i: dt.date(1969, 12, 1) + dt.timedelta(days=i * 400)),
    ("ts_s", pa.timestamp("s"), "datetime", lambda i: base.replace(microsecond=0) + dt.timedelta(days=i)),
    ("ts_ms", pa.timestamp("ms"), "datetime", lambda i: base.replace(microsecond=123000) + dt.timedelta(hours=i)),
    ("ts_us", pa.timestamp("us"), "datetime", lambda i: base + dt.timedelta(minutes=i)),
    ("ts_us_utc", pa.timestamp("us", tz="UTC"), "datetime",
     lambda i: (base + dt.timedelta(seconds=i)).replace(tzinfo=dt.timezone.utc)),
    ("ts_ns", pa.timestamp("ns"), "datetime", lambda i: 1_600_000_000_123_456_789 + i * 1001),
    ("t_ms", pa.time32("ms"), "timespan", lambda i: dt.time(i % 24, 5, 6, 7000)),
    ("t_us", pa.time64("us"), "timespan", lambda i: dt.time(1, i, 2, 123456)),
    ("t_ns", pa.time64("ns"), "timespan", lambda i: i * 1_000_000_007),
    ("dec9", pa.decimal128(9, 2), "decimal", lambda i: decimal.Decimal(i * 1234567 - 30000000) / 100),
    ("dec18", pa.decimal128(18, 4), "decimal", lambda i: decimal.Decimal(i * 10**13 + 7) / 10**4),
    ("dec38", pa.decimal128(38, 10), "decimal",
     lambda i: (decimal.Decimal(-1) ** i) * decimal.Decimal(10**27 + i) / 10**10),
    ("uuid", pa.uuid(), "guid", lambda i: uuid.UUID(int=i * 0x0123456789ABCDEF0123456789 + 1)),
    ("f16", pa.float16(), "real", lambda i: [0.5, -2.0, 1024.0, 0.25][i % 4]),
    ("list_i", pa.list_(pa.int64()), "dynamic", lambda i: [] if i % 5 == 1 else [i, None, i * 2][: i % 4]),
    ("list_s", pa.list_(pa.string()), "dynamic", lambda i: ["a" * (i % 3), "b"] if i % 2 else None),
    ("st", pa.struct([("x", pa.int64()), ("y", pa.string())]), "dynamic",
     lambda i: {"x": i if i % 4 else None, "y": f"y{i}"}),
    ("map", pa.map_(pa.string(), pa.int64()), "dynamic", lambda i: [("k", i), ("other", -i)][: i % 3]),
    ("list_st", pa.list_(pa.struct([("a", pa.int64()), ("b", pa.list_(pa.int32()))])), "dynamic",
     lambda i: [{"a": i, "b": [1, 2]}, {"a": None, "b": []}, {"a": 7, "b": None}][: i % 4]),
    ("list_list", pa.list_(pa.list_(pa.int64())), "dynamic", lambda i: [[i], [], None, [1, 2, 3]][: i % 5]),
]


def f16(v):
    import numpy as np
    return np.float16(v)


def arrow_table(cols):
    arrays = []
    for name, t, _, f in cols:
        values = [cell(i, f) for i in range(N)]
        if t == pa.float16():
            values = [None if v is None else f16(v) for v in values]
        if t == pa.uuid():
            arrays.append(pa.ExtensionArray.from_storage(
                t, pa.array([None if v is None else v.bytes for v in values], pa.binary(16))))
            continue
        arrays.append(pa.array(values, t))
    return pa.table(arrays, names=[c[0] for c in cols])


def expected(cols):
    def value(t, kind, v):
        # A map is a property bag, empty or not.
        return {str(k): nested(x) for k, x in v} if pa.types.is_map(t) and v is not None else canon(v, kind)
    return [[name, kind] for name, _, kind, _ in cols], [
        [value(t, kind, cell(i, f)) for _, t, kind, f in cols] for i in range(N)]


table = arrow_table(columns)
schema, rows = expected(columns)
for codec in ["none", "snappy", "gzip", "zstd"]:
    name = f"pyarrow_{codec}"
    pq.write_table(table, out / f"{name}.parquet", compression=codec, row_group_size=16, data_page_size=64)
    write_expected(name, schema, rows)

# Data pages v2 without dictionaries, with the DELTA and BYTE_STREAM_SPLIT encodings.
flat = [c for c in columns if c[0] in ("i32", "i64", "f32", "f64", "s", "ls", "bin", "fsb", "ts_us", "dec9", "dec18")]
pq.write_table(
    arrow_table(flat), out / "pyarrow_v2_encodings.parquet", compression="zstd", row_group_size=20,
    data_page_version="2.0", use_dictionary=False, store_decimal_as_integer=True,
    column_encoding={"i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED", "f32": "BYTE_STREAM_SPLIT",
                     "f64": "BYTE_STREAM_SPLIT", "s": "DELTA_BYTE_ARRAY", "ls": "DELTA_LENGTH_BYTE_ARRAY",
                     "bin": "DELTA_LENGTH_BYTE_ARRAY", "fsb": "BYTE_STREAM_SPLIT", "ts_us": "DELTA_BINARY_PACKED",
                     "dec9": "BYTE_STREAM_SPLIT", "dec18": "DELTA_BINARY_PACKED"})
write_expected("pyarrow_v2_encodings", *expected(flat))

# Data pages v2 with dictionaries, snappy; INT96 timestamps.
pq.write_table(arrow_table(columns), out / "pyarrow_v2_dictionary.parquet", compression="snappy",
               row_group_size=25, data_page_version="2.0")
write_expected("pyarrow_v2_dictionary", schema, rows)
legacy = [c for c in columns if c[0] in ("ts_us", "ts_ms", "i64", "list_i")]
pq.write_table(arrow_table(legacy), out / "pyarrow_int96.parquet", use_deprecated_int96_timestamps=True,
               compression="gzip")
write_expected("pyarrow_int96", *expected(legacy))

# DuckDB: its own writer and type mapping.
duck = duckdb.connect()
select = """
select
  (i % 3 = 0)::boolean as b, (i % 100 - 50)::tinyint as ti, (i % 100 * 300)::smallint as si, (i * 70000)::integer as ii,
  case when i % 6 = 5 then null else (i * 10000000000)::bigint end as bi, (i % 200)::utinyint as uti,
  (i * 3)::usmallint as usi, (3000000000 + i)::uinteger as ui, (i * 1000000000000)::ubigint as ubi,
  (i / 4)::float as fl, (i / 3)::double as db,
  (i % 600 * 1.5)::decimal(4, 1) as dec4, (i * 12345.678)::decimal(18, 3) as dec18,
  (i * 1234567890123.45678)::decimal(30, 5) as dec30,
  case when i % 6 = 5 then null else 'v' || i::varchar end as s, ('\\x0' || (i % 10)::varchar || 'A')::blob as bl,
  date '2000-01-01' + (i * 7)::integer as d, time '01:02:03.456789' + to_minutes(i) as t,
  timestamp '2010-05-06 07:08:09.123456' + to_hours(i) as ts,
  (timestamp '2010-05-06 07:08:09.123456' + to_hours(i))::timestamp_ms as ts_ms,
  (timestamp '2010-05-06 07:08:09.123456' + to_hours(i))::timestamp_ns as ts_ns,
  [i, i + 1] as l, {'a': i, 'b': 'x' || i} as st, map(['k'], [i]) as m,
  ('00000000-0000-0000-0000-' || lpad(i::varchar, 12, '0'))::uuid as u
from range(0, 5000) t(i)
"""
duck_kinds = {"BOOLEAN": "bool", "TINYINT": "int", "SMALLINT": "int", "INTEGER": "int", "BIGINT": "long",
              "UTINYINT": "int", "USMALLINT": "int", "UINTEGER": "long", "UBIGINT": "long", "FLOAT": "real",
              "DOUBLE": "real", "VARCHAR": "string", "BLOB": "string", "DATE": "datetime", "TIME": "timespan",
              "TIMESTAMP": "datetime", "TIMESTAMP_MS": "datetime", "TIMESTAMP_NS": "datetime", "UUID": "guid"}
rel = duck.sql(select)
kinds = []
for name, t in zip(rel.columns, rel.types):
    t = str(t)
    kinds.append("decimal" if t.startswith("DECIMAL") else duck_kinds.get(t, "dynamic"))
values = rel.fetchall()
ns_rows = duck.sql(f"select epoch_ns(ts_ns) from ({select})").fetchall()
rows = []
for r, (ns,) in zip(values, ns_rows):
    row = []
    for name, kind, v in zip(rel.columns, kinds, r):
        row.append(ns if name == "ts_ns" and v is not None else canon(v, kind))
    rows.append(row)
for codec in ["snappy", "zstd", "gzip", "uncompressed"]:
    name = f"duckdb_{codec}"
    duck.sql(f"copy ({select}) to '{out / (name + '.parquet')}' (format parquet, compression {codec}, row_group_size 2048)")
    write_expected(name, [[n, k] for n, k in zip(rel.columns, kinds)], rows)

# Arrow IPC: the file format (.arrow), Feather v2 and the stream format, from pyarrow and from DuckDB's
# Arrow export, with several record batches, dictionaries (and delta dictionaries), and LZ4/ZSTD buffers.
import pyarrow.compute as pc
import pyarrow.feather as feather
import pyarrow.ipc as ipc


def kind_of(t):
    """The KQL type Sandpiper gives an Arrow type, as its documentation (docs/data-formats.md) states."""
    if pa.types.is_dictionary(t):
        return kind_of(t.value_type)
    if isinstance(t, pa.BaseExtensionType):
        return {"arrow.uuid": "guid", "arrow.json": "dynamic"}.get(t.extension_name) or kind_of(t.storage_type)
    if pa.types.is_boolean(t):
        return "bool"
    if pa.types.is_integer(t):
        return "int" if t.bit_width < 32 or (t.bit_width == 32 and pa.types.is_signed_integer(t)) else "long"
    if pa.types.is_floating(t):
        return "real"
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return "string"
    if (pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_fixed_size_binary(t)
            or pa.types.is_binary_view(t)):
        return "string"
    if pa.types.is_date(t) or pa.types.is_timestamp(t):
        return "datetime"
    if pa.types.is_time(t) or pa.types.is_duration(t):
        return "timespan"
    if pa.types.is_decimal(t):
        return "decimal"
    return "dynamic"


UNIT_NS = {"s": 10**9, "ms": 10**6, "us": 10**3, "ns": 1}


def arrow_expected(table):
    """Columns and rows of an Arrow table in make_files' canonical form, from pyarrow's view of the data."""
    columns, cells = [], []
    for name, col in zip(table.column_names, table.columns):
        t = col.type
        kind = kind_of(t)
        if pa.types.is_dictionary(t):
            # to_pylist gives a dictionary column's values; temporal ones are read as integers below.
            t = t.value_type
            if pa.types.is_temporal(t):
                col = pc.cast(col, t)
        if pa.types.is_timestamp(t) or pa.types.is_duration(t) or pa.types.is_time(t):
            storage = pc.cast(col, pa.int64() if t.bit_width == 64 else pa.int32())
            values = [None if v is None else v * UNIT_NS[t.unit] for v in storage.to_pylist()]
        elif pa.types.is_date32(t):
            values = [None if v is None else v * 86400 * 10**9 for v in pc.cast(col, pa.int32()).to_pylist()]
        elif pa.types.is_date64(t):
            values = [None if v is None else v * 10**6 for v in pc.cast(col, pa.int64()).to_pylist()]
        elif isinstance(t, pa.BaseExtensionType) and t.extension_name == "arrow.json":
            values = [None if v is None else json.loads(v) for v in col.to_pylist()]
        elif pa.types.is_map(t):
            values = [None if v is None else {str(k): nested(x) for k, x in v} for v in col.to_pylist()]
        else:
            values = [canon(v, kind) for v in col.to_pylist()]
        columns.append([name, kind])
        cells.append(values)
    return columns, [list(r) for r in zip(*cells)]


def write_arrow(name, table, compression=None, max_chunksize=16, options=None):
    opts = ipc.IpcWriteOptions(compression=compression, **(options or {}))
    with ipc.new_file(out / name, table.schema, options=opts) as w:
        w.write_table(table, max_chunksize=max_chunksize)
    write_expected(name.rsplit(".", 1)[0], *arrow_expected(table))


# Every type of the Parquet files, in batches of 16 rows, plain and compressed; the expectations are the
# values pyarrow was given (the same as the Parquet files').
schema, rows = expected(columns)
for codec in [None, "lz4", "zstd"]:
    name = f"ipc_pyarrow_{codec or 'none'}"
    opts = ipc.IpcWriteOptions(compression=codec)
    with ipc.new_file(out / f"{name}.arrow", table.schema, options=opts) as w:
        w.write_table(table, max_chunksize=16)
    write_expected(name, schema, rows)
feather.write_feather(table, out / "ipc_pyarrow.feather", compression="lz4", chunksize=20)
write_expected("ipc_pyarrow", schema, rows)
with ipc.new_stream(out / "ipc_pyarrow_stream.arrows", table.schema, options=ipc.IpcWriteOptions(compression="zstd")) as w:
    w.write_table(table, max_chunksize=7)
write_expected("ipc_pyarrow_stream", schema, rows)

# The Arrow types Parquet has no twin of: views, large lists, fixed-size lists, 32/64/256-bit decimals,
# durations, date64, seconds time32, time zones other than UTC, the null type, and JSON.
more = [
    ("sv", pa.string_view(), lambda i: ["short", "a string longer than twelve bytes " + str(i)][i % 2]),
    ("bv", pa.binary_view(), lambda i: bytes(range(i % 20))),
    ("lb", pa.large_binary(), lambda i: bytes([i, 7])),
    ("ll", pa.large_list(pa.string()), lambda i: ["x"] * (i % 3)),
    ("fsl", pa.list_(pa.int64(), 2), lambda i: [i * 2, None if i % 5 == 0 else -i]),
    ("dec32", pa.decimal32(7, 3), lambda i: decimal.Decimal(i * 1001 - 20000) / 1000),
    ("dec64", pa.decimal64(15, 0), lambda i: decimal.Decimal(i * 10**12 - 7)),
    ("dec256", pa.decimal256(60, 5), lambda i: decimal.Decimal(i * 10**20 + 3) / 10**5),
    ("dur_s", pa.duration("s"), lambda i: dt.timedelta(seconds=i * 3600 - 7)),
    ("dur_ms", pa.duration("ms"), lambda i: dt.timedelta(milliseconds=i * 1001)),
    ("dur_us", pa.duration("us"), lambda i: dt.timedelta(microseconds=-i * 17)),
    ("dur_ns", pa.duration("ns"), lambda i: i * 999_999_999),
    ("d64", pa.date64(), lambda i: dt.date(2001, 2, 3) + dt.timedelta(days=i * 30)),
    ("t_s", pa.time32("s"), lambda i: dt.time(i % 24, i % 60, 5)),
    ("ts_ny", pa.timestamp("ms", tz="America/New_York"), lambda i: dt.datetime(2020, 3, 8, 6, i % 60, tzinfo=dt.timezone.utc)),
    ("nul", pa.null(), lambda i: None),
    ("js", pa.json_(), lambda i: json.dumps({"n": i, "tags": ["a", None]})),
]
more_table = pa.table([pa.array([cell(i, f) for i in range(N)], t) for _, t, f in more], names=[c[0] for c in more])
write_arrow("ipc_pyarrow_more_types.arrow", more_table, compression="lz4", max_chunksize=12)

# Dictionary-encoded columns (strings, integers, a dictionary of lists) with nulls in the indices and in
# the dictionaries, over several batches sharing one dictionary; and a stream whose batches extend it.
words = pa.array([cell(i, lambda i: ["red", "green", "blue", "green"][i % 4]) for i in range(N)])
dict_table = pa.table({
    "color": words.dictionary_encode(),
    "code": pa.array([cell(i, lambda i: i % 6 * 100) for i in range(N)], pa.int64()).dictionary_encode(),
    "small": pa.DictionaryArray.from_arrays(
        pa.array([i % 3 for i in range(N)], pa.int8()), pa.array(["x", None, "z"])),
    "lists": pa.DictionaryArray.from_arrays(
        pa.array([cell(i, lambda i: i % 3) for i in range(N)], pa.int16()),
        pa.array([[1, 5], None, []], pa.list_(pa.int32()))),
})
write_arrow("ipc_pyarrow_dictionary.arrow", dict_table, max_chunksize=9)
parts = [pa.table({"tag": pa.array(chunk).dictionary_encode(), "n": pa.array(range(k * 3, k * 3 + len(chunk)))})
         for k, chunk in enumerate([["a", "b", None], ["b", "c", "a"], ["d", "a", "e"]])]
delta = ipc.IpcWriteOptions(emit_dictionary_deltas=True)
with ipc.new_stream(out / "ipc_pyarrow_delta.arrows", parts[0].schema, options=delta) as w:
    for part in parts:
        w.write_table(part)
write_expected("ipc_pyarrow_delta", *arrow_expected(pa.concat_tables(parts)))

# DuckDB's Arrow export (its own type mapping: uuid, hugeint-free decimals, lists, structs, maps).
duck_arrow = duck.sql(select).arrow()
if isinstance(duck_arrow, pa.RecordBatchReader):
    duck_arrow = duck_arrow.read_all()
for codec in [None, "zstd"]:
    write_arrow(f"ipc_duckdb_{codec or 'none'}.arrow", duck_arrow, compression=codec, max_chunksize=1000)

print("wrote", len(list(out.glob("*.parquet"))), "Parquet and", len(list(out.glob("ipc_*"))) // 2, "Arrow files to", out)
