import CGeographicLib
import CS2
import Foundation

/// Point-to-point geometry on the sphere S2Earth uses (radius 6371.01 km), the datum of ADX's
/// `geo_distance_2points`, `geo_azimuth`, `geo_angle`, `geo_point_in_circle` and `geo_point_buffer`.
/// Everything here is allocation-free except `buffer`.
public enum SphericalPoint {
    /// Earth radius in meters (S2Earth::RadiusMeters).
    public static let earthRadius = CS2_EARTH_RADIUS_METERS

    /// Central angle in radians between two points (haversine, as S2LatLng::GetDistance computes it).
    @inlinable public static func angle(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let lat1 = a.latitude * .pi / 180, lat2 = b.latitude * .pi / 180
        let dlat = sin(0.5 * (lat2 - lat1))
        let dlng = sin(0.5 * (b.longitude - a.longitude) * .pi / 180)
        let x = dlat * dlat + dlng * dlng * cos(lat1) * cos(lat2)
        return 2 * asin(min(1, x).squareRoot())
    }

    /// Shortest distance in meters on the sphere.
    @inlinable public static func distance(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        angle(a, b) * earthRadius
    }

    /// Shortest distance in meters on the WGS-84 ellipsoid (Karney's geodesic, GeographicLib): the
    /// `use_spheroid = true` form of `geo_distance_2points`.
    public static func spheroidDistance(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        cgeo_wgs84_distance(a.longitude, a.latitude, b.longitude, b.latitude)
    }

    /// Whether `p` lies within `radius` meters of `center` (a spherical cap; the boundary counts).
    @inlinable public static func inCircle(_ p: GeoPoint, center: GeoPoint, radius: Double) -> Bool {
        distance(p, center) <= radius
    }

    /// Initial bearing of the great circle from `a` to `b`, clockwise from true north, in [0, 2π);
    /// nil when the points coincide or are antipodal (no unique great circle).
    public static func azimuth(_ a: GeoPoint, _ b: GeoPoint) -> Double? {
        let lat1 = a.latitude * .pi / 180, lat2 = b.latitude * .pi / 180
        let dlng = (b.longitude - a.longitude) * .pi / 180
        let y = sin(dlng) * cos(lat2)
        let x = cos(lat1) * sin(lat2) - sin(lat1) * cos(lat2) * cos(dlng)
        let central = angle(a, b)
        guard central > 1e-15, abs(central - .pi) > 1e-12 else { return nil }
        var t = atan2(y, x)
        if t < 0 { t += 2 * .pi }
        return t >= 2 * .pi ? 0 : t
    }

    /// The clockwise angle at `p2` from the line p2→p1 to the line p2→p3, in [0, 2π); nil when two
    /// consecutive points coincide or are antipodal.
    public static func angle(_ p1: GeoPoint, _ p2: GeoPoint, _ p3: GeoPoint) -> Double? {
        guard let back = azimuth(p2, p1), let forward = azimuth(p2, p3) else { return nil }
        var t = forward - back
        if t < 0 { t += 2 * .pi }
        return t >= 2 * .pi ? t - 2 * .pi : t
    }

    /// The polygon of points within `radius` meters of `center`, its boundary within `errorFraction`
    /// × radius of the circle (S2BufferOperation).
    public static func buffer(_ center: GeoPoint, radius: Double, errorFraction: Double) -> Geometry? {
        guard center.isValid, let fraction = BufferParameters.fraction(radius: radius, errorFraction: errorFraction)
        else { return nil }
        return Geometry(s2: cs2_point_buffer(center.longitude, center.latitude, radius, fraction))
    }
}

/// The limits S2BufferOperation accepts, applied before it sees the numbers (it asserts on others).
enum BufferParameters {
    /// S2's error fraction range: at least 1e-6 of the radius (ADX: "no lower than 0.0001% of the
    /// radius"), at most the radius itself (ADX: a larger tolerance is lowered below the radius).
    static let fractions: ClosedRange<Double> = 1e-6...1

    /// The error fraction to use, nil when the radius is not a positive finite number or the fraction
    /// is not a number.
    static func fraction(radius: Double, errorFraction: Double) -> Double? {
        guard radius > 0, radius.isFinite, !errorFraction.isNaN else { return nil }
        return min(max(errorFraction, fractions.lowerBound), fractions.upperBound)
    }
}
