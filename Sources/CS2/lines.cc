// S2 polylines: construction, length, centroid, distance, interpolation.
#include <s2/s2closest_edge_query.h>
#include <s2/s2debug.h>

#include "internal.h"

extern "C" cs2_lines *cs2_lines_create(const double *coords, const int32_t *line_sizes, int32_t line_count) {
    auto result = std::make_unique<cs2_lines>();
    size_t offset = 0;
    for (int32_t l = 0; l < line_count; ++l) {
        std::vector<S2Point> points;
        for (int32_t i = 0; i < line_sizes[l]; ++i, ++offset) {
            points.push_back(cs2::ToPoint(coords[2 * offset], coords[2 * offset + 1]));
        }
        auto line = std::make_unique<S2Polyline>(points, S2Debug::DISABLE);
        if (!line->IsValid()) return nullptr;
        result->index.Add(std::make_unique<S2Polyline::Shape>(line.get()));
        result->lines.push_back(std::move(line));
    }
    return result.release();
}

extern "C" void cs2_lines_free(cs2_lines *lines) { delete lines; }

extern "C" double cs2_lines_length(const cs2_lines *lines) {
    double radians = 0;
    for (const auto &line : lines->lines) radians += line->GetLength().radians();
    return radians * CS2_EARTH_RADIUS_METERS;
}

extern "C" int32_t cs2_lines_centroid(const cs2_lines *lines, double *lng, double *lat) {
    S2Point sum;
    for (const auto &line : lines->lines) sum += line->GetCentroid();
    if (sum.Norm2() == 0) return 0;
    cs2::FromPoint(sum.Normalize(), lng, lat);
    return 1;
}

extern "C" double cs2_lines_distance(const cs2_lines *lines, double lng, double lat) {
    S2ClosestEdgeQuery query(&lines->index);
    S2ClosestEdgeQuery::PointTarget target(cs2::ToPoint(lng, lat));
    return cs2::AngleToMeters(query.GetDistance(&target).ToAngle());
}

extern "C" void cs2_lines_closest_point(const cs2_lines *lines, double lng, double lat, double *out_lng,
                                        double *out_lat) {
    S2Point point = cs2::ToPoint(lng, lat);
    S2ClosestEdgeQuery query(&lines->index);
    S2ClosestEdgeQuery::PointTarget target(point);
    auto result = query.FindClosestEdge(&target);
    if (result.is_empty()) {
        *out_lng = lng;
        *out_lat = lat;
        return;
    }
    cs2::FromPoint(query.Project(point, result), out_lng, out_lat);
}

extern "C" void cs2_line_interpolate(const cs2_lines *lines, double fraction, double *lng, double *lat) {
    cs2::FromPoint(lines->lines[0]->Interpolate(fraction), lng, lat);
}

extern "C" double cs2_line_locate(const cs2_lines *lines, double lng, double lat) {
    const S2Polyline &line = *lines->lines[0];
    int next = 0;
    S2Point projected = line.Project(cs2::ToPoint(lng, lat), &next);
    return line.UnInterpolate(projected, next);
}
