/// A geographic location in degrees (WGS-84), longitude first as in GeoJSON.
public struct GeoPoint: Sendable, Hashable {
    /// Longitude in degrees, valid in [-180, 180].
    public var longitude: Double
    /// Latitude in degrees, valid in [-90, 90].
    public var latitude: Double

    /// A point from its longitude and latitude in degrees (not validated; see `isValid`).
    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }

    /// Whether both coordinates are finite and in range, the rule every ADX geo function applies.
    @inlinable public var isValid: Bool {
        longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90
    }
}
