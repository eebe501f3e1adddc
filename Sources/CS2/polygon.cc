// S2 polygons: construction from rings, containment, distance, measures.
#include <s2/s2closest_edge_query.h>
#include <s2/s2debug.h>
#include <s2/s2loop.h>
#include <s2/s2loop_measures.h>

#include "internal.h"

extern "C" cs2_polygon *cs2_polygon_create(const double *coords, const int32_t *ring_sizes,
                                           const int32_t *rings_per_polygon, int32_t polygon_count) {
    std::vector<std::unique_ptr<S2Polygon>> polygons;
    size_t offset = 0, ring = 0;
    for (int32_t p = 0; p < polygon_count; ++p) {
        std::vector<std::unique_ptr<S2Loop>> loops;
        for (int32_t r = 0; r < rings_per_polygon[p]; ++r, ++ring) {
            std::vector<S2Point> points;
            for (int32_t i = 0; i < ring_sizes[ring]; ++i, ++offset) {
                points.push_back(cs2::ToPoint(coords[2 * offset], coords[2 * offset + 1]));
            }
            auto loop = std::make_unique<S2Loop>(points, S2Debug::DISABLE);
            if (!loop->IsValid()) return nullptr;
            loop->Normalize();  // a ring bounds the smaller of its two regions
            loops.push_back(std::move(loop));
        }
        auto polygon = std::make_unique<S2Polygon>();
        polygon->set_s2debug_override(S2Debug::DISABLE);
        polygon->InitNested(std::move(loops));
        if (!polygon->IsValid()) return nullptr;
        polygons.push_back(std::move(polygon));
    }
    auto *result = new cs2_polygon;
    result->polygon.set_s2debug_override(S2Debug::DISABLE);
    if (polygons.size() == 1) {
        result->polygon.Copy(*polygons[0]);
    } else if (!polygons.empty()) {
        std::unique_ptr<S2Polygon> merged = S2Polygon::DestructiveUnion(std::move(polygons));
        result->polygon.Copy(*merged);
    }
    return result;
}

extern "C" void cs2_polygon_free(cs2_polygon *polygon) { delete polygon; }

extern "C" int32_t cs2_polygon_contains(const cs2_polygon *polygon, double lng, double lat) {
    return polygon->polygon.Contains(cs2::ToPoint(lng, lat)) ? 1 : 0;
}

extern "C" double cs2_polygon_distance(const cs2_polygon *polygon, double lng, double lat) {
    S2ClosestEdgeQuery query(&polygon->polygon.index());
    query.mutable_options()->set_include_interiors(true);
    S2ClosestEdgeQuery::PointTarget target(cs2::ToPoint(lng, lat));
    return cs2::AngleToMeters(query.GetDistance(&target).ToAngle());
}

extern "C" void cs2_polygon_closest_point(const cs2_polygon *polygon, double lng, double lat,
                                          double *out_lng, double *out_lat) {
    S2Point point = cs2::ToPoint(lng, lat);
    if (polygon->polygon.Contains(point)) {
        *out_lng = lng;
        *out_lat = lat;
        return;
    }
    S2ClosestEdgeQuery query(&polygon->polygon.index());
    S2ClosestEdgeQuery::PointTarget target(point);
    auto result = query.FindClosestEdge(&target);
    if (result.is_empty()) {
        *out_lng = lng;
        *out_lat = lat;
        return;
    }
    cs2::FromPoint(query.Project(point, result), out_lng, out_lat);
}

extern "C" double cs2_polygon_area(const cs2_polygon *polygon) {
    return polygon->polygon.GetArea() * CS2_EARTH_RADIUS_METERS * CS2_EARTH_RADIUS_METERS;
}

extern "C" double cs2_polygon_perimeter(const cs2_polygon *polygon) {
    double radians = 0;
    for (int k = 0; k < polygon->polygon.num_loops(); ++k) {
        radians += S2::GetPerimeter(polygon->polygon.loop(k)->vertices_span()).radians();
    }
    return radians * CS2_EARTH_RADIUS_METERS;
}

extern "C" int32_t cs2_polygon_centroid(const cs2_polygon *polygon, double *lng, double *lat) {
    S2Point centroid = polygon->polygon.GetCentroid();
    if (centroid.Norm2() == 0) return 0;
    cs2::FromPoint(centroid.Normalize(), lng, lat);
    return 1;
}

extern "C" cs2_geometry *cs2_polygon_geometry(const cs2_polygon *polygon) {
    cs2::GeometryBuilder builder;
    builder.AddPolygon(polygon->polygon);
    return builder.Finish();
}
