# The Python half of the host: per-column helpers called from Swift, defined once in the zygote
# (sandpiper-worker embeds this file at build time; PythonInterpreter runs it in module _sandpiper_host).
import io, json, os, sys, traceback, warnings, math, datetime as _dt, decimal as _decimal, uuid as _uuid
import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype as _infer_dtype

_DTYPES = {'bool': np.bool_, 'int': np.int32, 'long': np.int64, 'real': np.float64, 'decimal': np.float64,
           'datetime': 'datetime64[ns]', 'timespan': 'timedelta64[ns]'}

def view(mv, kind, count, offset):
    """A numpy view of `count` values at `offset` of the mapped input: no copy."""
    return np.frombuffer(mv, dtype=_DTYPES[kind], count=count, offset=offset)

def mask(mv, count, offset):
    """True where the Arrow validity bitmap at `offset` says null."""
    bits = np.frombuffer(mv, dtype=np.uint8, count=(count + 7) // 8, offset=offset)
    return np.unpackbits(bits, count=count, bitorder='little') == 0

def masked(kind, values, null_mask):
    """A pandas nullable array (Int32, Int64, boolean) over `values` (not copied)."""
    if kind == 'bool':
        return pd.arrays.BooleanArray(values, null_mask)
    return pd.arrays.IntegerArray(values, null_mask)

def empty_objects(count):
    a = np.empty(count, dtype=object)
    return a, a.__array_interface__['data'][0]

def frame(names, arrays, count):
    """A DataFrame over `arrays` with one block per column; copy=False keeps numpy's views."""
    if not names:
        return pd.DataFrame(index=pd.RangeIndex(count))
    if len(set(names)) != len(names):
        df = pd.DataFrame({i: a for i, a in enumerate(arrays)}, copy=False)
        df.columns = names
        return df
    return pd.DataFrame(dict(zip(names, arrays)), copy=False)

_CAPTURE_LIMIT = 1 << 20      # characters of print output (and of stderr) kept per run
_TRACEBACK_LIMIT = 1 << 16    # characters of an error's message and of its traceback

_TRANSCRIPT_LIMIT = 2 << 20  # bytes of the transcript (ScriptTranscript.maxBytes)

class _Transcript:
    """Everything printed, written as it comes from offset 0 of the query's transcript memfd (UTF-8, NUL
    bytes replaced): what the engine shows when the script is stopped before it answers."""
    def __init__(self, fd):
        self.fd, self.offset = fd, 0
    def write(self, s):
        if self.fd is None or self.offset >= _TRANSCRIPT_LIMIT:
            return
        b = s.encode('utf-8', 'replace').replace(b'\0', b'?')[:_TRANSCRIPT_LIMIT - self.offset]
        try:
            self.offset += os.pwrite(self.fd, b, self.offset)
        except OSError:
            self.fd = None

class _Capture(io.StringIO):
    """Captured output, kept to its first _CAPTURE_LIMIT characters: it travels back in one reply,
    which the engine refuses past a fixed size. What is kept also goes into the transcript."""
    def __init__(self, transcript=None):
        super().__init__()
        self.dropped = 0
        self.transcript = transcript
    def write(self, s):
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not %s' % type(s).__name__)
        room = _CAPTURE_LIMIT - self.tell()
        if len(s) <= room:
            if self.transcript is not None:
                self.transcript.write(s)
            return super().write(s)
        if room > 0:
            if self.transcript is not None:
                self.transcript.write(s[:room])
            super().write(s[:room])
        self.dropped += len(s) - max(room, 0)
        return len(s)
    def text(self):
        t = self.getvalue()
        if self.dropped:
            t += '\n[sandpiper: %d more characters of output were dropped; at most %d are kept]\n' % (self.dropped, _CAPTURE_LIMIT)
        return t

def capture(transcript_fd=None):
    transcript = _Transcript(transcript_fd) if transcript_fd is not None else None
    sys.stdout = _Capture(transcript)
    sys.stderr = _Capture(transcript)
    warnings.resetwarnings()
    warnings.simplefilter('default')

def captured():
    out = sys.stdout.text() if isinstance(sys.stdout, _Capture) else ''
    err = sys.stderr.text() if isinstance(sys.stderr, _Capture) else ''
    return out, err

def _clip(text, keep_end=False):
    if len(text) <= _TRACEBACK_LIMIT:
        return text
    cut = '[... %d characters cut ...]' % (len(text) - _TRACEBACK_LIMIT)
    return cut + text[-_TRACEBACK_LIMIT:] if keep_end else text[:_TRACEBACK_LIMIT] + cut

# The name the running script's frames carry (the query file, `<query>`, or `<script>`); set per run.
_script_name = '<script>'

def script_enter(name, first_line, script):
    """Compiles the script as file `name` with its first line at `first_line` (blank lines before it, so
    Python's line numbers are the query's), and registers its lines so tracebacks show them."""
    global _script_name
    import linecache
    _script_name = name
    text = '\n' * (first_line - 1) + script
    # An entry whose mtime is None is never checked against a file on disk.
    linecache.cache[name] = (len(text), None, text.splitlines(True), name)
    return compile(text, name, 'exec', dont_inherit=True)

def _package(filename):
    """Where a frame's code lives: the package under site-packages, or 'python' for the standard library."""
    if filename.startswith('<') and filename.endswith('>'):
        return filename[1:-1]
    marker = '/site-packages/'
    at = filename.find(marker)
    if at < 0:
        return 'python'
    rest = filename[at + len(marker):]
    top = rest.split('/', 1)[0]
    return top[:-3] if top.endswith('.py') else top

def _folded(etype, value, tb):
    """The traceback with every run of library frames folded into one line that names the packages."""
    lines = ['Traceback (most recent call last):\n']
    hidden = []
    def flush():
        if hidden:
            names = sorted(set(hidden))
            lines.append('  [%d frame%s in %s; --verbose shows them]\n'
                         % (len(hidden), '' if len(hidden) == 1 else 's', ', '.join(names)))
            del hidden[:]
    for frame in traceback.extract_tb(tb):
        if frame.filename == _script_name:
            flush()
            lines.extend(traceback.format_list([frame]))
        else:
            hidden.append(_package(frame.filename))
    flush()
    if len(lines) == 1:
        lines = []
    return ''.join(lines + traceback.format_exception_only(etype, value))

def describe(etype, value, tb):
    """(type name, message, folded traceback, line in the user's script or None, errno of an OSError or None,
    the whole traceback)."""
    line = None
    t = tb
    while t is not None:
        if t.tb_frame.f_code.co_filename == _script_name:
            line = t.tb_lineno
        t = t.tb_next
    if isinstance(value, SyntaxError) and value.filename == _script_name:
        # The script did not compile: the frames are the host's call of compile(), nothing of the user's.
        line, tb = value.lineno, None
    text = ''.join(traceback.format_exception(etype, value, tb))
    try:
        folded = _folded(etype, value, tb)
    except Exception:
        folded = text
    try:
        message = str(value)
    except Exception:
        message = '<the exception cannot be shown as text>'
    # The end of a traceback says where it failed: a long one keeps its end.
    errno = value.errno if isinstance(value, OSError) and isinstance(value.errno, int) else None
    return _clip(etype.__name__), _clip(message), _clip(folded, keep_end=True), line, errno, _clip(text, keep_end=True)

def check_result(g):
    """The result DataFrame, or the error message saying what was found instead."""
    if 'result' not in g:
        return None, "the script did not assign a variable named 'result'"
    r = g['result']
    if isinstance(r, pd.Series):
        r = r.to_frame()
    if not isinstance(r, pd.DataFrame):
        return None, "'result' is a %s, not a pandas DataFrame" % type(r).__name__
    return r, None

def _json_default(v):
    if isinstance(v, (np.integer,)): return int(v)
    if isinstance(v, (np.floating,)): return float(v)
    if isinstance(v, (np.bool_,)): return bool(v)
    if isinstance(v, np.ndarray): return v.tolist()
    if isinstance(v, (pd.Timestamp, _dt.datetime, _dt.date)): return v.isoformat()
    if isinstance(v, (pd.Timedelta, _dt.timedelta)): return str(v)
    if isinstance(v, _decimal.Decimal): return float(v)
    if isinstance(v, (set, tuple)): return list(v)
    return str(v)

def _is_null(v):
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))

