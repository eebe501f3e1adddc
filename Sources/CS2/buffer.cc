// Buffers (S2BufferOperation), coverings (S2RegionCoverer) and planar-edge tessellation.
#include <s2/s2buffer_operation.h>
#include <s2/s2builderutil_s2polygon_layer.h>
#include <s2/s2cell_union.h>
#include <s2/s2edge_tessellator.h>
#include <s2/s2error.h>
#include <s2/s2loop_measures.h>
#include <s2/s2metrics.h>
#include <s2/s2projections.h>
#include <s2/s2region_coverer.h>
#include <s2/s2shape_index_buffered_region.h>
#include <s2/s2shape_index_region.h>

#include <cmath>
#include <functional>

#include "internal.h"

namespace {

cs2_geometry *Buffer(double radius_m, double error_fraction,
                     const std::function<void(S2BufferOperation &)> &add) {
    S2Polygon output;
    output.set_s2debug_override(S2Debug::DISABLE);
    S2BufferOperation::Options options(cs2::MetersToAngle(radius_m));
    options.set_error_fraction(error_fraction);
    S2BufferOperation operation(std::make_unique<s2builderutil::S2PolygonLayer>(&output), options);
    add(operation);
    S2Error error;
    if (!operation.Build(&error)) return nullptr;
    cs2::GeometryBuilder builder;
    builder.AddPolygon(output);
    return builder.Finish();
}

/// Cells of one level covering `region`. A lower bound of the count (from the region's area and
/// boundary length) rejects coverings that are certainly too large before any cell is enumerated, so a
/// continent at level 30 fails fast instead of exhausting memory.
int32_t Cover(const S2Region &region, int32_t level, int32_t max_cells, double area_sr, double boundary_rad,
              uint64_t **out) {
    double by_area = area_sr / S2::kMaxArea.GetValue(level);
    double by_boundary = boundary_rad / S2::kMaxDiag.GetValue(level);
    if (by_area > max_cells || by_boundary > max_cells) return -1;
    S2RegionCoverer::Options options;
    options.set_min_level(level);
    options.set_max_level(level);
    options.set_max_cells(max_cells);
    S2RegionCoverer coverer(options);
    std::vector<S2CellId> cells;
    coverer.GetCovering(region, &cells);
    if (cells.size() > static_cast<size_t>(max_cells)) return -1;
    // The coverer normalizes its result: four siblings become their parent. Expand back to `level`.
    std::vector<uint64_t> ids;
    for (const S2CellId &cell : cells) {
        if (cell.level() == level) {
            ids.push_back(cell.id());
            continue;
        }
        for (S2CellId c = cell.child_begin(level); c != cell.child_end(level); c = c.next()) {
            ids.push_back(c.id());
            if (ids.size() > static_cast<size_t>(max_cells)) return -1;
        }
    }
    if (ids.size() > static_cast<size_t>(max_cells)) return -1;
    auto *buffer = static_cast<uint64_t *>(std::malloc((ids.empty() ? 1 : ids.size()) * sizeof(uint64_t)));
    if (buffer == nullptr) return -1;
    if (!ids.empty()) std::memcpy(buffer, ids.data(), ids.size() * sizeof(uint64_t));
    *out = buffer;
    return static_cast<int32_t>(ids.size());
}

int32_t CoverIndex(const S2ShapeIndex &index, int32_t level, double radius_m, int32_t max_cells,
                   double area_sr, double boundary_rad, uint64_t **out) {
    if (radius_m > 0) {
        S1Angle r = cs2::MetersToAngle(radius_m);
        double grown = area_sr + boundary_rad * r.radians() + M_PI * r.radians() * r.radians();
        S2ShapeIndexBufferedRegion region(&index, S1ChordAngle(r));
        return Cover(region, level, max_cells, grown, boundary_rad, out);
    }
    return Cover(MakeS2ShapeIndexRegion(&index), level, max_cells, area_sr, boundary_rad, out);
}

}  // namespace

