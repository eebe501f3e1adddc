"""Peers of `sandpiper bench transfer`: the same datasets moved into and out of a pandas DataFrame
by well-known means, timed, each run checked by a checksum of what the receiver saw.

Methods (JSON `method`), each for directions `to-df` (source table -> DataFrame visible to the
consumer), `from-df` (DataFrame -> table of the source side) and `round-trip` (both):

- pyarrow-ipc-memfd: an Arrow IPC stream written into a memfd by one process, read (memory-mapped)
  and converted with `to_pandas()` by a second, already running process (variant "split-blocks":
  `to_pandas(split_blocks=True)`, zero-copy from the mapping where the type allows);
- pyarrow-to-pandas: in-process `Table.to_pandas()` / `Table.from_pandas()` (variant "default"), and
  `to_pandas(split_blocks=True, zero_copy_only=True)` (variant "zero-copy", numeric without nulls only);
- duckdb-df: `SELECT * FROM t` -> `.df()`, and `CREATE TABLE .. AS SELECT * FROM df`;
- pickle5-oob-pipe: pickle protocol 5 with out-of-band buffers over a pipe to a second process;
- csv-pipe: `to_csv` -> pipe -> `read_csv` (+ dtype coercion) in a second process.

Two-process times run from the sender's clock before it starts to the receiver's clock once the
DataFrame (or table) exists; both read CLOCK_MONOTONIC. A receiving DataFrame is consumed inside the
timed span (`table_touch`: every value read once, as sandpiper's script does), in to-df and in the
middle of round-trip. from-df sends a result computed before the clock starts (`fresh_copy`: new
buffers and objects, as sandpiper's from-df does). Checksums are computed after the clock stops.
The data is generated from the formulas in Sources/Bench/BenchTransferData.swift.

Prints one JSON object per line: `{"kind": "dataset", ...}` with the generator's checksum (the
Swift side compares it with its own), then `{"kind": "measurement", "method", "direction",
"dataset", "rows", "median_s", "min_s", "max_s", "runs", "variant"}` or `{"kind": "skipped", ...}`.
"""
import argparse
import fcntl
import io
import json
import os
import pickle
import statistics
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from transfer_checksum import DATETIME_BASE_NS, fresh_copy, table_checksum, table_touch  # noqa: E402

METHODS = ["pyarrow-ipc-memfd", "pyarrow-to-pandas", "duckdb-df", "pickle5-oob-pipe", "csv-pipe"]
DIRECTIONS = ["to-df", "from-df", "round-trip"]
F_SETPIPE_SZ = 1031
PIPE_BYTES = 1 << 20

# Dataset types: the column kinds of each (columns are named c0, c1, ...).
DATASETS = {
    "long": ["long"], "int": ["int"], "real": ["real"], "bool": ["bool"], "datetime": ["datetime"],
    "timespan": ["timespan"], "string-low": ["string-low"], "string-high": ["string-high"],
    "dynamic": ["dynamic"], "numeric4": ["long", "real", "long", "real"],
    "mixed": ["long", "real", "bool", "datetime", "string-low"],
}


def now():
    return time.monotonic_ns()


# ---- data (same formulas as BenchTransferData.swift) ----

def null_mask(rows, c, ratio_permille):
    i = np.arange(rows, dtype=np.int64)
    return ((i * 7 + c * 3) % 1000) < ratio_permille


