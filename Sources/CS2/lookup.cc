// Indexes over many polygons or line sets: which shapes contain, or lie within a radius of, a point.
#include <algorithm>

#include <s2/s2closest_edge_query.h>
#include <s2/s2contains_point_query.h>

#include "internal.h"

struct cs2_lookup {
    MutableS2ShapeIndex index;
    bool polygons = false;
    std::vector<int32_t> owners;  // shape id → the caller's polygon or line-set number
};

extern "C" cs2_lookup *cs2_lookup_polygons(const cs2_polygon *const *polygons, int32_t count) {
    auto *lookup = new cs2_lookup;
    lookup->polygons = true;
    for (int32_t i = 0; i < count; ++i) {
        lookup->index.Add(std::make_unique<S2Polygon::Shape>(&polygons[i]->polygon));
        lookup->owners.push_back(i);
    }
    return lookup;
}

extern "C" cs2_lookup *cs2_lookup_lines(const cs2_lines *const *lines, int32_t count) {
    // Every polyline is its own shape; its id maps back to the set it came from.
    auto *lookup = new cs2_lookup;
    for (int32_t i = 0; i < count; ++i) {
        for (const auto &line : lines[i]->lines) {
            lookup->index.Add(std::make_unique<S2Polyline::Shape>(line.get()));
            lookup->owners.push_back(i);
        }
    }
    return lookup;
}

extern "C" void cs2_lookup_free(cs2_lookup *lookup) { delete lookup; }

extern "C" int32_t cs2_lookup_query(const cs2_lookup *lookup, double lng, double lat, double radius_m,
                                    int32_t *out, int32_t cap) {
    S2Point point = cs2::ToPoint(lng, lat);
    std::vector<int32_t> ids;
    if (radius_m < 0) {
        auto query = MakeS2ContainsPointQuery(&lookup->index);
        query.VisitContainingShapes(point, [&](S2Shape *shape) {
            ids.push_back(lookup->owners[shape->id()]);
            return true;
        });
    } else {
        S2ClosestEdgeQuery query(&lookup->index);
        query.mutable_options()->set_include_interiors(lookup->polygons);
        query.mutable_options()->set_inclusive_max_distance(S1ChordAngle(cs2::MetersToAngle(radius_m)));
        S2ClosestEdgeQuery::PointTarget target(point);
        for (const auto &result : query.FindClosestEdges(&target)) ids.push_back(lookup->owners[result.shape_id()]);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    int32_t n = 0;
    for (int32_t id : ids) {
        if (n < cap) out[n] = id;
        ++n;
    }
    return n;
}
