import Columnar
import Geospatial

/// Shapes to cell tokens, the join keys of ADX's geo matching recipes. An invalid shape, level,
/// resolution or radius gives null, as does a covering past ADX's cell limits (65536 S2 tokens, 61680
/// H3 cells).
extension GeoFunctions {
    /// ADX's limit on the S2 tokens of one covering.
    static let maxS2CoveringCells = 65536

    /// `geo_polygon_to_s2cells(polygon [, level=11 [, radius=0]])`: the level-`level` S2 cells covering the
    /// polygon grown by `radius` meters.
    static let polygonToS2Cells = s2Cells("geo_polygon_to_s2cells", ShapeCache.polygons)

    /// `geo_line_to_s2cells(line [, level=11 [, radius=0]])`: as `geo_polygon_to_s2cells`, for lines.
    static let lineToS2Cells = s2Cells("geo_line_to_s2cells", ShapeCache.lines)

    /// The S2 covering function `name` over the shapes `cache` reads (polygons or lines).
    private static func s2Cells<Shape: S2Coverable>(
        _ name: String, _ cache: @escaping @Sendable (_ constant: Bool) -> ShapeCache<Shape>
    ) -> GeoFunction {
        GeoFunction.batch(name, [.geoJSON, .integer, .real], required: 1, out: .dynamic) { constant in
            let cache = cache(constant[0])
            return { r in
                guard let level = GeoArguments.integer(r, 1, default: 11),
                    let radius = GeoArguments.real(r, 2, default: 0),
                    let s = cache.shape(r[0])
                else { return .null }
                return GeoArguments.value(
                    s.s2Covering(level: level, radius: radius, maxCells: maxS2CoveringCells)?.map(\.token))
            }
        }
    }

    /// `geo_polygon_to_h3cells(polygon [, resolution=6 [, radius=0]])`: the H3 cells whose centres lie in
    /// the polygon (planar edges), after growing it by `radius` meters when positive.
    static let polygonToH3Cells = GeoFunction(
        "geo_polygon_to_h3cells", [.geoJSON, .integer, .real], required: 1, out: .dynamic
    ) { r in
        guard let g = GeoArguments.geometry(r[0]), let s = SphericalPolygon(g),
            let res = GeoArguments.integer(r, 1, default: 6), H3Cell.resolutions.contains(res),
            let radius = GeoArguments.real(r, 2, default: 0), radius >= 0
        else { return .null }
        var polygons = g.polygons
        if radius > 0 { polygons = s.buffer(radius: radius, errorFraction: min(1, 10 / radius))?.polygons }
        guard let polygons, let cells = H3Polyfill.cells(polygons, resolution: res) else { return .null }
        return GeoArguments.value(cells.map(\.string))
    }
}

/// A shape with an S2 covering: what `geo_polygon_to_s2cells` and `geo_line_to_s2cells` share.
protocol S2Coverable: SendableMetatype {
    func s2Covering(level: Int, radius: Double, maxCells: Int) -> [S2CellID]?
}

extension SphericalPolygon: S2Coverable {}
extension SphericalLines: S2Coverable {}