def column(kind, rows, c, ratio_permille):
    i = np.arange(rows, dtype=np.int64)
    mask = null_mask(rows, c, ratio_permille)
    m = mask if mask.any() else None
    if kind == "long":
        return pa.array((i * 2654435761 + c * 40503) % 1_000_003 - 500_000, type=pa.int64(), mask=m)
    if kind == "int":
        return pa.array(((i * 7919 + c * 13) % 65_536 - 32_768).astype(np.int32), type=pa.int32(), mask=m)
    if kind == "real":
        return pa.array(((i * 31 + c * 7) % 10_007).astype(np.float64) / 8.0, type=pa.float64(), mask=m)
    if kind == "bool":
        return pa.array((i + c) % 3 == 0, type=pa.bool_(), mask=m)
    if kind == "datetime":
        v = DATETIME_BASE_NS + ((i * 1_000_003 + c) % 86_400_000_000) * 1000
        return pa.array(v, type=pa.int64(), mask=m).cast(pa.timestamp("ns"))
    if kind == "timespan":
        v = ((i * 7 + c) % 86_400_000) * 1_000_000
        return pa.array(v, type=pa.int64(), mask=m).cast(pa.duration("ns"))
    if kind == "string-low":
        s = pc.binary_join_element_wise("s", pc.cast(pa.array((i + c) % 16), pa.string()), "")
    elif kind == "string-high":
        s = pc.binary_join_element_wise("v", pc.cast(pa.array(i * 3 + c), pa.string()), "")
    elif kind == "dynamic":
        s = pc.binary_join_element_wise('{"k":', pc.cast(pa.array((i + c) % 1000), pa.string()),
                                        ',"s":"d', pc.cast(pa.array(i % 7), pa.string()), '"}', "")
    else:
        raise ValueError(kind)
    if m is not None:
        s = pc.if_else(pa.array(m), pa.scalar(None, pa.string()), s)
    return s


def dataset_table(kinds, rows, ratio_permille):
    return pa.table({f"c{j}": column(k, rows, j, ratio_permille) for j, k in enumerate(kinds)})


def csv_coerce(df, kinds):
    for j, k in enumerate(kinds):
        name = df.columns[j]
        if k == "datetime":
            df[name] = pd.to_datetime(df[name])
        elif k == "timespan":
            df[name] = pd.to_timedelta(df[name])
    return df


# ---- pipes ----

def write_all(fd, data):
    view = memoryview(data).cast("B")
    while len(view):
        n = os.write(fd, view)
        view = view[n:]


def read_exact(fd, n):
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = os.readv(fd, [view[got:]])
        if k == 0:
            raise EOFError("pipe closed")
        got += k
    return buf


def send_pickle(fd, obj):
    buffers = []
    head = pickle.dumps(obj, protocol=5, buffer_callback=buffers.append)
    raws = [b.raw() for b in buffers]
    meta = json.dumps([len(head)] + [r.nbytes for r in raws]).encode()
    write_all(fd, len(meta).to_bytes(8, "little") + meta)
    write_all(fd, head)
    for r in raws:
        write_all(fd, r)


def receive_pickle(fd):
    meta = json.loads(read_exact(fd, int.from_bytes(read_exact(fd, 8), "little")))
    head = read_exact(fd, meta[0])
    buffers = [read_exact(fd, n) for n in meta[1:]]
    return pickle.loads(head, buffers=buffers)


def send_bytes(fd, data):
    write_all(fd, len(data).to_bytes(8, "little"))
    write_all(fd, data)


def receive_bytes(fd):
    return read_exact(fd, int.from_bytes(read_exact(fd, 8), "little"))


def ipc_into_memfd(table):
    fd = os.memfd_create("bench-ipc")
    with pa.OSFile(f"/proc/self/fd/{fd}", "wb") as sink:
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
    return fd


def ipc_from_path(path):
    return pa.ipc.open_stream(pa.memory_map(path, "r")).read_all()


# ---- the second process ----

