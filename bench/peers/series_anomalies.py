"""pandas and statsmodels side of `sandpiper bench series`: the same data and analysis, timed in-process.

The data is generated from the formulas of Sources/Benchmarks/BenchSeriesData.swift (the one documented
definition): hourly series with a daily pattern, SplitMix64 noise and planted ±10 spikes, one row per series
and hour in time order. Each method starts from that long DataFrame, lays it out on the hourly axis (the mean
per series and hour, 0 where an hour has no row: make-series with default=0), decomposes every series with a
24-bin period and the average as trend, scores the residual with ctukey (10th/90th percentiles, numpy's
linear interpolation) and counts the scores beyond ±1.5.

- `pandas`: ADX's documented series_decompose in vectorised numpy: seasonal = the median of the points in
  the same phase, trend = the average of the deseasonal series, residual = x - seasonal - trend.
- `statsmodels`: what a pandas user writes: statsmodels' seasonal_decompose per series (additive, period 24,
  centred moving-average trend extrapolated at the ends, per-phase means), with the same scoring.

Prints one JSON object per method, with the median CPU time (user + system) beside the wall times: on a
shared machine it is the steadier figure. The checksum is [up anomalies, down anomalies, series].
"""
import json
import statistics
import sys
import time

import numpy as np
import pandas as pd

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
START = np.datetime64("2026-01-01T00:00:00", "ns")
HOUR = np.timedelta64(3600 * 10**9, "ns")
PERIOD = 24
THRESHOLD = 1.5


def uniform(seed, i):
    """SplitMix64's outputs i (an array of uint64) for seed, scaled to [0, 1)."""
    z = np.uint64(seed) + (i + np.uint64(1)) * GOLDEN
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    return (z >> np.uint64(11)).astype(np.float64) * 2.0**-53


def samples(series, points, seed):
    t = np.arange(points, dtype=np.int64)[:, None]
    s = np.arange(series, dtype=np.int64)[None, :]
    k = (s * points + t).astype(np.uint64)
    phase = ((t % 24) - 12) ** 2 / 16.0
    draw = uniform(seed, np.uint64(2) * k + np.uint64(1))
    inside = (t >= 24) & (t < points - 24)
    spike = np.where(inside & (draw < 0.001), 1, np.where(inside & (draw < 0.002), -1, 0))
    value = (10 + s % 7).astype(np.float64) + phase + 2 * uniform(seed, np.uint64(2) * k) + 10.0 * spike
    frame = pd.DataFrame({
        "sid": np.broadcast_to(s, (points, series)).ravel(),
        "ts": np.broadcast_to(START + t * HOUR, (points, series)).ravel(),
        "value": value.ravel(),
    })
    return frame, int((spike > 0).sum()), int((spike < 0).sum())


def make_series(frame, points):
    """The mean per series and hour on the axis start + 0..points-1 hours, 0 where empty (series × points)."""
    bins = (frame["ts"] - START) // pd.Timedelta(hours=1)
    grid = frame.groupby([frame["sid"], bins])["value"].mean().unstack(fill_value=0.0)
    return grid.reindex(columns=range(points), fill_value=0.0).to_numpy()


def count(residual):
    """Up and down anomalies: ctukey scores of each row's residual beyond the threshold."""
    lo, hi = np.percentile(residual, [10, 90], axis=-1, keepdims=True)
    width = hi - lo
    score = np.where(residual > hi, (residual - hi) / width, np.where(residual < lo, (residual - lo) / width, 0.0))
    return int((score > THRESHOLD).sum()), int((score < -THRESHOLD).sum())


def adx_pandas(frame, points):
    x = make_series(frame, points)
    n, m = x.shape
    cycles = -(-m // PERIOD)
    padded = np.full((n, cycles * PERIOD), np.nan)
    padded[:, :m] = x
    medians = np.nanmedian(padded.reshape(n, cycles, PERIOD), axis=1)
    seasonal = np.tile(medians, (1, cycles))[:, :m]
    deseasonal = x - seasonal
    residual = deseasonal - deseasonal.mean(axis=1, keepdims=True)
    up, down = count(residual)
    return [up, down, n]


def statsmodels_decompose(frame, points):
    from statsmodels.tsa.seasonal import seasonal_decompose

    x = make_series(frame, points)
    up = down = 0
    for row in x:
        residual = seasonal_decompose(row, model="additive", period=PERIOD, extrapolate_trend="freq").resid
        u, d = count(residual)
        up += u
        down += d
    return [up, down, len(x)]


def main():
    series = int(sys.argv[1])
    points = int(sys.argv[2])
    runs = int(sys.argv[3])
    seed = int(sys.argv[4])
    peers = sys.argv[5].split(",") if len(sys.argv) > 5 else ["pandas", "statsmodels"]
    frame, planted_up, planted_down = samples(series, points, seed)
    methods = {"pandas": adx_pandas, "statsmodels": statsmodels_decompose}
    for name in peers:
        analyse = methods[name]
        answer = analyse(frame, points)  # warm-up
        times, cpu = [], []
        for _ in range(runs):
            t0, c0 = time.perf_counter(), time.process_time()
            answer = analyse(frame, points)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        print(json.dumps({
            "method": name, "series": series, "points": points, "median_s": statistics.median(times),
            "min_s": min(times), "max_s": max(times), "cpu_median_s": statistics.median(cpu), "runs": runs,
            "checksum": [float(v) for v in answer], "planted": [planted_up, planted_down],
        }), flush=True)


if __name__ == "__main__":
    main()
