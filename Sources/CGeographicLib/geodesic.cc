// WGS-84 geodesic distance through GeographicLib; the ellipsoid object is built once.
#include <GeographicLib/Geodesic.hpp>

#include "cgeographiclib.h"

extern "C" double cgeo_wgs84_distance(double lng1, double lat1, double lng2, double lat2) {
    const GeographicLib::Geodesic &geodesic = GeographicLib::Geodesic::WGS84();
    double s12 = 0;
    geodesic.Inverse(lat1, lng1, lat2, lng2, s12);
    return s12;
}