def child_main(read_fd, write_fd):
    """Serves requests on stdin (one JSON per line), answers on stdout; bulk data uses the two pipes."""
    state = {}
    for line in sys.stdin:
        req = json.loads(line)
        op = req["op"]
        reply = {}
        if op == "dataset":
            kinds = req["kinds"]
            table = dataset_table(kinds, req["rows"], req["permille"])
            state = {"kinds": kinds, "table": table, "result": fresh_copy(table.to_pandas())}
        elif op == "ipc-to-df":
            df = ipc_from_path(req["path"]).to_pandas(split_blocks=req["split"])
            table_touch(df, state["kinds"])
            reply = {"t1": now(), "checksum": table_checksum(df, state["kinds"])}
        elif op == "ipc-from-df":
            t0 = now()
            fd = ipc_into_memfd(pa.Table.from_pandas(state["result"], preserve_index=False))
            reply = {"t0": t0, "path": f"/proc/{os.getpid()}/fd/{fd}"}
            print(json.dumps(reply), flush=True)
            json.loads(sys.stdin.readline())  # the reader is done; the memfd can go
            os.close(fd)
            continue
        elif op == "ipc-round-trip":
            df = ipc_from_path(req["path"]).to_pandas(split_blocks=req["split"])
            table_touch(df, state["kinds"])
            fd = ipc_into_memfd(pa.Table.from_pandas(df, preserve_index=False))
            print(json.dumps({"path": f"/proc/{os.getpid()}/fd/{fd}"}), flush=True)
            json.loads(sys.stdin.readline())
            os.close(fd)
            continue
        elif op == "pickle-to-df":
            df = receive_pickle(read_fd)
            table_touch(df, state["kinds"])
            reply = {"t1": now(), "checksum": table_checksum(df, state["kinds"])}
        elif op == "pickle-from-df":
            reply = {"t0": now()}
            print(json.dumps(reply), flush=True)
            send_pickle(write_fd, state["result"])
            continue
        elif op == "pickle-round-trip":
            df = receive_pickle(read_fd)
            table_touch(df, state["kinds"])
            send_pickle(write_fd, df)
            continue
        elif op == "csv-to-df":
            df = csv_coerce(pd.read_csv(io.BytesIO(receive_bytes(read_fd))), state["kinds"])
            table_touch(df, state["kinds"])
            reply = {"t1": now(), "checksum": table_checksum(df, state["kinds"])}
        elif op == "csv-from-df":
            print(json.dumps({"t0": now()}), flush=True)
            send_bytes(write_fd, state["result"].to_csv(index=False).encode())
            continue
        elif op == "csv-round-trip":
            df = csv_coerce(pd.read_csv(io.BytesIO(receive_bytes(read_fd))), state["kinds"])
            table_touch(df, state["kinds"])
            send_bytes(write_fd, df.to_csv(index=False).encode())
            continue
        elif op == "quit":
            return
        print(json.dumps(reply), flush=True)


# ---- the measuring process ----

class Peer:
    """The second process, started once and kept warm, as a worker zygote would be."""

    def __init__(self):
        self.p2c_r, self.p2c_w = os.pipe()
        self.c2p_r, self.c2p_w = os.pipe()
        for fd in (self.p2c_w, self.c2p_w):
            try:
                fcntl.fcntl(fd, F_SETPIPE_SZ, PIPE_BYTES)
            except OSError:
                pass
        self.proc = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "--child", str(self.p2c_r), str(self.c2p_w)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, pass_fds=(self.p2c_r, self.c2p_w), text=True)
        os.close(self.p2c_r)
        os.close(self.c2p_w)

    def ask(self, **req):
        self.proc.stdin.write(json.dumps(req) + "\n")
        self.proc.stdin.flush()

    def answer(self):
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the peer process ended unexpectedly")
        return json.loads(line)

    def close(self):
        try:
            self.ask(op="quit")
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