def _dynamic(values):
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        out[i] = None if _is_null(v) else json.dumps(v, default=_json_default, separators=(',', ':'), allow_nan=False) \
            if not (isinstance(v, float) and math.isinf(v)) else json.dumps(str(v))
    return out

def _contiguous(a, dtype):
    return np.ascontiguousarray(np.asarray(a, dtype=dtype))

def _datetimes(s):
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        s = s.dt.tz_convert('UTC').dt.tz_localize(None)
    v = s.to_numpy(dtype='datetime64[ns]')
    n = np.isnat(v)
    return _contiguous(v.view(np.int64), np.int64), (n if n.any() else None)

def _timedeltas(s):
    v = s.to_numpy(dtype='timedelta64[ns]')
    n = np.isnat(v)
    return _contiguous(v.view(np.int64), np.int64), (n if n.any() else None)

def column(s):
    """(kind, values, null mask or None) of one result column.

    kinds: bool int long real datetime timespan (numpy values), string dynamic (object arrays of str/None)."""
    dt = s.dtype
    if isinstance(dt, pd.CategoricalDtype):
        return column(pd.Series(np.asarray(s)) if not s.isna().any() else pd.Series(s.astype(object)))
    if isinstance(dt, pd.DatetimeTZDtype) or dt.kind == 'M':
        return ('datetime',) + _datetimes(s)
    if dt.kind == 'm':
        return ('timespan',) + _timedeltas(s)
    if isinstance(dt, pd.api.extensions.ExtensionDtype) and hasattr(s.array, '_mask'):
        arr = s.array
        m = np.asarray(arr._mask)
        data = np.asarray(arr._data)
        kind, values, _ = column(pd.Series(data))
        return kind, values, (m if m.any() else None)
    if isinstance(dt, pd.StringDtype):
        return 'string', _contiguous(s.astype(object).where(s.notna(), None), object), None
    if dt.kind == 'b':
        return 'bool', _contiguous(s.to_numpy(), np.uint8), None
    if dt.kind in 'iu':
        small = dt.itemsize < 4 or (dt.itemsize == 4 and dt.kind == 'i') or (dt.kind == 'u' and dt.itemsize < 4)
        if small:
            return 'int', _contiguous(s.to_numpy(), np.int32), None
        return 'long', _contiguous(s.to_numpy(), np.int64), None
    if dt.kind == 'f':
        # NaN rows become nulls: the writer finds them in one pass while it reads the values anyway.
        return 'real', _contiguous(s.to_numpy(), np.float64), None
    if dt.kind == 'c':
        return 'dynamic', _dynamic([None if _is_null(x) else [x.real, x.imag] for x in s]), None
    values = s.to_numpy(dtype=object)
    inferred = _infer_dtype(values, skipna=True)
    if inferred in ('string', 'empty'):
        return 'string', _contiguous(values, object), None
    nulls = np.fromiter((_is_null(v) for v in values), dtype=bool, count=len(values))
    present = values[~nulls]
    m = nulls if nulls.any() else None
    if inferred == 'boolean':
        return 'bool', _contiguous(np.where(nulls, False, values).astype(bool), np.uint8), m
    if inferred == 'integer':
        try:
            v = np.where(nulls, 0, values).astype(np.int64)
            return 'long', _contiguous(v, np.int64), m
        except OverflowError:
            pass
    if inferred in ('floating', 'mixed-integer-float', 'integer', 'decimal'):
        v = np.where(nulls, np.nan, values).astype(np.float64)
        return 'real', _contiguous(v, np.float64), m
    if inferred in ('datetime', 'datetime64', 'date'):
        return ('datetime',) + _datetimes(pd.Series(pd.to_datetime(values, utc=True)))
    if inferred in ('timedelta', 'timedelta64'):
        return ('timespan',) + _timedeltas(pd.Series(pd.to_timedelta(values)))
    return 'dynamic', _dynamic(values), None

