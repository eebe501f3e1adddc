"""Checksum of a DataFrame as its receiver sees it, for `sandpiper bench transfer`.

Used by every peer's receiving side and pasted into the script sandpiper's python() runs, so it
needs only numpy and pandas. A column's checksum is `count:sum` of its non-null values, with sums
chosen to be exact integers in every language (see Sources/Bench/BenchTransferData.swift):

- long, int: sum of the values
- real: sum of value * 8 (the values are multiples of 1/8)
- bool: number of true values
- datetime: sum of (ns - 2020-01-01) // 1000
- timespan: sum of ns // 1_000_000
- string-low, string-high: sum of `string_hash` over the values (it covers every byte and its place)
- dynamic: sum of the "k" field plus `string_hash` of the "s" field of each object (a dict, or its
  JSON text)

`string_hash(s)` of a string whose UTF-8 bytes are b[0..L-1] is L * L + sum(b[j] * (j % 251 + 1)).

`table_touch` is the consumer step every receiver runs inside its timed span: it reads every value
once (a per-column sum; strings by length), as a script that uses its `df` would. `table_checksum`
runs after the clock stops. Columns may arrive in any of pandas' representations (float64 with
NaN, nullable Int64, object with None, datetime64 of any unit, CSV text), so each kind normalises
first.
"""
import json as _json

import numpy as _np
import pandas as _pd

DATETIME_BASE_NS = 1_577_836_800_000_000_000  # 2020-01-01T00:00:00Z


def strings_hash_total(values):
    """Sum of `string_hash` over `values` (str), vectorised over their concatenated UTF-8 bytes."""
    enc = [x.encode() for x in values]
    if not enc:
        return 0
    lens = _np.fromiter(map(len, enc), _np.int64, count=len(enc))
    b = _np.frombuffer(b"".join(enc), _np.uint8).astype(_np.int64)
    j = _np.arange(len(b), dtype=_np.int64) - _np.repeat(_np.cumsum(lens) - lens, lens)
    return int((lens * lens).sum() + (b * (j % 251 + 1)).sum())


def _objects(s):
    return [x if isinstance(x, dict) else _json.loads(x) for x in s]


def column_checksum(kind, series, contents=True):
    """`count:sum` of one column; `contents=False` is the cheap form `table_touch` uses (string lengths)."""
    s = series[series.notna()]
    n = int(len(s))
    if kind in ("long", "int"):
        total = int(_np.asarray(s, dtype=_np.int64).sum())
    elif kind == "real":
        total = int(_np.rint(_np.asarray(s, dtype=_np.float64) * 8).astype(_np.int64).sum())
    elif kind == "bool":
        total = int(_np.asarray(s.astype(bool), dtype=bool).sum())
    elif kind == "datetime":
        v = _np.asarray(_pd.to_datetime(s).values.astype("datetime64[ns]")).view(_np.int64)
        total = int(((v - DATETIME_BASE_NS) // 1000).sum())
    elif kind == "timespan":
        v = _np.asarray(_pd.to_timedelta(s).values.astype("timedelta64[ns]")).view(_np.int64)
        total = int((v // 1_000_000).sum())
    elif kind in ("string-low", "string-high"):
        total = strings_hash_total(s) if contents else int(sum(map(len, s)))
    elif kind == "dynamic":
        objs = _objects(s)
        total = int(sum(x["k"] for x in objs))
        if contents:
            total += strings_hash_total([x["s"] for x in objs])
    else:
        raise ValueError(f"unknown column kind {kind}")
    return f"{n}:{total}"


def table_checksum(df, kinds):
    """`count:sum` per column, joined by commas; the columns are taken in order."""
    if len(df.columns) != len(kinds):
        return f"columns:{len(df.columns)}!={len(kinds)}"
    return ",".join(column_checksum(k, df.iloc[:, j]) for j, k in enumerate(kinds))


def table_touch(df, kinds):
    """The consumer step: every value read once (a per-column sum, string lengths), as `count:sum` text."""
    return ",".join(column_checksum(k, df.iloc[:, j], contents=False) for j, k in enumerate(kinds))


def fresh_copy(df):
    """A result the script computed with the same values: new numpy buffers, new str and dict objects.

    Nothing in it is an input buffer or object, so no transfer can hand it back by reference.
    """
    out = {}
    for name in df.columns:
        col = df[name]
        if col.dtype == object:
            out[name] = _pd.Series([_fresh(x) for x in col], dtype=object, index=col.index)
        else:
            out[name] = col.copy(deep=True)
    return _pd.DataFrame(out, index=df.index)


def _fresh(x):
    if isinstance(x, str):
        return (x + ".")[:-1]  # equal contents, a new object
    if isinstance(x, dict):
        return _json.loads(_json.dumps(x))
    return x
