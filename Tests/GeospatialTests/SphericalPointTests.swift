import Testing
@testable import Geospatial

/// Expected numbers come from the examples of ADX's point function pages.
@Suite struct SphericalPointTests {
    @Test func distance() {
        let d = SphericalPoint.distance(
            GeoPoint(longitude: -122.407628, latitude: 47.578557), GeoPoint(longitude: -118.275287, latitude: 34.019056)
        )
        #expect(close(d, 1546754.35197381))
    }

    @Test func spheroidDistanceIsLonger() {
        // Seattle to Los Angeles on WGS-84 (GeographicLib): the ellipsoid gives a different, finite answer.
        let d = SphericalPoint.spheroidDistance(
            GeoPoint(longitude: -122.407628, latitude: 47.578557), GeoPoint(longitude: -118.275287, latitude: 34.019056)
        )
        #expect(abs(d - 1546754.35) > 100 && abs(d - 1546754.35) < 10000)
    }

    @Test func azimuthAndAngle() {
        #expect(
            close(
                SphericalPoint.azimuth(GeoPoint(longitude: 5, latitude: 10), GeoPoint(longitude: 10, latitude: -40))!,
                3.05459939796449))
        #expect(
            SphericalPoint.azimuth(GeoPoint(longitude: 5, latitude: 10), GeoPoint(longitude: 5, latitude: 10)) == nil)
        let a = SphericalPoint.angle(
            GeoPoint(longitude: 0, latitude: 10), GeoPoint(longitude: 0, latitude: 5),
            GeoPoint(longitude: 3, latitude: -10))!
        #expect(close(a, 2.94493843406882))
        #expect(
            SphericalPoint.angle(
                GeoPoint(longitude: 0, latitude: 10), GeoPoint(longitude: 0, latitude: 10),
                GeoPoint(longitude: 3, latitude: -10)) == nil)
    }

    @Test func inCircle() {
        let center = GeoPoint(longitude: -122.317404, latitude: 47.609119)
        let inside = [(-122.317404, 47.609119), (-122.201741, 47.677084), (-122.121975, 47.671345)]
        let outside = [(-123.497688, 47.458098), (-122.443663, 47.247092)]
        for p in inside {
            #expect(SphericalPoint.inCircle(GeoPoint(longitude: p.0, latitude: p.1), center: center, radius: 18000))
        }
        for p in outside {
            #expect(!SphericalPoint.inCircle(GeoPoint(longitude: p.0, latitude: p.1), center: center, radius: 18000))
        }
        let c2 = GeoPoint(longitude: -122.100896, latitude: 47.527351)
        #expect(
            SphericalPoint.inCircle(GeoPoint(longitude: -122.143564, latitude: 47.535677), center: c2, radius: 3500))
        #expect(
            !SphericalPoint.inCircle(GeoPoint(longitude: -122.137575, latitude: 47.630683), center: c2, radius: 3500))
    }

    @Test func buffer() {
        let center = GeoPoint(longitude: -115.1745008278, latitude: 36.1497251277)
        guard let g = SphericalPoint.buffer(center, radius: 20000, errorFraction: 10.0 / 20000),
            let disk = SphericalPolygon(g)
        else {
            Issue.record("no buffer"); return
        }
        // Within tolerance (10 m) of the ideal cap's area π r² (on a sphere, slightly less).
        #expect(abs(disk.area - Double.pi * 20000 * 20000) / (Double.pi * 20000 * 20000) < 0.002)
        #expect(disk.contains(center))
    }

    @Test func densify() {
        let line = Densify.line(
            [GeoPoint(longitude: 50, latitude: 50), GeoPoint(longitude: 51, latitude: 51)], tolerance: 10)!
        // ADX prints 15 significant digits; the tessellated points agree to that precision.
        let steps = [50, 50.125, 50.25, 50.375, 50.5, 50.625, 50.75, 50.875, 51]
        #expect(line.count == steps.count)
        for (p, e) in zip(line, steps) { #expect(close(p, e, e, digits: 14)) }
        let short = [
            GeoPoint(longitude: -73.949247, latitude: 40.796860), GeoPoint(longitude: -73.973017, latitude: 40.764323),
        ]
        #expect(Densify.line(short, tolerance: 10) == short)
        let square = [(10.0, 10.0), (11, 10), (11, 11), (10, 11), (10, 10)].map {
            GeoPoint(longitude: $0.0, latitude: $0.1)
        }
        let dense = Densify.polygons([[square]], tolerance: 10)![0][0]
        let expected = [
            (10.0, 10.0), (10.25, 10), (10.5, 10), (10.75, 10), (11, 10), (11, 11), (10.75, 11), (10.5, 11),
            (10.25, 11), (10, 11), (10, 10),
        ]
        #expect(dense.count == expected.count)
        for (p, e) in zip(dense, expected) { #expect(close(p, e.0, e.1, digits: 14)) }
    }

    @Test func badParametersGiveNilNotACrash() {
        let p = GeoPoint(longitude: 10, latitude: 10)
        #expect(SphericalPoint.buffer(p, radius: -1, errorFraction: 0.01) == nil)
        #expect(SphericalPoint.buffer(p, radius: .nan, errorFraction: 0.01) == nil)
        #expect(SphericalPoint.buffer(GeoPoint(longitude: 200, latitude: 1), radius: 0.1, errorFraction: 0.01) == nil)
        #expect(SphericalPoint.buffer(p, radius: 100, errorFraction: 1e-12) != nil)  // lowered to S2's minimum
        #expect(SphericalPoint.buffer(p, radius: 100, errorFraction: 50) != nil)  // lowered below the radius
        let square = sphericalPolygon(#"{"type":"Polygon","coordinates":[[[10,10],[0,10],[0,0],[10,10]]]}"#)!
        #expect(square.buffer(radius: 0, errorFraction: 0.1) == nil)
        #expect(square.s2Covering(level: 31, maxCells: 10) == nil)
        #expect(square.s2Covering(level: 5, radius: -1, maxCells: 10) == nil)
        #expect(SphericalPolygon.simplify([square], tolerance: -0.1) == nil)
        #expect(Densify.line([p, GeoPoint(longitude: 11, latitude: 11)], tolerance: 0) == nil)
        #expect(Densify.line([GeoPoint(longitude: 300, latitude: 1), p], tolerance: 10) == nil)
    }
}
