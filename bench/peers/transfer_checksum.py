"""Checksum of a DataFrame as its receiver sees it, for `sandpiper bench transfer`.

Used by every peer's receiving side and pasted into the script sandpiper's python() runs, so it
needs only numpy and pandas. A column's checksum is `count:sum` of its non-null values, with sums
chosen to be exact integers in every language (see Sources/Bench/BenchTransferData.swift):

- long, int: sum of the values
- real: sum of value * 8 (the values are multiples of 1/8)
- bool: number of true values
- datetime: sum of (ns - 2020-01-01) // 1000
- timespan: sum of ns // 1_000_000
- string-low, string-high: total length (the strings are ASCII)
- dynamic: sum of the "k" field of each object (a dict, or its JSON text)

Columns may arrive in any of pandas' representations (float64 with NaN, nullable Int64, object with
None, datetime64 of any unit, CSV text), so each kind normalises first.
"""
import json as _json

import numpy as _np
import pandas as _pd

DATETIME_BASE_NS = 1_577_836_800_000_000_000  # 2020-01-01T00:00:00Z


def column_checksum(kind, series):
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
        total = int(sum(map(len, s)))
    elif kind == "dynamic":
        total = int(sum((x if isinstance(x, dict) else _json.loads(x))["k"] for x in s))
    else:
        raise ValueError(f"unknown column kind {kind}")
    return f"{n}:{total}"


def table_checksum(df, kinds):
    """`count:sum` per column, joined by commas; the columns are taken in order."""
    if len(df.columns) != len(kinds):
        return f"columns:{len(df.columns)}!={len(kinds)}"
    return ",".join(column_checksum(k, df.iloc[:, j]) for j, k in enumerate(kinds))
