import CS2
#if canImport(Glibc)
    import Glibc
#endif

/// A polygon or multipolygon on the sphere (an S2Polygon): edges are geodesics, each ring bounds the
/// smaller of the two regions it divides the sphere into, a multipolygon is the union of its parts.
/// This is the shape behind ADX's `geo_point_in_polygon`, `geo_polygon_area` and every other polygon
/// function whose page says "Polygon edges are geodesics on the sphere".
///
/// Build it once per polygon value and query it for many points: `contains` does not allocate.
/// Instances are immutable and S2's const queries are thread-safe, hence `@unchecked Sendable`.
public final class SphericalPolygon: @unchecked Sendable {
    let handle: OpaquePointer

    /// The polygon of a GeoJSON Polygon or MultiPolygon, or nil when it breaks ADX's rules: a ring
    /// not closed, fewer than four positions, repeated adjacent vertices, self-crossing or crossing
    /// rings, edges between antipodal points.
    public convenience init?(_ geometry: Geometry) {
        guard let polygons = geometry.polygons else { return nil }
        self.init(polygons: polygons)
    }

    /// The union of polygons given as closed rings (shell first, then holes).
    public init?(polygons: [[[GeoPoint]]]) {
        guard !polygons.isEmpty else { return nil }
        var coords: [Double] = [], ringSizes: [Int32] = [], ringsPerPolygon: [Int32] = []
        for rings in polygons {
            guard !rings.isEmpty else { return nil }
            ringsPerPolygon.append(Int32(rings.count))
            for ring in rings {
                guard ring.count >= 4, ring.first == ring.last, ring.allSatisfy(\.isValid) else { return nil }
                for p in ring.dropLast() {
                    coords.append(p.longitude)
                    coords.append(p.latitude)
                }
                ringSizes.append(Int32(ring.count - 1))
            }
        }
        guard let h = cs2_polygon_create(coords, ringSizes, ringsPerPolygon, Int32(ringsPerPolygon.count)) else {
            return nil
        }
        handle = h
    }

    deinit { cs2_polygon_free(handle) }

    /// Whether the polygon contains the point (semi-open boundary: of polygons tiling the Earth exactly
    /// one contains any point, so a polygon need not contain its own vertices). Allocation-free.
    @inlinable public func contains(_ point: GeoPoint) -> Bool {
        containsRaw(point.longitude, point.latitude)
    }

    @usableFromInline func containsRaw(_ lng: Double, _ lat: Double) -> Bool {
        cs2_polygon_contains(handle, lng, lat) != 0
    }

    /// Distance in meters from the point to the polygon, 0 when inside.
    public func distance(to point: GeoPoint) -> Double {
        cs2_polygon_distance(handle, point.longitude, point.latitude)
    }

    /// The point of the polygon closest to `point` (the point itself when inside).
    public func closestPoint(to point: GeoPoint) -> GeoPoint {
        var lng = 0.0, lat = 0.0
        cs2_polygon_closest_point(handle, point.longitude, point.latitude, &lng, &lat)
        return GeoPoint(longitude: lng, latitude: lat)
    }

    /// Area in square meters.
    public var area: Double { cs2_polygon_area(handle) }

    /// Length of the boundary in meters.
    public var perimeter: Double { cs2_polygon_perimeter(handle) }

    /// The centroid of the area, nil for an empty polygon.
    public var centroid: GeoPoint? {
        var lng = 0.0, lat = 0.0
        guard cs2_polygon_centroid(handle, &lng, &lat) != 0 else { return nil }
        return GeoPoint(longitude: lng, latitude: lat)
    }

    /// The polygon as S2 normalized it (rings reoriented, multipolygon parts unioned).
    public var geometry: Geometry { Geometry(s2: cs2_polygon_geometry(handle)) ?? .empty }

    /// Whether two polygons share any point, boundaries included.
    public func intersects(_ other: SphericalPolygon) -> Bool {
        cs2_polygons_intersect(handle, other.handle) != 0
    }

    /// The intersection (boundaries included, so it may hold points and lines as well).
    public func intersection(_ other: SphericalPolygon) -> Geometry? {
        Geometry(s2: cs2_polygons_intersection(handle, other.handle))
    }

    /// The union of polygons.
    public static func union(_ polygons: [SphericalPolygon]) -> Geometry? {
        guard !polygons.isEmpty else { return nil }
        return withHandles(polygons) { Geometry(s2: cs2_polygons_union($0.baseAddress, Int32($0.count))) }
    }

    /// Simplified polygons: vertices closer than `tolerance` meters merged and nearly straight chains
    /// replaced by one edge, shared borders simplified alike; nil when everything vanishes.
    public static func simplify(_ polygons: [SphericalPolygon], tolerance: Double) -> Geometry? {
        guard tolerance >= 0, tolerance.isFinite, !polygons.isEmpty else { return nil }
        return withHandles(polygons) { Geometry(s2: cs2_polygons_simplify($0.baseAddress, Int32($0.count), tolerance)) }
    }

    /// The region within `radius` meters of the polygon, its boundary within `errorFraction` × radius.
    public func buffer(radius: Double, errorFraction: Double) -> Geometry? {
        guard let fraction = BufferParameters.fraction(radius: radius, errorFraction: errorFraction) else { return nil }
        return Geometry(s2: cs2_polygon_buffer(handle, radius, fraction))
    }

    /// The level-`level` S2 cells covering the polygon grown by `radius` meters, nil when more than
    /// `maxCells` are needed.
    public func s2Covering(level: Int, radius: Double = 0, maxCells: Int) -> [S2CellID]? {
        guard S2CellID.levels.contains(level), radius >= 0, radius.isFinite, maxCells > 0 else { return nil }
        var out: UnsafeMutablePointer<UInt64>?
        let n = cs2_polygon_covering(handle, Int32(level), radius, Int32(maxCells), &out)
        return S2CellID.adopt(out, count: n)
    }

    static func withHandles<T>(_ polygons: [SphericalPolygon], _ body: (UnsafeBufferPointer<OpaquePointer?>) -> T) -> T
    {
        let handles: [OpaquePointer?] = polygons.map { $0.handle }
        return withExtendedLifetime(polygons) { handles.withUnsafeBufferPointer(body) }
    }
}

extension S2CellID {
    /// Takes over a malloc'ed id array from the shim.
    static func adopt(_ pointer: UnsafeMutablePointer<UInt64>?, count: Int32) -> [S2CellID]? {
        defer { free(pointer) }
        guard count >= 0, let pointer else { return nil }
        return UnsafeBufferPointer(start: pointer, count: Int(count)).map { S2CellID(unchecked: $0) }
    }
}
