import Testing
@testable import Geospatial

/// Expected numbers come from the examples of ADX's polygon function pages.
@Suite struct SphericalPolygonTests {
    static let centralPark =
        #"{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]}"#
    static let twoParks =
        #"{"type":"MultiPolygon","coordinates":[[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]],[[[-73.94262313842773,40.775991804565585],[-73.98107528686523,40.791849155467695],[-73.99600982666016,40.77092185281977],[-73.96150588989258,40.75609977566361],[-73.94262313842773,40.775991804565585]]]]}"#
    static let nyc =
        #"{"type":"Polygon","coordinates":[[[-73.85009765625,40.85744791303121],[-74.16046142578125,40.84290487729676],[-74.190673828125,40.59935608796518],[-73.83087158203125,40.61812224225511],[-73.85009765625,40.85744791303121]]]}"#

    @Test func area() {
        #expect(close(sphericalPolygon(Self.centralPark)!.area, 3475207.28346606))
        #expect(close(sphericalPolygon(Self.twoParks)!.area, 10889971.5343487))
    }

    @Test func perimeter() {
        #expect(close(sphericalPolygon(Self.centralPark)!.perimeter, 9930.30149604938))
        #expect(close(sphericalPolygon(Self.twoParks)!.perimeter, 15943.5384578745))
    }

    @Test func centroid() {
        #expect(close(sphericalPolygon(Self.centralPark)!.centroid, -73.965735689907618, 40.782550538057812))
        #expect(close(sphericalPolygon(Self.twoParks)!.centroid, -73.968569587829577, 40.776310752555119))
    }

    @Test func containsPoint() {
        let p = sphericalPolygon(Self.nyc)!
        #expect(p.contains(GeoPoint(longitude: -73.95, latitude: 40.75)))
        #expect(!p.contains(GeoPoint(longitude: -122.3, latitude: 47.6)))
    }

