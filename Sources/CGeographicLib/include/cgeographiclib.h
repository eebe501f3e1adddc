// A C API over GeographicLib (Debian libgeographiclib-dev): geodesics on the WGS-84 ellipsoid.
#ifndef CGEOGRAPHICLIB_H
#define CGEOGRAPHICLIB_H

#ifdef __cplusplus
extern "C" {
#endif

/// Length in meters of the shortest geodesic between two points on the WGS-84 ellipsoid (Karney's
/// algorithm, accurate to about 15 nm). Coordinates in degrees, already validated.
double cgeo_wgs84_distance(double lng1, double lat1, double lng2, double lat2);

/// The fraction of a line's length (geodesic edges on the WGS-84 ellipsoid) at its point closest to
/// (lng, lat). `coords` holds `count` positions as longitude, latitude pairs (count >= 2, degrees, validated,
/// adjacent duplicates allowed). Returns a value in [0, 1], or NaN when the line has no length.
double cgeo_wgs84_line_locate(const double *coords, int count, double lng, double lat);

#ifdef __cplusplus
}
#endif

#endif
