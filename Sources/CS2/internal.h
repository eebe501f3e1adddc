// Shared helpers of the S2 shim: conversions, the handle types and the output builder.
#ifndef CS2_INTERNAL_H
#define CS2_INTERNAL_H

#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include <s2/mutable_s2shape_index.h>
#include <s2/s1angle.h>
#include <s2/s1chord_angle.h>
#include <s2/s2latlng.h>
#include <s2/s2point.h>
#include <s2/s2polygon.h>
#include <s2/s2polyline.h>

#include "cs2.h"

namespace cs2 {

inline S2Point ToPoint(double lng, double lat) { return S2LatLng::FromDegrees(lat, lng).ToPoint(); }

inline void FromPoint(const S2Point &p, double *lng, double *lat) {
    S2LatLng ll(p);
    *lng = ll.lng().degrees();
    *lat = ll.lat().degrees();
}

inline S1Angle MetersToAngle(double meters) { return S1Angle::Radians(meters / CS2_EARTH_RADIUS_METERS); }
inline double AngleToMeters(S1Angle angle) { return angle.radians() * CS2_EARTH_RADIUS_METERS; }

/// Collects parts and hands them over as one malloc'ed cs2_geometry.
class GeometryBuilder {
  public:
    void Add(int32_t kind, const S2Point *points, size_t count);
    void AddPoints(const std::vector<S2Point> &points);
    void AddPolyline(const S2Polyline &line);
    void AddPolygon(const S2Polygon &polygon);
    bool empty() const { return kinds_.empty(); }
    cs2_geometry *Finish();

  private:
    std::vector<int32_t> kinds_, sizes_;
    std::vector<double> coords_;
};

}  // namespace cs2

struct cs2_polygon {
    S2Polygon polygon;
};

struct cs2_lines {
    std::vector<std::unique_ptr<S2Polyline>> lines;
    MutableS2ShapeIndex index;
};

#endif