class Runner:
    """One dataset on both sides; each method's runs return (seconds, checksum the receiver saw)."""

    def __init__(self, peer, kinds, rows, permille):
        self.peer, self.kinds = peer, kinds
        self.table = dataset_table(kinds, rows, permille)
        self.df = self.table.to_pandas()
        self.expected = table_checksum(self.df, kinds)
        self.result = fresh_copy(self.df)  # what from-df sends: computed before any clock starts
        peer.ask(op="dataset", kinds=kinds, rows=rows, permille=permille)
        peer.answer()
        self._duck = None

    def check(self, df):
        return table_checksum(df, self.kinds)

    def touch(self, df):
        """The consumer step, inside the timed span."""
        table_touch(df, self.kinds)

    # pyarrow IPC through a memfd between two processes
    def ipc(self, direction, split=False):
        p = self.peer
        if direction == "to-df":
            t0 = now()
            fd = ipc_into_memfd(self.table)
            p.ask(op="ipc-to-df", path=f"/proc/{os.getpid()}/fd/{fd}", split=split)
            a = p.answer()
            os.close(fd)
            return (a["t1"] - t0) / 1e9, a["checksum"]
        if direction == "from-df":
            p.ask(op="ipc-from-df")
            a = p.answer()
            table = ipc_from_path(a["path"])
            t1 = now()
            p.ask(op="done")
            return (t1 - a["t0"]) / 1e9, self.check(table.to_pandas())
        t0 = now()
        fd = ipc_into_memfd(self.table)
        p.ask(op="ipc-round-trip", path=f"/proc/{os.getpid()}/fd/{fd}", split=split)
        a = p.answer()
        table = ipc_from_path(a["path"])
        t1 = now()
        p.ask(op="done")
        os.close(fd)
        return (t1 - t0) / 1e9, self.check(table.to_pandas())

    # pyarrow in-process
    def to_pandas(self, direction, zero_copy=False):
        t0 = now()
        if direction == "to-df":
            df = (self.table.to_pandas(split_blocks=True, zero_copy_only=True) if zero_copy
                  else self.table.to_pandas())
            self.touch(df)
            return (now() - t0) / 1e9, self.check(df)
        if direction == "from-df":
            table = pa.Table.from_pandas(self.result, preserve_index=False)
            return (now() - t0) / 1e9, self.check(table.to_pandas())
        df = self.table.to_pandas()
        self.touch(df)
        table = pa.Table.from_pandas(df, preserve_index=False)
        return (now() - t0) / 1e9, self.check(table.to_pandas())

    # DuckDB
    def duckdb(self, direction):
        import duckdb
        if self._duck is None:
            self._duck = duckdb.connect()
            self._duck.register("src", self.table)
            self._duck.execute("CREATE OR REPLACE TABLE t AS SELECT * FROM src")
            self._duck.unregister("src")
        con = self._duck
        t0 = now()
        if direction == "to-df":
            df = con.execute("SELECT * FROM t").df()
            self.touch(df)
            return (now() - t0) / 1e9, self.check(df)
        if direction == "from-df":
            src = self.result
        else:
            src = con.execute("SELECT * FROM t").df()
            self.touch(src)
        con.register("pdf", src)
        con.execute("CREATE OR REPLACE TABLE x AS SELECT * FROM pdf")
        t1 = now()
        con.unregister("pdf")
        return (t1 - t0) / 1e9, self.check(con.execute("SELECT * FROM x").df())

    # pickle protocol 5, out-of-band buffers, over a pipe
    def pickle5(self, direction):
        p = self.peer
        if direction == "to-df":
            t0 = now()
            p.ask(op="pickle-to-df")
            send_pickle(p.p2c_w, self.df)
            a = p.answer()
            return (a["t1"] - t0) / 1e9, a["checksum"]
        if direction == "from-df":
            p.ask(op="pickle-from-df")
            a = p.answer()
            df = receive_pickle(p.c2p_r)
            return (now() - a["t0"]) / 1e9, self.check(df)
        t0 = now()
        p.ask(op="pickle-round-trip")
        send_pickle(p.p2c_w, self.df)
        df = receive_pickle(p.c2p_r)
        return (now() - t0) / 1e9, self.check(df)

    # CSV text over a pipe
    def csv(self, direction):
        p = self.peer
        if direction == "to-df":
            t0 = now()
            p.ask(op="csv-to-df")
            send_bytes(p.p2c_w, self.df.to_csv(index=False).encode())
            a = p.answer()
            return (a["t1"] - t0) / 1e9, a["checksum"]
        if direction == "from-df":
            p.ask(op="csv-from-df")
            a = p.answer()
            df = csv_coerce(pd.read_csv(io.BytesIO(receive_bytes(p.c2p_r))), self.kinds)
            return (now() - a["t0"]) / 1e9, self.check(df)
        t0 = now()
        p.ask(op="csv-round-trip")
        send_bytes(p.p2c_w, self.df.to_csv(index=False).encode())
        df = csv_coerce(pd.read_csv(io.BytesIO(receive_bytes(p.c2p_r))), self.kinds)
        return (now() - t0) / 1e9, self.check(df)


