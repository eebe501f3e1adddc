// Boolean operations, unions and simplification through S2BooleanOperation and S2Builder.
#include <s2/s2boolean_operation.h>
#include <s2/s2builder.h>
#include <s2/s2builderutil_s2point_vector_layer.h>
#include <s2/s2builderutil_s2polygon_layer.h>
#include <s2/s2builderutil_s2polyline_vector_layer.h>
#include <s2/s2builderutil_snap_functions.h>
#include <s2/s2error.h>

#include <algorithm>

#include "internal.h"

namespace {

using s2builderutil::S2PointVectorLayer;
using s2builderutil::S2PolygonLayer;
using s2builderutil::S2PolylineVectorLayer;

using Graph = S2Builder::Graph;
using GraphOptions = S2Builder::GraphOptions;

/// Keeps what S2's stock layers drop: a layer whose graph keeps degenerate edges and sibling pairs,
/// turning degenerate edges into points and the rest into maximal polylines. Two crossing lines
/// intersect in a degenerate polyline, which S2PolylineVectorLayer would discard.
class KeepAllLayer : public S2Builder::Layer {
  public:
    /// With `only_degenerate`, edges that are not degenerate or half of a sibling pair are ignored
    /// (the polygon dimension, whose proper loops another layer assembles).
    KeepAllLayer(std::vector<S2Point> *points, std::vector<std::vector<S2Point>> *lines, bool only_degenerate)
        : points_(points), lines_(lines), only_degenerate_(only_degenerate) {}

    GraphOptions graph_options() const override {
        return GraphOptions(S2Builder::EdgeType::DIRECTED, GraphOptions::DegenerateEdges::KEEP,
                            GraphOptions::DuplicateEdges::MERGE, GraphOptions::SiblingPairs::KEEP);
    }

    void Build(const Graph &g, S2Error *) override {
        if (only_degenerate_) {
            for (Graph::EdgeId e = 0; e < g.num_edges(); ++e) {
                const Graph::Edge &edge = g.edge(e);
                if (edge.first == edge.second) {
                    points_->push_back(g.vertex(edge.first));
                } else if (edge.first < edge.second && HasEdge(g, edge.second, edge.first)) {
                    lines_->push_back({g.vertex(edge.first), g.vertex(edge.second)});
                }
            }
            return;
        }
        for (const auto &polyline : g.GetPolylines(Graph::PolylineType::WALK)) {
            std::vector<S2Point> vertices;
            for (Graph::EdgeId e : polyline) {
                const Graph::Edge &edge = g.edge(e);
                if (vertices.empty()) vertices.push_back(g.vertex(edge.first));
                if (edge.second != edge.first) vertices.push_back(g.vertex(edge.second));
            }
            if (vertices.size() == 1) {
                points_->push_back(vertices[0]);
            } else if (vertices.size() > 1) {
                lines_->push_back(std::move(vertices));
            }
        }
    }

  private:
    static bool HasEdge(const Graph &g, Graph::VertexId a, Graph::VertexId b) {
        // Edges are sorted by (first, second): binary search.
        Graph::EdgeId lo = 0, hi = g.num_edges();
        while (lo < hi) {
            Graph::EdgeId mid = lo + (hi - lo) / 2;
            if (g.edge(mid) < Graph::Edge(a, b)) lo = mid + 1; else hi = mid;
        }
        return lo < g.num_edges() && g.edge(lo) == Graph::Edge(a, b);
    }

    std::vector<S2Point> *points_;
    std::vector<std::vector<S2Point>> *lines_;
    bool only_degenerate_;
};

/// Output of a boolean operation split by dimension (points, polylines, polygons).
struct MixedOutput {
    std::vector<S2Point> points;
    std::vector<std::vector<S2Point>> lines;
    S2Polygon polygon;

