import CS2

/// Planar edges to geodesics (`geo_line_densify`, `geo_polygon_densify`): GeoJSON's edges are straight
/// in longitude/latitude, S2's are great circles. Points are inserted along each planar edge until the
/// great-circle chain through them stays within a tolerance of it (S2EdgeTessellator over the plate
/// carrée projection, the tessellation ADX's results match).
public enum Densify {
    /// ADX's tolerance range in meters.
    public static let tolerances: ClosedRange<Double> = 0.1...10000
    /// ADX's limit on the points of a densified shape.
    public static let maxPoints = 10_485_760

    /// The line with intermediate points; nil when a point limit is passed. With `preserveCrossing`
    /// an edge whose longitudes differ by more than 180° is kept as the long way round (across the
    /// map), otherwise it is taken across the antimeridian.
    public static func line(_ points: [GeoPoint], tolerance: Double, preserveCrossing: Bool = false) -> [GeoPoint]? {
        guard tolerance > 0, tolerance.isFinite, points.allSatisfy(\.isValid) else { return nil }
        guard let first = points.first else { return [] }
        var out = [first]
        var buffer = [Double](repeating: 0, count: 2 * 4096)
        for (a, b) in zip(points, points.dropFirst()) {
            var bLng = b.longitude
            if !preserveCrossing {
                if bLng - a.longitude > 180 { bLng -= 360 } else if a.longitude - bLng > 180 { bLng += 360 }
            }
            var n = buffer.withUnsafeMutableBufferPointer {
                cs2_tessellate_planar_edge(a.longitude, a.latitude, bLng, b.latitude, tolerance, $0.baseAddress, 4096)
            }
            if n < 0 {
                let cap = maxPoints - out.count
                guard cap > 0 else { return nil }
                var large = [Double](repeating: 0, count: 2 * cap)
                n = large.withUnsafeMutableBufferPointer {
                    cs2_tessellate_planar_edge(
                        a.longitude, a.latitude, bLng, b.latitude, tolerance, $0.baseAddress, Int32(cap))
                }
                guard n >= 0 else { return nil }
                buffer = large
            }
            for i in 0..<Int(n) {
                out.append(GeoPoint(longitude: wrap(buffer[2 * i]), latitude: buffer[2 * i + 1]))
            }
            out.append(b)
            if out.count > maxPoints { return nil }
        }
        return out
    }

    /// Every ring of every polygon densified.
    public static func polygons(_ polygons: [[[GeoPoint]]], tolerance: Double, preserveCrossing: Bool = false)
        -> [[[GeoPoint]]]?
    {
        var total = 0
        var out: [[[GeoPoint]]] = []
        for rings in polygons {
            var dense: [[GeoPoint]] = []
            for ring in rings {
                guard let d = line(ring, tolerance: tolerance, preserveCrossing: preserveCrossing) else { return nil }
                total += d.count
                if total > maxPoints { return nil }
                dense.append(d)
            }
            out.append(dense)
        }
        return out
    }

    static func wrap(_ lng: Double) -> Double {
        if lng > 180 { return lng - 360 }
        if lng < -180 { return lng + 360 }
        return lng
    }
}
