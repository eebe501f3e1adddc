"""Python peers of `sandpiper bench geo`: the same points and questions through the H3 and S2 Python bindings.

The points come from the formulas in Sources/Benchmarks/GeoBenchmark.swift (the one documented definition),
computed here with the same IEEE operations, so the answers must agree with Sandpiper's:
- s2cell: distinct S2 cell tokens at level 11 (s2geometry, Google's S2 through its official SWIG bindings);
- h3cell: distinct H3 cells at resolution 6 (h3, Uber's H3 C library through its official bindings);
- distance: the sum of every point's distance to (0, 0) on S2's sphere (S2LatLng.GetDistance × S2Earth's
  radius, 6,371,010 m);
- point-in-polygon: the points inside the octant (0,0) → (90,0) → (0,90) (S2Polygon.Contains).
The bindings answer one point per call, so each measurement is a Python loop over the points: that is how
these libraries are used from Python (neither offers a vectorised call for these questions). A loop has no
JIT to warm up, so there is no warm-up run. Prints one JSON object per measurement.
"""
import json
import statistics
import sys
import time

import h3
import numpy as np
import s2geometry as s2

EARTH_RADIUS_M = 6_371_010.0  # S2Earth::RadiusMeters, the radius ADX's geo_distance_2points uses


def points(rows: int):
    n = np.arange(rows, dtype=np.float64)
    x = n * 0.6180339887498948
    y = n * 0.3247179572447460
    lon = -180.0 + 360.0 * (x - np.floor(x))
    lat = -89.0 + 178.0 * (y - np.floor(y))
    return lon.tolist(), lat.tolist()


def s2cell(lon, lat):
    return float(len({s2.S2CellId(s2.S2LatLng.FromDegrees(b, a)).parent(11).ToToken() for a, b in zip(lon, lat)}))


def h3cell(lon, lat):
    return float(len({h3.latlng_to_cell(b, a, 6) for a, b in zip(lon, lat)}))


def distance(lon, lat):
    origin = s2.S2LatLng.FromDegrees(0.0, 0.0)
    total = 0.0
    for a, b in zip(lon, lat):
        total += s2.S2LatLng.FromDegrees(b, a).GetDistance(origin).radians() * EARTH_RADIUS_M
    return total


def octant():
    loop = s2.S2Loop([s2.S2LatLng.FromDegrees(la, lo).ToPoint() for lo, la in ((0, 0), (90, 0), (0, 90))])
    loop.Normalize()  # the smaller of the two regions, as Sandpiper's (and ADX's) polygons are
    return s2.S2Polygon(loop)


def point_in_polygon(lon, lat):
    polygon = octant()
    return float(sum(1 for a, b in zip(lon, lat) if polygon.Contains(s2.S2LatLng.FromDegrees(b, a).ToPoint())))


MEASUREMENTS = (
    ("s2cell", "s2geometry", s2cell),
    ("h3cell", "h3-py", h3cell),
    ("distance", "s2geometry", distance),
    ("point-in-polygon", "s2geometry", point_in_polygon),
)


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    wanted = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else None
    lon, lat = points(rows)
    for name, method, fn in MEASUREMENTS:
        if wanted is not None and name not in wanted:
            continue
        print(f"bench geo: {method} {name}", file=sys.stderr, flush=True)
        times, answer = [], None
        for _ in range(runs):
            t0 = time.perf_counter()
            answer = fn(lon, lat)
            times.append(time.perf_counter() - t0)
        print(json.dumps({
            "method": method, "benchmark": name, "rows": rows, "threads": 1,
            "median_s": statistics.median(times), "min_s": min(times), "max_s": max(times), "runs": runs,
            "checksum": [answer],
        }), flush=True)


if __name__ == "__main__":
    main()