    std::vector<std::unique_ptr<S2Builder::Layer>> Layers() {
        std::vector<std::unique_ptr<S2Builder::Layer>> layers;
        S2PointVectorLayer::Options point_options;
        point_options.set_duplicate_edges(S2Builder::GraphOptions::DuplicateEdges::MERGE);
        layers.push_back(std::make_unique<S2PointVectorLayer>(&points, point_options));
        layers.push_back(std::make_unique<KeepAllLayer>(&points, &lines, false));
        polygon.set_s2debug_override(S2Debug::DISABLE);
        layers.push_back(std::make_unique<S2PolygonLayer>(&polygon));
        return layers;
    }

    /// Layers that only collect the points and segments where polygons merely touch.
    std::vector<std::unique_ptr<S2Builder::Layer>> DegeneracyLayers() {
        std::vector<std::unique_ptr<S2Builder::Layer>> layers;
        layers.push_back(std::make_unique<KeepAllLayer>(&ignored_points, &ignored_lines, true));
        layers.push_back(std::make_unique<KeepAllLayer>(&ignored_points, &ignored_lines, true));
        layers.push_back(std::make_unique<KeepAllLayer>(&points, &lines, true));
        return layers;
    }

    cs2_geometry *Finish() {
        cs2::GeometryBuilder builder;
        std::sort(points.begin(), points.end());
        points.erase(std::unique(points.begin(), points.end()), points.end());
        builder.AddPoints(points);
        for (const auto &line : lines) builder.Add(CS2_PART_LINE, line.data(), line.size());
        builder.AddPolygon(polygon);
        return builder.Finish();
    }

  private:
    std::vector<S2Point> ignored_points;
    std::vector<std::vector<S2Point>> ignored_lines;
};

cs2_geometry *RunMixed(S2BooleanOperation::OpType op, const S2ShapeIndex &a, const S2ShapeIndex &b,
                       S2BooleanOperation::PolygonModel polygon_model, bool both_polygons = false) {
    MixedOutput output;
    S2BooleanOperation::Options options;
    options.set_polygon_model(polygon_model);
    options.set_polyline_model(S2BooleanOperation::PolylineModel::CLOSED);
    S2Error error;
    S2BooleanOperation operation(op, output.Layers(), options);
    if (!operation.Build(a, b, &error)) return nullptr;
    if (both_polygons) {
        // S2PolygonLayer drops the lower-dimensional pieces of a polygon result (polygons touching at a
        // point or along an edge); a second pass collects them.
        S2BooleanOperation degeneracies(op, output.DegeneracyLayers(), options);
        if (!degeneracies.Build(a, b, &error)) return nullptr;
    }
    return output.Finish();
}

}  // namespace

extern "C" int32_t cs2_polygons_intersect(const cs2_polygon *a, const cs2_polygon *b) {
    S2BooleanOperation::Options options;
    options.set_polygon_model(S2BooleanOperation::PolygonModel::CLOSED);
    return S2BooleanOperation::Intersects(a->polygon.index(), b->polygon.index(), options) ? 1 : 0;
}

extern "C" cs2_geometry *cs2_polygons_intersection(const cs2_polygon *a, const cs2_polygon *b) {
    return RunMixed(S2BooleanOperation::OpType::INTERSECTION, a->polygon.index(), b->polygon.index(),
                    S2BooleanOperation::PolygonModel::CLOSED, true);
}

extern "C" cs2_geometry *cs2_polygons_union(const cs2_polygon *const *polygons, int32_t count) {
    std::vector<std::unique_ptr<S2Polygon>> parts;
    for (int32_t i = 0; i < count; ++i) {
        auto copy = std::make_unique<S2Polygon>();
        copy->Copy(polygons[i]->polygon);
        parts.push_back(std::move(copy));
    }
    std::unique_ptr<S2Polygon> merged = S2Polygon::DestructiveUnion(std::move(parts));
    cs2::GeometryBuilder builder;
    if (merged) builder.AddPolygon(*merged);
    return builder.Finish();
}

