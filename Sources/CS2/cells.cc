// S2 cells: point to cell id, centre, vertices, neighbours.
#include <s2/s2cell.h>
#include <s2/s2cell_id.h>

#include "internal.h"

extern "C" uint64_t cs2_cell_from_lnglat(double lng, double lat, int32_t level) {
    return S2CellId(cs2::ToPoint(lng, lat)).parent(level).id();
}

extern "C" int32_t cs2_cell_is_valid(uint64_t id) { return S2CellId(id).is_valid() ? 1 : 0; }

extern "C" int32_t cs2_cell_level(uint64_t id) { return S2CellId(id).level(); }

extern "C" void cs2_cell_center(uint64_t id, double *lng, double *lat) {
    cs2::FromPoint(S2CellId(id).ToPoint(), lng, lat);
}

extern "C" void cs2_cell_vertices(uint64_t id, double *out8) {
    S2Cell cell{S2CellId(id)};
    for (int k = 0; k < 4; ++k) cs2::FromPoint(cell.GetVertex(k), &out8[2 * k], &out8[2 * k + 1]);
}

extern "C" int32_t cs2_cell_all_neighbors(uint64_t id, uint64_t *out, int32_t cap) {
    S2CellId cell(id);
    std::vector<S2CellId> neighbors;
    cell.AppendAllNeighbors(cell.level(), &neighbors);
    int32_t n = 0;
    for (const S2CellId &c : neighbors) {
        if (n >= cap) break;
        out[n++] = c.id();
    }
    return n;
}