def emit(obj):
    print(json.dumps(obj), flush=True)


def timed(run, runs, expected, what):
    times = []
    for k in range(runs + 1):  # the first run warms up; every run is checked
        secs, checksum = run()
        if checksum != expected:
            emit({"kind": "checksum-mismatch", **what, "expected": expected, "seen": checksum})
            sys.exit(3)
        if k > 0:
            times.append(secs)
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times), "runs": runs}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", default="1000")
    ap.add_argument("--types", default=",".join(DATASETS))
    ap.add_argument("--nulls", default="0,0.1")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--methods", default=",".join(METHODS))
    ap.add_argument("--csv-max-rows", type=int, default=1_000_000)
    a = ap.parse_args()
    methods = a.methods.split(",")
    peer = Peer()
    try:
        for rows in (int(r) for r in a.rows.split(",")):
            for type_name in a.types.split(","):
                for token in a.nulls.split(","):
                    permille = round(float(token) * 1000)
                    name = type_name if permille == 0 else f"{type_name}+nulls{token}"
                    kinds = DATASETS[type_name]
                    runner = Runner(peer, kinds, rows, permille)
                    emit({"kind": "dataset", "dataset": name, "rows": rows, "kinds": kinds, "checksum": runner.expected})
                    for method in methods:
                        for direction in DIRECTIONS:
                            what = {"method": method, "direction": direction, "dataset": name, "rows": rows}
                            variants = [("default", None)]
                            if method == "pyarrow-to-pandas" and direction == "to-df":
                                variants.append(("zero-copy", True))
                            if method == "pyarrow-ipc-memfd" and direction != "from-df":
                                variants.append(("split-blocks", True))
                            for variant, flag in variants:
                                tag = {**what, "variant": variant}
                                print(f"transfer peers: {name} rows={rows} {method} {variant} {direction}", file=sys.stderr, flush=True)
                                if method == "csv-pipe" and rows > a.csv_max_rows:
                                    emit({"kind": "skipped", **tag, "reason": f"csv beyond {a.csv_max_rows} rows (--csv-max-rows)"})
                                    continue
                                run = {
                                    "pyarrow-ipc-memfd": lambda: runner.ipc(direction, split=bool(flag)),
                                    "pyarrow-to-pandas": lambda: runner.to_pandas(direction, zero_copy=bool(flag)),
                                    "duckdb-df": lambda: runner.duckdb(direction),
                                    "pickle5-oob-pipe": lambda: runner.pickle5(direction),
                                    "csv-pipe": lambda: runner.csv(direction),
                                }[method]
                                try:
                                    stats = timed(run, a.runs, runner.expected, tag)
                                except pa.ArrowInvalid as e:  # zero-copy is impossible for this data
                                    emit({"kind": "skipped", **tag, "reason": str(e).splitlines()[0][:160]})
                                    continue
                                emit({"kind": "measurement", **tag, **stats})
                    del runner
    finally:
        peer.close()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child_main(int(sys.argv[2]), int(sys.argv[3]))
    else:
        main()