extern "C" cs2_geometry *cs2_polygons_simplify(const cs2_polygon *const *polygons, int32_t count,
                                               double tolerance_m) {
    S2Builder::Options options{s2builderutil::IdentitySnapFunction(cs2::MetersToAngle(tolerance_m))};
    options.set_simplify_edge_chains(true);
    S2Builder builder(options);
    // One layer per input polygon, built together so that shared borders snap to the same vertices.
    std::vector<std::unique_ptr<S2Polygon>> outputs;
    for (int32_t i = 0; i < count; ++i) {
        outputs.push_back(std::make_unique<S2Polygon>());
        outputs.back()->set_s2debug_override(S2Debug::DISABLE);
        builder.StartLayer(std::make_unique<S2PolygonLayer>(outputs.back().get()));
        builder.AddPolygon(polygons[i]->polygon);
    }
    S2Error error;
    if (!builder.Build(&error)) return nullptr;
    std::vector<std::unique_ptr<S2Polygon>> nonempty;
    for (auto &p : outputs) {
        if (!p->is_empty()) nonempty.push_back(std::move(p));
    }
    if (nonempty.empty()) return nullptr;
    std::unique_ptr<S2Polygon> merged =
        nonempty.size() == 1 ? std::move(nonempty[0]) : S2Polygon::DestructiveUnion(std::move(nonempty));
    cs2::GeometryBuilder out;
    out.AddPolygon(*merged);
    return out.Finish();
}

extern "C" int32_t cs2_lines_intersect(const cs2_lines *a, const cs2_lines *b) {
    return S2BooleanOperation::Intersects(a->index, b->index) ? 1 : 0;
}

extern "C" cs2_geometry *cs2_lines_intersection(const cs2_lines *a, const cs2_lines *b) {
    return RunMixed(S2BooleanOperation::OpType::INTERSECTION, a->index, b->index,
                    S2BooleanOperation::PolygonModel::CLOSED);
}

extern "C" int32_t cs2_lines_intersect_polygon(const cs2_lines *lines, const cs2_polygon *polygon) {
    return S2BooleanOperation::Intersects(lines->index, polygon->polygon.index()) ? 1 : 0;
}

extern "C" cs2_geometry *cs2_lines_intersection_polygon(const cs2_lines *lines, const cs2_polygon *polygon) {
    return RunMixed(S2BooleanOperation::OpType::INTERSECTION, lines->index, polygon->polygon.index(),
                    S2BooleanOperation::PolygonModel::CLOSED);
}

extern "C" cs2_geometry *cs2_lines_union(const cs2_lines *const *lines, int32_t count) {
    std::vector<std::unique_ptr<S2Polyline>> output;
    S2PolylineVectorLayer::Options line_options;
    line_options.set_polyline_type(S2Builder::Graph::PolylineType::WALK);
    line_options.set_duplicate_edges(S2Builder::GraphOptions::DuplicateEdges::MERGE);
    S2Builder builder{S2Builder::Options()};
    builder.StartLayer(std::make_unique<S2PolylineVectorLayer>(&output, line_options));
    for (int32_t i = 0; i < count; ++i) {
        for (const auto &line : lines[i]->lines) builder.AddPolyline(*line);
    }
    S2Error error;
    if (!builder.Build(&error)) return nullptr;
    cs2::GeometryBuilder out;
    for (const auto &line : output) out.AddPolyline(*line);
    return out.Finish();
}

extern "C" cs2_geometry *cs2_lines_simplify(const cs2_lines *lines, double tolerance_m) {
    S2Builder::Options options{s2builderutil::IdentitySnapFunction(cs2::MetersToAngle(tolerance_m))};
    options.set_simplify_edge_chains(true);
    S2Builder builder(options);
    std::vector<std::unique_ptr<S2Polyline>> output;
    S2PolylineVectorLayer::Options line_options;
    line_options.set_polyline_type(S2Builder::Graph::PolylineType::WALK);
    builder.StartLayer(std::make_unique<S2PolylineVectorLayer>(&output, line_options));
    for (const auto &line : lines->lines) builder.AddPolyline(*line);
    S2Error error;
    if (!builder.Build(&error)) return nullptr;
    cs2::GeometryBuilder out;
    for (const auto &line : output) {
        if (line->num_vertices() >= 2) out.AddPolyline(*line);
    }
    if (out.empty()) return nullptr;
    return out.Finish();
}
