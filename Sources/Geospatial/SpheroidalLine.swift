import CGeographicLib

/// A line whose edges are geodesics on the WGS-84 ellipsoid (GeographicLib): the `use_spheroid = true` form
/// of `geo_line_locate_point`.
public enum SpheroidalLine {
    /// The fraction (0…1) of the line's length at its point closest to `point`, found edge by edge with
    /// Karney's interception method; nil for a line without length. Positions must be valid.
    public static func locate(_ line: [GeoPoint], _ point: GeoPoint) -> Double? {
        guard line.count >= 2, line.count <= Int(Int32.max) else { return nil }
        var coords: [Double] = []
        coords.reserveCapacity(2 * line.count)
        for p in line {
            coords.append(p.longitude)
            coords.append(p.latitude)
        }
        let f = cgeo_wgs84_line_locate(coords, Int32(line.count), point.longitude, point.latitude)
        return f.isNaN ? nil : f
    }
}
