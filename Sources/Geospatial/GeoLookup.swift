import CS2

/// An index over many polygons or line sets answering, per point, which of them contain it or lie
/// within a radius: the core of the `geo_polygon_lookup` and `geo_line_lookup` plugins. Build it once
/// for the lookup table and query it for every source row; queries are thread-safe.
public final class GeoLookup: @unchecked Sendable {
    private let handle: OpaquePointer
    /// Keeps the shapes alive: the index refers to them.
    private let shapes: [AnyObject]

    /// Indexes polygons; a query answers with their positions in `polygons`.
    public init(polygons: [SphericalPolygon]) {
        let handles: [OpaquePointer?] = polygons.map { $0.handle }
        handle = handles.withUnsafeBufferPointer { cs2_lookup_polygons($0.baseAddress, Int32($0.count)) }
        shapes = polygons
    }

    /// Indexes line sets; a query answers with their positions in `lines`.
    public init(lines: [SphericalLines]) {
        let handles: [OpaquePointer?] = lines.map { $0.handle }
        handle = handles.withUnsafeBufferPointer { cs2_lookup_lines($0.baseAddress, Int32($0.count)) }
        shapes = lines
    }

    deinit { cs2_lookup_free(handle) }

    /// Positions of the shapes that contain `point` (radius nil; polygons only, with
    /// `geo_point_in_polygon`'s semi-open boundary) or lie within `radius` meters of it (distance as
    /// `geo_distance_point_to_polygon`/`_line` measures it, the boundary included), ascending.
    public func matches(_ point: GeoPoint, radius: Double? = nil) -> [Int] {
        var small = [Int32](repeating: 0, count: 8)
        guard point.isValid, radius.map({ !$0.isNaN }) ?? true else { return [] }
        let r = radius.map { max($0, 0) } ?? -1
        var n = small.withUnsafeMutableBufferPointer {
            cs2_lookup_query(handle, point.longitude, point.latitude, r, $0.baseAddress, 8)
        }
        if n > 8 {
            small = [Int32](repeating: 0, count: Int(n))
            n = small.withUnsafeMutableBufferPointer {
                cs2_lookup_query(handle, point.longitude, point.latitude, r, $0.baseAddress, n)
            }
        }
        return small.prefix(Int(n)).map(Int.init)
    }
}
