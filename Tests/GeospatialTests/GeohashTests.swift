import Testing
@testable import Geospatial

/// Expected values come from ADX's geo_point_to_geohash and geo_geohash_* pages.
@Suite struct GeohashTests {
    @Test func encode() {
        #expect(Geohash.encode(GeoPoint(longitude: -80.195829, latitude: 25.802215), precision: 8) == "dhwfz15h")
        #expect(Geohash.encode(GeoPoint(longitude: -122.303404, latitude: 47.570482), precision: 5) == "c23n8")
        #expect(Geohash.encode(GeoPoint(longitude: -122.304745, latitude: 47.567052), precision: 5) == "c23n8")
        #expect(Geohash.encode(GeoPoint(longitude: -122.278156, latitude: 47.566936), precision: 5) == "c23n9")
        #expect(Geohash.encode(GeoPoint(longitude: 200, latitude: 1), precision: 8) == nil)
        #expect(Geohash.encode(GeoPoint(longitude: 1, latitude: 1), precision: 0) == nil)
        #expect(Geohash.encode(GeoPoint(longitude: 1, latitude: 1), precision: 19) == nil)
        #expect(Geohash.encode(GeoPoint(longitude: 1, latitude: 1), precision: 18)?.count == 18)
    }

    @Test func centerAndPolygon() {
        #expect(Geohash.center("sunny") == GeoPoint(longitude: 42.47314453125, latitude: 23.70849609375))
        let c = Geohash.center("sv8wzvy7")!
        #expect(close(c.latitude, 32.15620994567871) && close(c.longitude, 34.80245590209961))
        #expect(
            Geohash.polygon("dr5ru")
                == .polygon([
                    [
                        (-74.00390625, 40.7373046875), (-73.9599609375, 40.7373046875), (-73.9599609375, 40.78125),
                        (-74.00390625, 40.78125), (-74.00390625, 40.7373046875),
                    ].map { GeoPoint(longitude: $0.0, latitude: $0.1) }
                ]))
        for bad in ["a", "", "sunnyA", "1234567890123456789"] { #expect(Geohash.bounds(bad) == nil) }
    }

    @Test func neighbors() {
        #expect(Geohash.neighbors("sunny") == ["sunnt", "sunpj", "sunnx", "sunpn", "sunnv", "sunpp", "sunnz", "sunnw"])
        #expect(Geohash.neighbors("a") == nil)
        // Across the antimeridian the row wraps; on the pole row there is nothing further north.
        #expect(Geohash.neighbors("8")?.count == 8)
        #expect(Geohash.neighbors("b")?.count == 5)
    }
}
