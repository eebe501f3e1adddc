# Written by sandpiper for `set query_python_debug;`: rebuilds the python() plugin's inputs, then runs
# the script. df comes from df.txt with the dtypes the plugin gives each KQL type; kargs from kargs.txt.
import json, os
import numpy as np
import pandas as pd

os.chdir(os.path.dirname(os.path.abspath(__file__)))


def _column(kind, values):
    has_null = any(v is None for v in values)
    if kind in ('long', 'int'):
        if has_null:
            return pd.array(values, dtype='Int64' if kind == 'long' else 'Int32')
        return np.array(values, dtype=np.int64 if kind == 'long' else np.int32)
    if kind == 'bool':
        return pd.array(values, dtype='boolean') if has_null else np.array(values, dtype=bool)
    if kind in ('real', 'decimal'):
        return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)
    if kind in ('datetime', 'timespan'):
        unit = 'datetime64[ns]' if kind == 'datetime' else 'timedelta64[ns]'
        ints = np.array([np.iinfo(np.int64).min if v is None else v for v in values], dtype=np.int64)
        return ints.view(unit)
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        out[i] = v
    return out


with open('df.txt', encoding='utf-8') as _f:
    _columns = json.load(_f)['columns']
df = pd.DataFrame({c['name']: _column(c['type'], c['values']) for c in _columns})
with open('kargs.txt', encoding='utf-8') as _f:
    kargs = json.load(_f)