    @Test func distanceAndClosestPoint() {
        let p = sphericalPolygon(Self.centralPark)!
        #expect(close(p.distance(to: GeoPoint(longitude: -73.9839, latitude: 40.7705)), 259.940756070596))
        #expect(
            close(
                p.closestPoint(to: GeoPoint(longitude: -73.9839, latitude: 40.7705)), -73.981205580153926,
                40.769359452843211))
        #expect(p.distance(to: GeoPoint(longitude: -73.9657, latitude: 40.7825)) == 0)
    }

    @Test func invalidPolygonsAreNil() {
        #expect(sphericalPolygon(#"{"type":"Polygon","coordinates":[[[0,0],[10,10],[10,10],[0,0]]]}"#) == nil)
        #expect(sphericalPolygon(#"{"type":"Polygon","coordinates":[[[5,48],[5,48]]]}"#) == nil)
        #expect(sphericalPolygon(#"{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0]]]}"#) == nil)  // not closed
        #expect(sphericalPolygon(#"{"type":"Polygon","coordinates":[]}"#) == nil)
        #expect(sphericalPolygon(#"{"type":"Polygon"}"#) == nil)
        #expect(sphericalPolygon(#"{"type":"p"}"#) == nil)
        #expect(
            sphericalPolygon(#"{"type":"Polygon","coordinates":[[[10,900],[11,10],[11,11],[10,11],[10,10]]]}"#) == nil)
        // A hole crossing its shell.
        #expect(
            sphericalPolygon(
                #"{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[5,5],[15,5],[15,6],[5,6],[5,5]]]}"#
            ) == nil)
        // A bow tie crosses itself.
        #expect(sphericalPolygon(#"{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}"#) == nil)
    }

    @Test func ringOrientationDoesNotMatter() {
        let ccw = sphericalPolygon(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}"#)!
        let cw = sphericalPolygon(#"{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}"#)!
        #expect(close(ccw.area, cw.area))
        #expect(cw.contains(GeoPoint(longitude: 0.5, latitude: 0.5)))
    }

    @Test func holeExcludesPoints() {
        let p = sphericalPolygon(
            #"{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[4,6],[6,6],[6,4],[4,4]]]}"#)!
        #expect(!p.contains(GeoPoint(longitude: 5, latitude: 5)))
        #expect(p.contains(GeoPoint(longitude: 2, latitude: 2)))
    }

    @Test func intersection() {
        let a = sphericalPolygon(#"{"type":"Polygon","coordinates":[[[2,45],[0,45],[1,44],[2,45]]]}"#)!
        let b = sphericalPolygon(#"{"type":"Polygon","coordinates":[[[3,44],[2,45],[2,43],[3,44]]]}"#)!
        #expect(a.intersects(b))
        #expect(a.intersection(b) == .point(GeoPoint(longitude: 2, latitude: 45)))
        let c = sphericalPolygon(#"{"type":"Polygon","coordinates":[[[3,44],[3,45],[2,43],[3,44]]]}"#)!
        #expect(!a.intersects(c))
        #expect(a.intersection(c) == .empty)
    }

    @Test func intersectionPolygon() {
        let a = sphericalPolygon(
            #"{"type":"Polygon","coordinates":[[[-73.9630937576294,40.77498840732385],[-73.963565826416,40.774383111780914],[-73.96205306053162,40.773745311181585],[-73.96160781383514,40.7743912365898],[-73.9630937576294,40.77498840732385]]]}"#
        )!
        let b = sphericalPolygon(
            #"{"type":"Polygon","coordinates":[[[-73.96213352680206,40.775045280447145],[-73.9631313085556,40.774578106920345],[-73.96207988262177,40.77416780398293],[-73.96213352680206,40.775045280447145]]]}"#
        )!
        guard case .polygon(let rings) = a.intersection(b) else { Issue.record("not a polygon"); return }
        let expected: [(Double, Double)] = [
            (-73.962105776437156, 40.774591360999679), (-73.962642403166868, 40.774807020251778),
            (-73.9631313085556, 40.774578106920352), (-73.962079882621765, 40.774167803982927),
        ]
        #expect(rings.count == 1 && rings[0].count == 5)
        for e in expected {
            #expect(rings[0].contains { close($0, e.0, e.1, digits: 10) })
        }
    }

    @Test func union() {
        let parts = [
            #"{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.98201,40.76825],[-73.97317,40.76455],[-73.9495,40.7969]]]}"#,
            #"{"type":"Polygon","coordinates":[[[-73.94622,40.79249],[-73.96888,40.79282],[-73.9577,40.7789],[-73.94622,40.79249]]]}"#,
        ]
        guard case .polygon(let rings) = SphericalPolygon.union(parts.map { sphericalPolygon($0)! }) else {
            Issue.record("not a polygon"); return
        }
        // ADX: 11 distinct vertices, among them the crossing points it computes.
        #expect(rings[0].count == 12)
        #expect(rings[0].contains { close($0, -73.9639277517478, 40.792748258673875, digits: 10) })
        #expect(rings[0].contains { close($0, -73.960302383706178, 40.782140794645024, digits: 10) })
    }

    @Test func simplify() {
        let p = sphericalPolygon(
            #"{"type":"Polygon","coordinates":[[[-73.94885122776031,40.79673476355657],[-73.94885927438736,40.79692258628347],[-73.94887939095497,40.79692055577034],[-73.9488673210144,40.79693476936093],[-73.94888743758202,40.79693476936093],[-73.9488834142685,40.796959135509105],[-73.94890084862709,40.79695304397289],[-73.94906312227248,40.79710736271788],[-73.94923612475395,40.7968708081794],[-73.94885122776031,40.79673476355657]]]}"#
        )!
        guard case .polygon(let rings) = SphericalPolygon.simplify([p], tolerance: 10) else {
            Issue.record("not a polygon"); return
        }
        #expect(rings[0].count == 4)
        for e in [
            (-73.948851227760315, 40.796734763556572), (-73.949063122272477, 40.797107362717881),
            (-73.949236124753952, 40.7968708081794),
        ] {
            #expect(rings[0].contains { close($0, e.0, e.1, digits: 10) })
        }
        let big = sphericalPolygon(#"{"type":"Polygon","coordinates":[[[5,48],[0,50],[0,47],[4,47],[5,48]]]}"#)!
        #expect(SphericalPolygon.simplify([big], tolerance: 1_000_000) == nil)
    }

    @Test func covering() {
        let p = sphericalPolygon(#"{"type":"Polygon","coordinates":[[[0,0],[0,50],[100,50],[0,0]]]}"#)!
        #expect(p.s2Covering(level: 5, maxCells: 65536)?.count == 286)
        #expect(p.s2Covering(level: 30, maxCells: 65536) == nil)
    }

    @Test func buffer() {
        let p = sphericalPolygon(
            #"{"type":"Polygon","coordinates":[[[139.813757,35.719666],[139.72558,35.71813],[139.727471,35.653231],[139.818721,35.657264],[139.813757,35.719666]]]}"#
        )!
        guard let buffered = p.buffer(radius: 10000, errorFraction: 10.0 / 10000),
            let grown = SphericalPolygon(buffered)
        else {
            Issue.record("no buffer"); return
        }
        #expect(grown.area > p.area)
        // Every point 9.9 km off the polygon is inside the buffer, every point 10.1 km off is not.
        #expect(grown.contains(GeoPoint(longitude: 139.818721 + 9.9 / 90.4, latitude: 35.657264)))
        #expect(!grown.contains(GeoPoint(longitude: 139.818721 + 10.3 / 90.4, latitude: 35.657264)))
    }
}
