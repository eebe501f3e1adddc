"""Writes bench/RESULTS.md from the JSON lines of `sandpiper bench engine`, `bench transfer` and `bench series` (see bench/run-all)."""
import argparse
import datetime
import json
import os
import platform
import sys

import duckdb
import numpy
import pandas
import pyarrow


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def dur(s):
    if s is None:
        return "-"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.1f} ms"
    if s >= 1e-6:
        return f"{s * 1e6:.0f} µs"
    return f"{s * 1e9:.0f} ns"


def rate(x):
    for div, suffix in ((1e9, " G"), (1e6, " M"), (1e3, " k")):
        if x >= div:
            return f"{x / div:.1f}{suffix}"
    return f"{x:.0f}"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def label(m):
    return m["method"] if m.get("variant", "default") == "default" else f'{m["method"]} ({m["variant"]})'


def transfer_rows(ms):
    order = ["sandpiper", "pyarrow-ipc-memfd", "pyarrow-to-pandas", "duckdb-df", "pickle5-oob-pipe", "csv-pipe", "memcpy"]
    dirs = ["to-df", "from-df", "round-trip", "call"]
    ms = sorted(ms, key=lambda m: (m["rows"], m["dataset"], dirs.index(m["direction"]), order.index(m["method"]), m.get("variant", "")))
    rows = []
    for m in ms:
        if m.get("median_s") is None:
            rows.append([m["dataset"], m["rows"], m["direction"], label(m), "skipped", "", "", "", "", "", ""])
            continue
        r2s, r2m = m.get("ratio_to_sandpiper"), m.get("ratio_to_memcpy")
        rows.append([m["dataset"], m["rows"], m["direction"], label(m), dur(m["median_s"]), dur(m["min_s"]), dur(m["max_s"]),
                     rate(m["rows"] / m["median_s"]), f'{m["bytes"] / m["median_s"] / 1e9:.2f}',
                     "-" if r2s is None else f"{r2s:.2f}", "-" if r2m is None else f"{r2m:.2f}"])
    return table(["dataset", "rows", "direction", "method", "median", "min", "max", "rows/s", "GB/s", "time / sandpiper", "time / memcpy"], rows)


def find(ms, method, direction, dataset, rows, variant=None):
    for m in ms:
        if (m["method"], m["direction"], m["dataset"], m["rows"]) == (method, direction, dataset, rows) \
                and (variant is None or m.get("variant") == variant) and m.get("median_s") is not None:
            return m
    return None


def targets(sweep, types):
    rows = []
    big = max((m["rows"] for m in sweep), default=0)
    ours = find(sweep, "sandpiper", "to-df", "numeric4", big, "default")
    copy = find(sweep, "memcpy", "to-df", "numeric4", big, "copy")
    pa_ = find(sweep, "pyarrow-to-pandas", "to-df", "numeric4", big, "default")
    if ours and copy:
        share = ours["median_s"] / copy["median_s"]
        rows.append([f"table → df, {big:,} rows × 4 numeric: under 10% of one memcpy", f"{dur(ours['median_s'])} = {share:.1%} of memcpy ({dur(copy['median_s'])})", "met" if share < 0.10 else "not met"])
    if ours and pa_:
        rows.append([f"table → df, {big:,} × 4 numeric: faster than pyarrow `to_pandas()`", f"{dur(ours['median_s'])} vs {dur(pa_['median_s'])}", "met" if ours["median_s"] < pa_["median_s"] else "not met"])
    s = find(sweep, "sandpiper", "to-df", "string-high", big, "default")
    if s:
        per = s["rows"] / s["median_s"]
        rows.append([f"{big:,} short strings → object column: ≥ 25 M strings/s", f"{per / 1e6:.1f} M strings/s", "met" if per >= 25e6 else "not met"])
    for variant, what in [("by-reference", "`result = df` (by reference)"), ("default", "computed `result`")]:
        rt = find(sweep, "sandpiper", "round-trip", "numeric4", big, variant)
        if rt and copy:
            bw = copy["median_s"] / rt["median_s"]
            rows.append([f"{what} round trip, {big:,} × 4 numeric: ≥ 0.7× memcpy bandwidth", f"{dur(rt['median_s'])} = {bw:.2f}× memcpy bandwidth", "met" if bw >= 0.7 else "not met"])
    for variant, label in [("warm-spaced", "calls 100 ms apart: the spare child is ready"),
                           ("warm-back-to-back", "calls back to back: each also waits for the spare the previous one started")]:
        call = next((m for m in sweep + types if m["method"] == "sandpiper" and m["direction"] == "call" and m.get("variant") == variant), None)
        if call:
            rows.append([f"`python()` on 1 row, warm worker, {label}: < 15 ms median", dur(call["median_s"]), "met" if call["median_s"] < 0.015 else "not met"])
    cold = next((m for m in sweep + types if m["method"] == "sandpiper" and m["direction"] == "call" and m.get("variant") == "cold"), None)
    if cold:
        rows.append(["`python()` on 1 row, cold worker (no target)", dur(cold["median_s"]), "-"])
    return table(["target (issue 3)", "measured", ""], rows)


