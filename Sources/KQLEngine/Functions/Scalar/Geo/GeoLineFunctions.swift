import Columnar
import Geospatial

/// The line measures, point queries and line/line and line/polygon relations, on S2's sphere with
/// geodesic edges. An invalid point, line (or multiline) or polygon gives null. Constant shapes are
/// parsed once per batch.
extension GeoFunctions {
    /// `geo_line_length(line)`: meters (of the union, for a multiline).
    static let lineLength = GeoFunction("geo_line_length", [.geoJSON], out: .real) { r in
        GeoArguments.value(lines(r[0])?.length)
    }

    /// `geo_line_centroid(line)`: the length-weighted centroid as a GeoJSON point.
    static let lineCentroid = GeoFunction("geo_line_centroid", [.geoJSON], out: .dynamic) { r in
        GeoArguments.value(lines(r[0])?.centroid)
    }

    /// `geo_distance_point_to_line(lng, lat, line)`: meters from the point to the nearest line.
    static let distancePointToLine = GeoFunction.batch(
        "geo_distance_point_to_line", [.real, .real, .geoJSON], out: .real
    ) { constant in
        let cache = ShapeCache.lines(constant: constant[2])
        return { r in
            guard let p = GeoArguments.point(r[0], r[1]), let s = cache.shape(r[2]) else { return .null }
            return GeoArguments.value(s.distance(to: p))
        }
    }

    /// `geo_closest_point_on_line(lng, lat, line)`: the lines' point nearest to the given one.
    static let closestPointOnLine = GeoFunction.batch(
        "geo_closest_point_on_line", [.real, .real, .geoJSON], out: .dynamic
    ) { constant in
        let cache = ShapeCache.lines(constant: constant[2])
        return { r in
            guard let p = GeoArguments.point(r[0], r[1]), let s = cache.shape(r[2]) else { return .null }
            return GeoArguments.value(s.closestPoint(to: p))
        }
    }

    /// `geo_line_interpolate_point(line, fraction)`: the point at `fraction` (0…1) of a LineString's length.
    static let lineInterpolatePoint = GeoFunction.batch("geo_line_interpolate_point", [.geoJSON, .real], out: .dynamic)
    { constant in
        let cache = singleLine(constant: constant[0])
        return { r in
            guard let s = cache.shape(r[0]), let f = GeoArguments.real(r[1]), (0...1).contains(f) else { return .null }
            return GeoArguments.value(s.interpolate(fraction: f))
        }
    }

    /// `geo_line_buffer(line, radius [, tolerance=10])`: the region within `radius` meters (round caps).
    static let lineBuffer = GeoFunction("geo_line_buffer", [.geoJSON, .real, .real], required: 2, out: .dynamic) { r in
        guard let s = lines(r[0]), let radius = GeoArguments.real(r[1]),
            let tolerance = GeoArguments.real(r, 2, default: 10), tolerance > 0
        else { return .null }
        return GeoArguments.value(s.buffer(radius: radius, errorFraction: tolerance / radius))
    }

    /// `geo_intersects_2lines(a, b)`: whether the line sets share a point.
    static let intersects2Lines = GeoFunction.batch("geo_intersects_2lines", [.geoJSON, .geoJSON], out: .bool) {
        constant in
        let first = ShapeCache.lines(constant: constant[0]), second = ShapeCache.lines(constant: constant[1])
        return { r in
            guard let a = first.shape(r[0]), let b = second.shape(r[1]) else { return .null }
            return .bool(a.intersects(b))
        }
    }

    /// `geo_intersection_2lines(a, b)`: crossing points and shared stretches.
    static let intersection2Lines = GeoFunction.batch("geo_intersection_2lines", [.geoJSON, .geoJSON], out: .dynamic) {
        constant in
        let first = ShapeCache.lines(constant: constant[0]), second = ShapeCache.lines(constant: constant[1])
        return { r in
            guard let a = first.shape(r[0]), let b = second.shape(r[1]) else { return .null }
            return GeoArguments.value(a.intersection(b))
        }
    }

    /// `geo_intersects_line_with_polygon(line, polygon)`: whether the lines meet the polygon.
    static let intersectsLineWithPolygon = GeoFunction.batch(
        "geo_intersects_line_with_polygon", [.geoJSON, .geoJSON], out: .bool
    ) { constant in
        let first = ShapeCache.lines(constant: constant[0]), second = ShapeCache.polygons(constant: constant[1])
        return { r in
            guard let a = first.shape(r[0]), let b = second.shape(r[1]) else { return .null }
            return .bool(a.intersects(b))
        }
    }

    /// `geo_intersection_line_with_polygon(line, polygon)`: the parts of the lines inside the polygon.
    static let intersectionLineWithPolygon = GeoFunction.batch(
        "geo_intersection_line_with_polygon", [.geoJSON, .geoJSON], out: .dynamic
    ) { constant in
        let first = ShapeCache.lines(constant: constant[0]), second = ShapeCache.polygons(constant: constant[1])
        return { r in
            guard let a = first.shape(r[0]), let b = second.shape(r[1]) else { return .null }
            return GeoArguments.value(a.intersection(b))
        }
    }

    /// A cache of single LineStrings (the interpolate and locate functions take no multiline).
    static func singleLine(constant: Bool) -> ShapeCache<SphericalLines> {
        ShapeCache(constant: constant) { g in
            guard case .lineString = g else { return nil }
            return SphericalLines(g)
        }
    }
}
