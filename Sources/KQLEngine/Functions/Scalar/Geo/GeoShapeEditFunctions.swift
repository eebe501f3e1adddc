import Columnar
import Geospatial

/// Functions that build a new polygon or line from others: densify, simplify and union. Invalid shapes
/// or tolerances give null, as does a result that vanishes.
extension GeoFunctions {
    /// `geo_polygon_densify(polygon [, tolerance=10 [, preserve_crossing=false]])`: planar edges as geodesic
    /// chains within `tolerance` meters (0.1…10000). Rings must be closed with at least four positions.
    static let polygonDensify = GeoFunction(
        "geo_polygon_densify", [.geoJSON, .real, .bool], required: 1, out: .dynamic
    ) { r in
        guard let g = GeoArguments.geometry(r[0]), let polygons = g.polygons,
            polygons.allSatisfy({ rings in !rings.isEmpty && rings.allSatisfy { $0.count >= 4 && $0.first == $0.last } }
            ),
            let tolerance = GeoArguments.real(r, 1, default: 10), Densify.tolerances.contains(tolerance),
            let crossing = GeoArguments.bool(r, 2, default: false),
            let dense = Densify.polygons(polygons, tolerance: tolerance, preserveCrossing: crossing)
        else { return .null }
        if case .polygon = g { return GeoArguments.value(Geometry.polygon(dense[0])) }
        return GeoArguments.value(Geometry.multiPolygon(dense))
    }

    /// `geo_line_densify(line [, tolerance=10 [, preserve_crossing=false]])`: as `geo_polygon_densify`; lines
    /// need at least two positions.
    static let lineDensify = GeoFunction("geo_line_densify", [.geoJSON, .real, .bool], required: 1, out: .dynamic) {
        r in
        guard let g = GeoArguments.geometry(r[0]), let lines = g.lines, lines.allSatisfy({ $0.count >= 2 }),
            let tolerance = GeoArguments.real(r, 1, default: 10), Densify.tolerances.contains(tolerance),
            let crossing = GeoArguments.bool(r, 2, default: false)
        else { return .null }
        var dense: [[GeoPoint]] = []
        for line in lines {
            guard let d = Densify.line(line, tolerance: tolerance, preserveCrossing: crossing) else { return .null }
            dense.append(d)
        }
        if case .lineString = g { return GeoArguments.value(Geometry.lineString(dense[0])) }
        return GeoArguments.value(Geometry.multiLineString(dense))
    }

    /// `geo_polygon_simplify(polygon [, tolerance=10])`: no two vertices closer than `tolerance` meters.
    static let polygonSimplify = GeoFunction("geo_polygon_simplify", [.geoJSON, .real], required: 1, out: .dynamic) {
        r in
        guard let s = polygon(r[0]), let tolerance = GeoArguments.real(r, 1, default: 10), tolerance >= 0 else {
            return .null
        }
        return GeoArguments.value(SphericalPolygon.simplify([s], tolerance: tolerance))
    }

    /// `geo_simplify_polygons_array(polygons [, tolerance=10])`: simplifies an array of polygons together,
    /// so shared borders stay shared; the result is their union.
    static let simplifyPolygonsArray = GeoFunction(
        "geo_simplify_polygons_array", [.geoJSON, .real], required: 1, out: .dynamic
    ) { r in
        guard let shapes = polygonArray(r[0]), let tolerance = GeoArguments.real(r, 1, default: 10), tolerance >= 0
        else { return .null }
        return GeoArguments.value(SphericalPolygon.simplify(shapes, tolerance: tolerance))
    }

    /// `geo_union_polygons_array(polygons)`: the union of an array of polygons and multipolygons.
    static let unionPolygonsArray = GeoFunction("geo_union_polygons_array", [.geoJSON], out: .dynamic) { r in
        guard let shapes = polygonArray(r[0]) else { return .null }
        return GeoArguments.value(SphericalPolygon.union(shapes))
    }

    /// `geo_line_simplify(line [, tolerance=10])`: no two vertices closer than `tolerance` meters.
    static let lineSimplify = GeoFunction("geo_line_simplify", [.geoJSON, .real], required: 1, out: .dynamic) { r in
        guard let s = lines(r[0]), let tolerance = GeoArguments.real(r, 1, default: 10), tolerance >= 0 else {
            return .null
        }
        return GeoArguments.value(s.simplify(tolerance: tolerance))
    }

    /// `geo_union_lines_array(lines)`: the union of an array of lines and multilines.
    static let unionLinesArray = GeoFunction("geo_union_lines_array", [.geoJSON], out: .dynamic) { r in
        guard case .dynamic(.array(let items)) = r[0], !items.isEmpty else { return .null }
        var shapes: [SphericalLines] = []
        for item in items {
            guard let s = lines(.dynamic(item)) else { return .null }
            shapes.append(s)
        }
        return GeoArguments.value(SphericalLines.union(shapes))
    }

    /// The polygons of a dynamic array of GeoJSON polygons, nil when it is not one or any is invalid.
    static func polygonArray(_ v: Value) -> [SphericalPolygon]? {
        guard case .dynamic(.array(let items)) = v, !items.isEmpty else { return nil }
        var shapes: [SphericalPolygon] = []
        for item in items {
            guard let s = polygon(.dynamic(item)) else { return nil }
            shapes.append(s)
        }
        return shapes
    }
}
