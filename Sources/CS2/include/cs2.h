// A C API over Google's S2 geometry library (Debian libs2-dev), for Swift.
//
// Coordinates cross this boundary as (longitude, latitude) pairs in degrees, already validated by the
// caller (finite, longitude in [-180, 180], latitude in [-90, 90]). Rings are passed open (without the
// repeated closing vertex). Distances are in meters on a sphere of radius CS2_EARTH_RADIUS_METERS, the
// radius S2Earth uses. Every function that can fail returns 0/NULL (or a negative count) rather than
// aborting; nothing here throws a C++ exception across the boundary.
#ifndef CS2_H
#define CS2_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Mean Earth radius S2Earth measures with (6371.01 km).
#define CS2_EARTH_RADIUS_METERS 6371010.0

// ---- Cells --------------------------------------------------------------------------------------

/// The id of the level-`level` cell containing the point (level 0…30).
uint64_t cs2_cell_from_lnglat(double lng, double lat, int32_t level);
/// 1 when `id` is a valid S2 cell id.
int32_t cs2_cell_is_valid(uint64_t id);
/// The level of a valid cell.
int32_t cs2_cell_level(uint64_t id);
/// The centre of a valid cell.
void cs2_cell_center(uint64_t id, double *lng, double *lat);
/// The four vertices of a valid cell, counter-clockwise, as 8 doubles (lng, lat pairs).
void cs2_cell_vertices(uint64_t id, double *out8);
/// All cells of the same level that touch the cell (edge and vertex neighbours); returns the count
/// written (at most `cap`).
int32_t cs2_cell_all_neighbors(uint64_t id, uint64_t *out, int32_t cap);

// ---- Output geometry ----------------------------------------------------------------------------

/// Kinds of the parts of a cs2_geometry.
enum { CS2_PART_POINT = 0, CS2_PART_LINE = 1, CS2_PART_SHELL = 2, CS2_PART_HOLE = 3 };

/// A result geometry: `part_count` parts, part i has kind `kinds[i]` and `sizes[i]` vertices, whose
/// coordinates follow one another in `coords` (lng, lat pairs). A shell is followed by its holes; rings
/// are open. Free with cs2_geometry_free.
typedef struct cs2_geometry {
    int32_t part_count;
    int32_t *kinds;
    int32_t *sizes;
    double *coords;
} cs2_geometry;

void cs2_geometry_free(cs2_geometry *geometry);

// ---- Polygons -----------------------------------------------------------------------------------

/// An S2 polygon (the union of the polygons it was made from), with its shape index.
typedef struct cs2_polygon cs2_polygon;

/// Builds a polygon from `polygon_count` polygons; polygon p has `rings_per_polygon[p]` rings, ring r
/// has `ring_sizes[r]` vertices taken in order from `coords`. Each ring is taken as the smaller of the
/// two regions it bounds; the rings of one polygon are nested by containment (shell, holes). Several
/// polygons are unioned. Returns NULL when a ring is invalid (fewer than 3 distinct vertices, repeated
/// or antipodal adjacent vertices, self-crossing) or rings cross.
cs2_polygon *cs2_polygon_create(const double *coords, const int32_t *ring_sizes,
                                const int32_t *rings_per_polygon, int32_t polygon_count);
void cs2_polygon_free(cs2_polygon *polygon);

/// 1 when the polygon contains the point (semi-open model: of polygons tiling the sphere, exactly one
/// contains any point).
int32_t cs2_polygon_contains(const cs2_polygon *polygon, double lng, double lat);
/// Distance in meters from the point to the polygon (0 inside).
double cs2_polygon_distance(const cs2_polygon *polygon, double lng, double lat);
/// The closest point of the polygon (the point itself when inside).
void cs2_polygon_closest_point(const cs2_polygon *polygon, double lng, double lat,
                               double *out_lng, double *out_lat);
/// Area in square meters.
double cs2_polygon_area(const cs2_polygon *polygon);
/// Boundary length in meters.
double cs2_polygon_perimeter(const cs2_polygon *polygon);
/// Area centroid; returns 0 when the polygon is empty.
int32_t cs2_polygon_centroid(const cs2_polygon *polygon, double *lng, double *lat);
/// The polygon's loops (shells followed by their holes).
cs2_geometry *cs2_polygon_geometry(const cs2_polygon *polygon);

/// 1 when two polygons intersect (closed model: a polygon contains its boundary).
int32_t cs2_polygons_intersect(const cs2_polygon *a, const cs2_polygon *b);
/// Intersection of two polygons (closed model), possibly of mixed dimension.
cs2_geometry *cs2_polygons_intersection(const cs2_polygon *a, const cs2_polygon *b);
/// Union of `count` polygons.
cs2_geometry *cs2_polygons_union(const cs2_polygon *const *polygons, int32_t count);
/// Polygon whose boundary is within `tolerance_m` of the input, with vertices snapped so that no two
/// are closer than the tolerance and nearly straight chains simplified. NULL when it vanishes.
cs2_geometry *cs2_polygons_simplify(const cs2_polygon *const *polygons, int32_t count, double tolerance_m);

