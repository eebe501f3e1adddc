// The output geometry handed to Swift: parts of points, lines and rings with their coordinates.
#include "internal.h"

namespace cs2 {

void GeometryBuilder::Add(int32_t kind, const S2Point *points, size_t count) {
    kinds_.push_back(kind);
    sizes_.push_back(static_cast<int32_t>(count));
    for (size_t i = 0; i < count; ++i) {
        double lng, lat;
        FromPoint(points[i], &lng, &lat);
        coords_.push_back(lng);
        coords_.push_back(lat);
    }
}

void GeometryBuilder::AddPoints(const std::vector<S2Point> &points) {
    for (const S2Point &p : points) Add(CS2_PART_POINT, &p, 1);
}

void GeometryBuilder::AddPolyline(const S2Polyline &line) {
    std::vector<S2Point> v(line.vertices_span().begin(), line.vertices_span().end());
    Add(CS2_PART_LINE, v.data(), v.size());
}

// GeoJSON wants each shell followed by its own holes, shells counter-clockwise and holes clockwise:
// oriented_vertex gives exactly that order (the polygon interior on the left).
void GeometryBuilder::AddPolygon(const S2Polygon &polygon) {
    std::vector<S2Point> ring;
    auto emit = [&](int k, int32_t kind) {
        const S2Loop *loop = polygon.loop(k);
        ring.clear();
        for (int i = 0; i < loop->num_vertices(); ++i) ring.push_back(loop->oriented_vertex(i));
        Add(kind, ring.data(), ring.size());
    };
    for (int k = 0; k < polygon.num_loops(); ++k) {
        if (polygon.loop(k)->is_hole()) continue;
        emit(k, CS2_PART_SHELL);
        for (int j = k + 1; j < polygon.num_loops(); ++j) {
            if (polygon.loop(j)->is_hole() && polygon.GetParent(j) == k) emit(j, CS2_PART_HOLE);
        }
    }
}

cs2_geometry *GeometryBuilder::Finish() {
    auto *g = static_cast<cs2_geometry *>(std::calloc(1, sizeof(cs2_geometry)));
    if (g == nullptr) return nullptr;
    g->part_count = static_cast<int32_t>(kinds_.size());
    size_t n = kinds_.size(), c = coords_.size();
    g->kinds = static_cast<int32_t *>(std::malloc((n ? n : 1) * sizeof(int32_t)));
    g->sizes = static_cast<int32_t *>(std::malloc((n ? n : 1) * sizeof(int32_t)));
    g->coords = static_cast<double *>(std::malloc((c ? c : 1) * sizeof(double)));
    if (g->kinds == nullptr || g->sizes == nullptr || g->coords == nullptr) {
        cs2_geometry_free(g);
        return nullptr;
    }
    if (n) std::memcpy(g->kinds, kinds_.data(), n * sizeof(int32_t));
    if (n) std::memcpy(g->sizes, sizes_.data(), n * sizeof(int32_t));
    if (c) std::memcpy(g->coords, coords_.data(), c * sizeof(double));
    return g;
}

}  // namespace cs2

extern "C" void cs2_geometry_free(cs2_geometry *g) {
    if (g == nullptr) return;
    std::free(g->kinds);
    std::free(g->sizes);
    std::free(g->coords);
    std::free(g);
}