def result_columns(r):
    """[(name, kind, values, mask)] of the result DataFrame, values and masks contiguous."""
    out = []
    for i in range(r.shape[1]):
        s = r.iloc[:, i]
        kind, values, m = column(s)
        out.append((str(r.columns[i]), kind, values, None if m is None else _contiguous(m, np.bool_)))
    return out

def address(a):
    return a.__array_interface__['data'][0]

def warm_up():
    """Builds and drops a small frame with a column of every kind the way the input's `df` is built, and
    reads it back the way a result is: our own code and data, never a script's. Run in the zygote, it
    does pandas' lazy initialisation once for every child."""
    n = 3
    mv = memoryview(bytearray(64))
    strings, _ = empty_objects(n)
    strings[:] = ['a', None, 'b']
    names = ['l', 'i', 'r', 't', 'd', 'ln', 'in', 'b', 'bn', 's']
    arrays = [view(mv, 'long', n, 0), view(mv, 'int', n, 0), view(mv, 'real', n, 0), view(mv, 'datetime', n, 0),
              view(mv, 'timespan', n, 0), masked('long', view(mv, 'long', n, 0), mask(mv, n, 0)),
              masked('int', view(mv, 'int', n, 0), mask(mv, n, 0)), view(mv, 'bool', n, 0),
              masked('bool', view(mv, 'bool', n, 0), mask(mv, n, 0)), strings]
    df = frame(names, arrays, n)
    r, _ = check_result({'df': df, 'result': df})
    for _, _, values, m in result_columns(r):
        address(values)
        if m is not None:
            address(m)
    result_columns(pd.DataFrame({'x': [1, None], 'y': ['a', 'b'], 'z': [1.5, 2.5]}))
