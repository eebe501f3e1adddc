// WGS-84 geodesic distance through GeographicLib; the ellipsoid object is built once.
#include <GeographicLib/Geodesic.hpp>

#include "cgeographiclib.h"

extern "C" double cgeo_wgs84_distance(double lng1, double lat1, double lng2, double lat2) {
    const GeographicLib::Geodesic &geodesic = GeographicLib::Geodesic::WGS84();
    double s12 = 0;
    geodesic.Inverse(lat1, lng1, lat2, lng2, s12);
    return s12;
}

#include <GeographicLib/GeodesicLine.hpp>
#include <GeographicLib/Gnomonic.hpp>

#include <cmath>

namespace {

// The distance from the start of the geodesic edge a -> b (length s12, azimuth at a azi1) to its point closest
// to p, and that point's distance to p. Karney's interception method ("Algorithms for geodesics", 2013,
// section 8): in the ellipsoidal gnomonic projection centred on a point of the edge, geodesics through the
// centre are straight, so the foot of the perpendicular from p to the projected edge is the next centre; the
// iteration converges in a few steps. Where the projection fails (p over 90 degrees away), the nearer end is
// the answer.
void closestOnEdge(const GeographicLib::Geodesic &geodesic, double lat1, double lng1, double lat2, double lng2,
                   double lat, double lng, double &along, double &distance) {
    double s12 = 0, azi1 = 0, azi2 = 0;
    geodesic.Inverse(lat1, lng1, lat2, lng2, s12, azi1, azi2);
    const GeographicLib::GeodesicLine line = geodesic.Line(lat1, lng1, azi1);
    const GeographicLib::Gnomonic gnomonic(geodesic);
    double s = s12 / 2;
    for (int i = 0; i < 20; i++) {
        double lat0 = 0, lng0 = 0;
        line.Position(s, lat0, lng0);
        double xa = 0, ya = 0, xb = 0, yb = 0, xp = 0, yp = 0, azi = 0, rk = 0;
        gnomonic.Forward(lat0, lng0, lat1, lng1, xa, ya, azi, rk);
        gnomonic.Forward(lat0, lng0, lat2, lng2, xb, yb, azi, rk);
        gnomonic.Forward(lat0, lng0, lat, lng, xp, yp, azi, rk);
        if (std::isnan(xa) || std::isnan(xb) || std::isnan(xp)) break;
        const double dx = xb - xa, dy = yb - ya, len2 = dx * dx + dy * dy;
        if (!(len2 > 0)) break;
        // The foot's offset from the centre (the origin) along the edge, in projected meters: the
        // projection keeps distances from the centre along geodesics through it.
        const double t = ((xp - xa) * dx + (yp - ya) * dy) / len2;
        const double footX = xa + t * dx, footY = ya + t * dy;
        double latF = 0, lngF = 0;
        gnomonic.Reverse(lat0, lng0, footX, footY, latF, lngF, azi, rk);
        if (std::isnan(latF)) break;
        double sF = 0, aziF = 0, aziEnd = 0;
        geodesic.Inverse(lat1, lng1, latF, lngF, sF, aziF, aziEnd);
        // Signed: a foot in the direction opposite to the edge's lies before its start.
        if (sF > 0 && std::fabs(std::remainder(aziF - azi1, 360.0)) > 90) sF = -sF;
        const double next = std::fmin(std::fmax(sF, 0.0), s12);
        const bool settled = std::fabs(next - s) < 1e-9;
        s = next;
        if (settled) break;
    }
    // The iteration's point, or an end if one is closer (a clamped foot, or a failed projection).
    double best = s, bestDistance = 0;
    {
        double latS = 0, lngS = 0;
        line.Position(s, latS, lngS);
        geodesic.Inverse(latS, lngS, lat, lng, bestDistance);
    }
    double d1 = 0, d2 = 0;
    geodesic.Inverse(lat1, lng1, lat, lng, d1);
    geodesic.Inverse(lat2, lng2, lat, lng, d2);
    if (d1 < bestDistance) { best = 0; bestDistance = d1; }
    if (d2 < bestDistance) { best = s12; bestDistance = d2; }
    along = best;
    distance = bestDistance;
}

}  // namespace

extern "C" double cgeo_wgs84_line_locate(const double *coords, int count, double lng, double lat) {
    const GeographicLib::Geodesic &geodesic = GeographicLib::Geodesic::WGS84();
    double total = 0, bestAt = 0, bestDistance = INFINITY;
    for (int i = 0; i + 1 < count; i++) {
        const double lng1 = coords[2 * i], lat1 = coords[2 * i + 1];
        const double lng2 = coords[2 * i + 2], lat2 = coords[2 * i + 3];
        double s12 = 0;
        geodesic.Inverse(lat1, lng1, lat2, lng2, s12);
        if (!(s12 > 0)) continue;
        double along = 0, distance = 0;
        closestOnEdge(geodesic, lat1, lng1, lat2, lng2, lat, lng, along, distance);
        // The first of equally close points, as the reference allows any.
        if (distance < bestDistance) { bestDistance = distance; bestAt = total + along; }
        total += s12;
    }
    if (!(total > 0)) return NAN;
    return std::fmin(std::fmax(bestAt / total, 0.0), 1.0);
}
