import Columnar
import Geospatial

/// The polygon measures and point queries, on S2's sphere with geodesic edges. An invalid point or
/// polygon (or multipolygon) gives null. A constant polygon is parsed once per batch.
extension GeoFunctions {
    /// `geo_point_in_polygon(lng, lat, polygon)`: containment with a semi-open boundary.
    static let pointInPolygon = GeoFunction.batch("geo_point_in_polygon", [.real, .real, .geoJSON], out: .bool) {
        constant in
        let polygons = ShapeCache.polygons(constant: constant[2])
        return { r in
            guard let p = GeoArguments.point(r[0], r[1]), let s = polygons.shape(r[2]) else { return .null }
            return .bool(s.contains(p))
        }
    }

    /// `geo_distance_point_to_polygon(lng, lat, polygon)`: meters to the polygon, 0 inside.
    static let distancePointToPolygon = GeoFunction.batch(
        "geo_distance_point_to_polygon", [.real, .real, .geoJSON], out: .real
    ) { constant in
        let polygons = ShapeCache.polygons(constant: constant[2])
        return { r in
            guard let p = GeoArguments.point(r[0], r[1]), let s = polygons.shape(r[2]) else { return .null }
            return GeoArguments.value(s.distance(to: p))
        }
    }

    /// `geo_closest_point_on_polygon(lng, lat, polygon)`: the polygon's point nearest to the given one.
    static let closestPointOnPolygon = GeoFunction.batch(
        "geo_closest_point_on_polygon", [.real, .real, .geoJSON], out: .dynamic
    ) { constant in
        let polygons = ShapeCache.polygons(constant: constant[2])
        return { r in
            guard let p = GeoArguments.point(r[0], r[1]), let s = polygons.shape(r[2]) else { return .null }
            return GeoArguments.value(s.closestPoint(to: p))
        }
    }

    /// `geo_polygon_area(polygon)`: square meters (of the union, for a multipolygon).
    static let polygonArea = GeoFunction("geo_polygon_area", [.geoJSON], out: .real) { r in
        GeoArguments.value(polygon(r[0])?.area)
    }

    /// `geo_polygon_perimeter(polygon)`: meters of boundary (of the union).
    static let polygonPerimeter = GeoFunction("geo_polygon_perimeter", [.geoJSON], out: .real) { r in
        GeoArguments.value(polygon(r[0])?.perimeter)
    }

    /// `geo_polygon_centroid(polygon)`: the centroid of the area as a GeoJSON point.
    static let polygonCentroid = GeoFunction("geo_polygon_centroid", [.geoJSON], out: .dynamic) { r in
        GeoArguments.value(polygon(r[0])?.centroid)
    }

    /// `geo_polygon_buffer(polygon, radius [, tolerance=10])`: the region within `radius` meters.
    static let polygonBuffer = GeoFunction("geo_polygon_buffer", [.geoJSON, .real, .real], required: 2, out: .dynamic) {
        r in
        guard let s = polygon(r[0]), let radius = GeoArguments.real(r[1]),
            let tolerance = GeoArguments.real(r, 2, default: 10), tolerance > 0
        else { return .null }
        return GeoArguments.value(s.buffer(radius: radius, errorFraction: tolerance / radius))
    }

    /// `geo_intersects_2polygons(a, b)`: whether they share a point (boundaries included).
    static let intersects2Polygons = GeoFunction.batch("geo_intersects_2polygons", [.geoJSON, .geoJSON], out: .bool) {
        constant in
        let first = ShapeCache.polygons(constant: constant[0]), second = ShapeCache.polygons(constant: constant[1])
        return { r in
            guard let a = first.shape(r[0]), let b = second.shape(r[1]) else { return .null }
            return .bool(a.intersects(b))
        }
    }

    /// `geo_intersection_2polygons(a, b)`: the shared region (points and lines where they only touch,
    /// an empty GeometryCollection when disjoint).
    static let intersection2Polygons = GeoFunction.batch(
        "geo_intersection_2polygons", [.geoJSON, .geoJSON], out: .dynamic
    ) { constant in
        let first = ShapeCache.polygons(constant: constant[0]), second = ShapeCache.polygons(constant: constant[1])
        return { r in
            guard let a = first.shape(r[0]), let b = second.shape(r[1]) else { return .null }
            return GeoArguments.value(a.intersection(b))
        }
    }

    /// The polygon of a GeoJSON argument, or nil.
    static func polygon(_ v: Value) -> SphericalPolygon? {
        GeoArguments.geometry(v).flatMap { SphericalPolygon($0) }
    }

    /// The lines of a GeoJSON argument, or nil.
    static func lines(_ v: Value) -> SphericalLines? {
        GeoArguments.geometry(v).flatMap { SphericalLines($0) }
    }
}