// ---- Polylines ----------------------------------------------------------------------------------

/// A set of S2 polylines, with their shape index.
typedef struct cs2_lines cs2_lines;

/// Builds `line_count` polylines; line l has `line_sizes[l]` vertices (at least 2, no repeated
/// adjacent vertices). Returns NULL when a line is invalid (antipodal adjacent vertices).
cs2_lines *cs2_lines_create(const double *coords, const int32_t *line_sizes, int32_t line_count);
void cs2_lines_free(cs2_lines *lines);

/// Total length in meters.
double cs2_lines_length(const cs2_lines *lines);
/// Length-weighted centroid; returns 0 for zero length.
int32_t cs2_lines_centroid(const cs2_lines *lines, double *lng, double *lat);
/// Distance in meters from the point to the nearest line.
double cs2_lines_distance(const cs2_lines *lines, double lng, double lat);
/// The closest point on the lines.
void cs2_lines_closest_point(const cs2_lines *lines, double lng, double lat, double *out_lng, double *out_lat);
/// The point at `fraction` (0…1) of the first line's length.
void cs2_line_interpolate(const cs2_lines *lines, double fraction, double *lng, double *lat);
/// The fraction (0…1) of the first line's length at the line point closest to the given point.
double cs2_line_locate(const cs2_lines *lines, double lng, double lat);

/// 1 when the two line sets intersect.
int32_t cs2_lines_intersect(const cs2_lines *a, const cs2_lines *b);
/// Intersection of two line sets: points where they cross, lines where they overlap.
cs2_geometry *cs2_lines_intersection(const cs2_lines *a, const cs2_lines *b);
/// 1 when the lines intersect the polygon (semi-open polygon model).
int32_t cs2_lines_intersect_polygon(const cs2_lines *lines, const cs2_polygon *polygon);
/// The parts of the lines inside the polygon (closed polygon model).
cs2_geometry *cs2_lines_intersection_polygon(const cs2_lines *lines, const cs2_polygon *polygon);
/// Union of `count` line sets, overlapping edges merged, joined into maximal lines.
cs2_geometry *cs2_lines_union(const cs2_lines *const *lines, int32_t count);
/// Lines simplified so that no two vertices are closer than `tolerance_m`. NULL when they vanish.
cs2_geometry *cs2_lines_simplify(const cs2_lines *lines, double tolerance_m);

// ---- Buffers and coverings ----------------------------------------------------------------------

/// Buffers of a point, lines or a polygon: the region within `radius_m`, its boundary within
/// `error_fraction` × radius of the true one (S2BufferOperation; round end caps on lines).
cs2_geometry *cs2_point_buffer(double lng, double lat, double radius_m, double error_fraction);
cs2_geometry *cs2_lines_buffer(const cs2_lines *lines, double radius_m, double error_fraction);
cs2_geometry *cs2_polygon_buffer(const cs2_polygon *polygon, double radius_m, double error_fraction);

/// The level-`level` cells covering the polygon (or lines) expanded by `radius_m`, at most
/// `max_cells`. Writes a malloc'ed array to *out (free with free()) and returns the count; returns -1
/// when more than `max_cells` cells would be needed.
int32_t cs2_polygon_covering(const cs2_polygon *polygon, int32_t level, double radius_m, int32_t max_cells,
                             uint64_t **out);
int32_t cs2_lines_covering(const cs2_lines *lines, int32_t level, double radius_m, int32_t max_cells,
                           uint64_t **out);

// ---- Planar edges to geodesics ------------------------------------------------------------------

/// Vertices to insert into the planar (longitude/latitude straight) edge a→b so that the geodesic
/// chain through them stays within `tolerance_m` of the planar edge (S2EdgeTessellator over the
/// plate carrée projection). Writes the interior points to `out` (lng, lat pairs, at most `cap` points)
/// and returns how many; -1 when more than `cap` are needed.
int32_t cs2_tessellate_planar_edge(double a_lng, double a_lat, double b_lng, double b_lat, double tolerance_m,
                                   double *out, int32_t cap);

// ---- Lookup indexes (many shapes, one query per point) ------------------------------------------

/// An index over many polygons or line sets for the lookup plugins.
typedef struct cs2_lookup cs2_lookup;

/// Indexes `count` polygons (shape i answers as i). The polygons must outlive the index.
cs2_lookup *cs2_lookup_polygons(const cs2_polygon *const *polygons, int32_t count);
/// Indexes `count` line sets. The lines must outlive the index.
cs2_lookup *cs2_lookup_lines(const cs2_lines *const *lines, int32_t count);
void cs2_lookup_free(cs2_lookup *lookup);
/// The shapes containing the point (radius_m < 0) or within radius_m of it; writes up to `cap` ids to
/// `out` in ascending order and returns the total count found.
int32_t cs2_lookup_query(const cs2_lookup *lookup, double lng, double lat, double radius_m,
                         int32_t *out, int32_t cap);

#ifdef __cplusplus
}
#endif

#endif
