import CS2

/// A line or multiline on the sphere (S2Polylines): edges are geodesics, each shorter than 180°.
/// The shape behind `geo_line_length`, `geo_distance_point_to_line` and the other line functions.
/// Immutable; S2's const queries are thread-safe, hence `@unchecked Sendable`.
public final class SphericalLines: @unchecked Sendable {
    let handle: OpaquePointer

    /// The lines of a GeoJSON LineString or MultiLineString, or nil when one breaks ADX's rules
    /// (fewer than two positions, or an edge between antipodal points). Repeated adjacent positions
    /// are merged first; a line left with one distinct position is invalid.
    public convenience init?(_ geometry: Geometry) {
        guard let lines = geometry.lines else { return nil }
        self.init(lines: lines)
    }

    /// Lines from their positions.
    public init?(lines: [[GeoPoint]]) {
        guard !lines.isEmpty else { return nil }
        var coords: [Double] = [], sizes: [Int32] = []
        for line in lines {
            guard line.count >= 2, line.allSatisfy(\.isValid) else { return nil }
            var count: Int32 = 0
            var previous: GeoPoint?
            for p in line where p != previous {
                coords.append(p.longitude)
                coords.append(p.latitude)
                count += 1
                previous = p
            }
            guard count >= 2 else { return nil }
            sizes.append(count)
        }
        guard let h = cs2_lines_create(coords, sizes, Int32(sizes.count)) else { return nil }
        handle = h
    }

    deinit { cs2_lines_free(handle) }

    /// Total length in meters.
    public var length: Double { cs2_lines_length(handle) }

    /// The length-weighted centroid.
    public var centroid: GeoPoint? {
        var lng = 0.0, lat = 0.0
        guard cs2_lines_centroid(handle, &lng, &lat) != 0 else { return nil }
        return GeoPoint(longitude: lng, latitude: lat)
    }

    /// Distance in meters from the point to the nearest line.
    public func distance(to point: GeoPoint) -> Double {
        cs2_lines_distance(handle, point.longitude, point.latitude)
    }

    /// The point on the lines closest to `point`.
    public func closestPoint(to point: GeoPoint) -> GeoPoint {
        var lng = 0.0, lat = 0.0
        cs2_lines_closest_point(handle, point.longitude, point.latitude, &lng, &lat)
        return GeoPoint(longitude: lng, latitude: lat)
    }

    /// The point at `fraction` (clamped to 0…1) of the first line's length.
    public func interpolate(fraction: Double) -> GeoPoint {
        let fraction = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
        var lng = 0.0, lat = 0.0
        cs2_line_interpolate(handle, fraction, &lng, &lat)
        return GeoPoint(longitude: lng, latitude: lat)
    }

    /// The fraction of the first line's length at the line point closest to `point`.
    public func locate(_ point: GeoPoint) -> Double {
        cs2_line_locate(handle, point.longitude, point.latitude)
    }

    /// Whether the two line sets share a point.
    public func intersects(_ other: SphericalLines) -> Bool { cs2_lines_intersect(handle, other.handle) != 0 }

    /// Where the line sets meet: crossing points and shared stretches.
    public func intersection(_ other: SphericalLines) -> Geometry? {
        Geometry(s2: cs2_lines_intersection(handle, other.handle))
    }

    /// Whether the lines meet the polygon.
    public func intersects(_ polygon: SphericalPolygon) -> Bool {
        cs2_lines_intersect_polygon(handle, polygon.handle) != 0
    }

    /// The parts of the lines inside the polygon (its boundary included).
    public func intersection(_ polygon: SphericalPolygon) -> Geometry? {
        Geometry(s2: cs2_lines_intersection_polygon(handle, polygon.handle))
    }

    /// The union of line sets: shared stretches merged, joined into maximal lines.
    public static func union(_ lines: [SphericalLines]) -> Geometry? {
        guard !lines.isEmpty else { return nil }
        let handles: [OpaquePointer?] = lines.map { $0.handle }
        return withExtendedLifetime(lines) {
            handles.withUnsafeBufferPointer { Geometry(s2: cs2_lines_union($0.baseAddress, Int32($0.count))) }
        }
    }

    /// Lines with vertices closer than `tolerance` meters merged; nil when they vanish.
    public func simplify(tolerance: Double) -> Geometry? {
        guard tolerance >= 0, tolerance.isFinite else { return nil }
        return Geometry(s2: cs2_lines_simplify(handle, tolerance))
    }

    /// The region within `radius` meters of the lines (round end caps).
    public func buffer(radius: Double, errorFraction: Double) -> Geometry? {
        guard let fraction = BufferParameters.fraction(radius: radius, errorFraction: errorFraction) else { return nil }
        return Geometry(s2: cs2_lines_buffer(handle, radius, fraction))
    }

    /// The level-`level` S2 cells covering the lines grown by `radius` meters, nil when more than
    /// `maxCells` are needed.
    public func s2Covering(level: Int, radius: Double = 0, maxCells: Int) -> [S2CellID]? {
        guard S2CellID.levels.contains(level), radius >= 0, radius.isFinite, maxCells > 0 else { return nil }
        var out: UnsafeMutablePointer<UInt64>?
        let n = cs2_lines_covering(handle, Int32(level), radius, Int32(maxCells), &out)
        return S2CellID.adopt(out, count: n)
    }
}