extern "C" cs2_geometry *cs2_point_buffer(double lng, double lat, double radius_m, double error_fraction) {
    return Buffer(radius_m, error_fraction, [&](S2BufferOperation &op) { op.AddPoint(cs2::ToPoint(lng, lat)); });
}

extern "C" cs2_geometry *cs2_lines_buffer(const cs2_lines *lines, double radius_m, double error_fraction) {
    return Buffer(radius_m, error_fraction, [&](S2BufferOperation &op) {
        for (const auto &line : lines->lines) op.AddPolyline(line->vertices_span());
    });
}

extern "C" cs2_geometry *cs2_polygon_buffer(const cs2_polygon *polygon, double radius_m, double error_fraction) {
    return Buffer(radius_m, error_fraction,
                  [&](S2BufferOperation &op) { op.AddShapeIndex(polygon->polygon.index()); });
}

extern "C" int32_t cs2_polygon_covering(const cs2_polygon *polygon, int32_t level, double radius_m,
                                        int32_t max_cells, uint64_t **out) {
    double boundary = 0;
    for (int k = 0; k < polygon->polygon.num_loops(); ++k) {
        boundary += S2::GetPerimeter(polygon->polygon.loop(k)->vertices_span()).radians();
    }
    return CoverIndex(polygon->polygon.index(), level, radius_m, max_cells, polygon->polygon.GetArea(), boundary,
                      out);
}

extern "C" int32_t cs2_lines_covering(const cs2_lines *lines, int32_t level, double radius_m, int32_t max_cells,
                                      uint64_t **out) {
    double length = 0;
    for (const auto &line : lines->lines) length += line->GetLength().radians();
    return CoverIndex(lines->index, level, radius_m, max_cells, 0, length, out);
}

extern "C" int32_t cs2_tessellate_planar_edge(double a_lng, double a_lat, double b_lng, double b_lat,
                                              double tolerance_m, double *out, int32_t cap) {
    S2::PlateCarreeProjection projection(180);
    S2EdgeTessellator tessellator(&projection, cs2::MetersToAngle(tolerance_m));
    std::vector<S2Point> vertices;
    tessellator.AppendUnprojected(R2Point(a_lng, a_lat), R2Point(b_lng, b_lat), &vertices);
    int32_t interior = static_cast<int32_t>(vertices.size()) - 2;
    if (interior < 0) return 0;
    if (interior > cap) return -1;
    // The tessellator splits the planar edge at dyadic fractions of its length (midpoints of
    // midpoints) and returns their points on the sphere. Projecting those back costs the last bits
    // (50.25 comes back as 50.25000000000001), so each vertex's fraction is recovered, snapped to the
    // dyadic fraction it came from, and the planar point recomputed as the projection interpolates it.
    const R2Point pa(a_lng, a_lat), pb(b_lng, b_lat);
    const double dx = b_lng - a_lng, dy = b_lat - a_lat;
    for (int32_t i = 0; i < interior; ++i) {
        R2Point p = projection.Project(vertices[i + 1]);
        double t = std::fabs(dx) >= std::fabs(dy) ? (p.x() - a_lng) / dx : (p.y() - a_lat) / dy;
        for (int m = 1; m <= 30; ++m) {
            double scale = std::ldexp(1.0, m), k = std::round(t * scale);
            if (std::fabs(t - k / scale) < 1e-12) {
                R2Point snapped = projection.Interpolate(k / scale, pa, pb);
                // Only where it is the same point (an edge across the antimeridian comes back 360° away).
                if (std::fabs(snapped.x() - p.x()) < 1e-9 && std::fabs(snapped.y() - p.y()) < 1e-9) p = snapped;
                break;
            }
        }
        out[2 * i] = p.x();
        out[2 * i + 1] = p.y();
    }
    return interior;
}
