// A C API over GeographicLib (Debian libgeographiclib-dev): geodesics on the WGS-84 ellipsoid.
#ifndef CGEOGRAPHICLIB_H
#define CGEOGRAPHICLIB_H

#ifdef __cplusplus
extern "C" {
#endif

/// Length in meters of the shortest geodesic between two points on the WGS-84 ellipsoid (Karney's
/// algorithm, accurate to about 15 nm). Coordinates in degrees, already validated.
double cgeo_wgs84_distance(double lng1, double lat1, double lng2, double lat2);

#ifdef __cplusplus
}
#endif

#endif