def statsmodels_version():
    try:
        import statsmodels
        return statsmodels.__version__
    except ImportError:
        return "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine")
    ap.add_argument("--sweep")
    ap.add_argument("--types")
    ap.add_argument("--series")
    ap.add_argument("--swift", default="")
    ap.add_argument("--command", default="bench/run-all")
    ap.add_argument("--note", default="", help="what was measured (branch, commit) when it is not plain main")
    a = ap.parse_args()
    engine = load(a.engine) if a.engine else []
    sweep = load(a.sweep) if a.sweep else []
    types = load(a.types) if a.types else []
    series = load(a.series) if a.series else []
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    p = []
    p.append("# Sandpiper benchmark results\n")
    p.append(f"Generated by `{a.command}` on {now}. Do not edit by hand: run the command again.\n")
    p.append("Every figure is the median of the timed runs after one warm-up run (min and max beside it), and every run "
             "checked a checksum of what the receiving side saw. **The machine is shared with other jobs and noisy**: "
             "read ratios, not absolute times, and distrust differences under ~20%.\n")
    if a.note:
        p.append(f"Note: {a.note}\n")
    p.append("## Machine and versions\n")
    p.append(table(["", ""], [
        ["CPU", cpu_model()], ["cores", os.cpu_count()], ["kernel", platform.release()],
        ["Swift", a.swift.replace("|", "/")], ["Python (peers)", platform.python_version()],
        ["numpy", numpy.__version__], ["pandas", pandas.__version__], ["pyarrow", pyarrow.__version__], ["duckdb", duckdb.__version__],
        ["statsmodels", statsmodels_version()],
        ["sandpiper worker", "Debian libpython3.11 with bench/.venv's numpy and pandas"],
    ]) + "\n")
    if engine:
        p.append("## Engine: sandpiper against DuckDB\n")
        p.append("`sandpiper bench engine`, data from `Sources/Benchmarks/BenchEngineData.swift` (DuckDB builds the same tables "
                 "in SQL). Sandpiper runs three ways: `sandpiper-serial` (whole-table operators on one thread, as before "
                 "morsels), `sandpiper` over morsels on one thread and on every core (the buffer cache's background huge-page "
                 "collapsing switched off for all three); DuckDB with one thread and with its default. Every engine's one-row "
                 "answer agreed with DuckDB's. `sandpiper / this` is sandpiper on every core against the row.\n")
        rows = []
        order = []
        for m in engine:
            if m["benchmark"] not in order:
                order.append(m["benchmark"])
        for name in order:
            ms = [m for m in engine if m["benchmark"] == name]
            ours = [x for x in ms if x["method"] != "duckdb"][-1]
            for m in ms:
                rows.append([name, f'{m["rows"]:,}', m["method"], m["threads"], dur(m["median_s"]), dur(m["min_s"]), dur(m["max_s"]),
                             f'{ours["median_s"] / m["median_s"]:.2f}×'])
        p.append(table(["benchmark", "rows", "engine", "threads", "median", "min", "max", "sandpiper / this"], rows) + "\n")
        p.append("What each benchmark times and runs:\n")
        for name in order:
            ours = next(x for x in engine if x["benchmark"] == name and x["method"] != "duckdb")
            peer = next((x for x in engine if x["benchmark"] == name and x["method"] == "duckdb"), {})
            p.append(f'- `{name}`: {ours.get("timed", "")}. KQL: `{ours.get("query", "")}`; SQL: `{peer.get("sql", peer.get("query", ""))}`')
        p.append("")
    if series:
        p.append("## Time series: sandpiper against pandas and statsmodels\n")
        p.append("`sandpiper bench series`: `make-series` of hourly series from raw rows, then `series_decompose_anomalies(v, 1.5, 24, "
                 "'avg', 0, 'ctukey')` and the flags counted; the same analysis in pandas/numpy (ADX's documented algorithm: "
                 "per-phase medians, average trend, 10th/90th-percentile Tukey fences) and with statsmodels' `seasonal_decompose` "
                 "per series (moving-average trend) and the same fences. Data from `Sources/Benchmarks/BenchSeriesData.swift`; "
                 "every method counted exactly the planted spikes. `CPU` is the median CPU time of a run (user + system).\n")
        rows = []
        for m in series:
            ours = next(x for x in series if x["method"] == "sandpiper")
            rows.append([f'{m["series"]:,}', m["points"], m["method"], dur(m["median_s"]), dur(m["min_s"]), dur(m["max_s"]),
                         rate(m["series"] / m["median_s"]), dur(m["cpu_median_s"]), f'{int(m["checksum"][0])} up, {int(m["checksum"][1])} down',
                         f'{ours["median_s"] / m["median_s"]:.2f}×'])
        p.append(table(["series", "points", "method", "median", "min", "max", "series/s", "CPU", "anomalies", "sandpiper time / this"], rows) + "\n")
    if sweep:
        p.append("## python() transfer: targets\n")
        p.append(targets(sweep, types) + "\n")
        p.append("## python() transfer: sweep over rows\n")
        p.append("`sandpiper bench transfer`; `time / sandpiper` above 1 means sandpiper is faster (taken against sandpiper's "
                 "default row), `time / memcpy` is how many copies of the same bytes the transfer takes. Every `to-df` span, "
                 "sandpiper's and each peer's, ends after the receiver's consumer step (`table_touch` in "
                 "`bench/peers/transfer_checksum.py`: every value read once, a per-column sum); the checksum that checks the run "
                 "is taken after the clock stops. Sandpiper's `to-df` runs from the engine table to the script's first line "
                 "(the header and small buffers written into a pooled memfd, large column buffers passed by reference as their own "
                 "memfds, the request handed to the spare child — or the fork of the warm worker when none is ready — the "
                 "private mappings and `df` over them) plus the consumer step; `from-df` from the script's last line to engine "
                 "columns, with a `result` the script computed (`fresh_copy`: new buffers and objects, as every peer converts); "
                 "the `sandpiper (by-reference)` rows time `result = df`, whose unmodified columns come back as the engine's own "
                 "buffers with nothing copied; `round-trip` is both. Sandpiper's calls run back to back (each may wait for the "
                 "spare child the previous call started); `call` rows say back to back or spaced. "
                 "`pyarrow-ipc-memfd (split-blocks)` maps the IPC memfd and converts with `to_pandas(split_blocks=True)` "
                 "(zero-copy where the type allows). Plot: [transfer.svg](transfer.svg).\n")
        p.append(transfer_rows(sweep) + "\n")
    if types:
        p.append("## python() transfer: every type\n")
        p.append(transfer_rows(types) + "\n")
    sys.stdout.write("\n".join(p))


if __name__ == "__main__":
    main()
