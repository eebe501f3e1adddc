import Columnar
import Geospatial

/// The point-to-point functions: distances, circles, azimuths, angles and point buffers. Coordinates
/// out of range, nulls and equal/antipodal points where a direction is needed give null.
extension GeoFunctions {
    /// `geo_distance_2points(lng1, lat1, lng2, lat2 [, use_spheroid=false])`: meters on S2's sphere, or on
    /// the WGS-84 ellipsoid when `use_spheroid` is true.
    static let distance2Points = GeoFunction(
        "geo_distance_2points", [.real, .real, .real, .real, .bool], required: 4, out: .real
    ) { r in
        guard let a = GeoArguments.point(r[0], r[1]), let b = GeoArguments.point(r[2], r[3]),
            let spheroid = GeoArguments.bool(r, 4, default: false)
        else { return .null }
        return GeoArguments.value(spheroid ? SphericalPoint.spheroidDistance(a, b) : SphericalPoint.distance(a, b))
    }

    /// `geo_point_in_circle(lng, lat, center_lng, center_lat, radius)`: whether the point is in the
    /// spherical cap (boundary included); a negative radius is invalid.
    static let pointInCircle = GeoFunction("geo_point_in_circle", [.real, .real, .real, .real, .real], out: .bool) {
        r in
        guard let p = GeoArguments.point(r[0], r[1]), let c = GeoArguments.point(r[2], r[3]),
            let radius = GeoArguments.real(r[4]), radius >= 0
        else { return .null }
        return .bool(SphericalPoint.inCircle(p, center: c, radius: radius))
    }

    /// `geo_azimuth(lng1, lat1, lng2, lat2)`: radians clockwise from north, in [0, 2π).
    static let azimuth = GeoFunction("geo_azimuth", [.real, .real, .real, .real], out: .real) { r in
        guard let a = GeoArguments.point(r[0], r[1]), let b = GeoArguments.point(r[2], r[3]) else { return .null }
        return GeoArguments.value(SphericalPoint.azimuth(a, b))
    }

    /// `geo_angle(lng1, lat1, lng2, lat2, lng3, lat3)`: radians clockwise at p2 from line p2→p1 to p2→p3.
    static let angle = GeoFunction("geo_angle", [.real, .real, .real, .real, .real, .real], out: .real) { r in
        guard let a = GeoArguments.point(r[0], r[1]), let b = GeoArguments.point(r[2], r[3]),
            let c = GeoArguments.point(r[4], r[5])
        else { return .null }
        return GeoArguments.value(SphericalPoint.angle(a, b, c))
    }

    /// `geo_point_buffer(lng, lat, radius [, tolerance=10])`: the polygon of points within `radius` meters.
    static let pointBuffer = GeoFunction("geo_point_buffer", [.real, .real, .real, .real], required: 3, out: .dynamic) {
        r in
        guard let p = GeoArguments.point(r[0], r[1]), let radius = GeoArguments.real(r[2]),
            let tolerance = GeoArguments.real(r, 3, default: 10), tolerance > 0
        else { return .null }
        return GeoArguments.value(SphericalPoint.buffer(p, radius: radius, errorFraction: tolerance / radius))
    }
}
