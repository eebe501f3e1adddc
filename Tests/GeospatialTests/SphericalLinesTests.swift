import Testing
@testable import Geospatial

/// Expected numbers come from the examples of ADX's line function pages.
@Suite struct SphericalLinesTests {
    static let road =
        #"{"type":"LineString","coordinates":[[-115.115385,36.229195],[-115.136995,36.200366],[-115.140252,36.192470],[-115.143558,36.188523],[-115.144076,36.181954],[-115.154662,36.174483],[-115.166431,36.176388],[-115.183289,36.175007],[-115.192612,36.176736],[-115.202485,36.173439],[-115.225355,36.174365]]}"#
    static let park =
        #"{"type":"LineString","coordinates":[[-73.95807266235352,40.800426144169315],[-73.94966125488281,40.79691751000055],[-73.97317886352539,40.764486356930334],[-73.98210525512695,40.76786669510221],[-73.96004676818848,40.7980870753293]]}"#

    @Test func length() {
        #expect(
            close(
                sphericalLines(
                    #"{"type":"LineString","coordinates":[[-73.95807266235352,40.800426144169315],[-73.94966125488281,40.79691751000055],[-73.97317886352539,40.764486356930334]]}"#
                )!.length, 4922.48016992081))
        #expect(
            close(
                sphericalLines(
                    #"{"type":"MultiLineString","coordinates":[[[-73.95798683166502,40.800556090021466],[-73.98193359375,40.76819171855746]],[[-73.94940376281738,40.79691751000055],[-73.97317886352539,40.76435634049001]]]}"#
                )!.length, 8262.24339753741))
    }

    @Test func distanceAndClosestPoint() {
        let road = sphericalLines(Self.road)!
        #expect(close(road.distance(to: GeoPoint(longitude: -115.199625, latitude: 36.210419)), 3797.88887253334))
        #expect(
            close(road.closestPoint(to: GeoPoint(longitude: -115.199625, latitude: 36.210419)), -115.192612, 36.176736))
    }

    @Test func centroid() {
        let line = sphericalLines(
            #"{"type":"LineString","coordinates":[[-73.95796, 40.80042], [-73.97317, 40.764486]]}"#)!
        #expect(close(line.centroid, -73.965567057230942, 40.782453249627416))
        #expect(close(sphericalLines(Self.park)!.centroid!.longitude, -73.9660675626837))
    }

    @Test func interpolateAndLocate() {
        let line = sphericalLines(
            #"{"type":"LineString","coordinates":[[-73.95796, 40.80042], [-73.97317, 40.764486]]}"#)!
        #expect(close(line.interpolate(fraction: 0.25), -73.961764043218281, 40.791436687257232))
        #expect(close(sphericalLines(Self.park)!.interpolate(fraction: 0.9).longitude, -73.96556545832799))
        #expect(close(line.locate(GeoPoint(longitude: -73.965, latitude: 40.792)), 0.25560135100307552))
    }

    @Test func invalidLinesAreNil() {
        #expect(sphericalLines(#"{"type":"LineString","coordinates":[[1, 1]]}"#) == nil)
        #expect(sphericalLines(#"{"type":"LineString"}"#) == nil)
        #expect(sphericalLines(#"{"type":"LineString","coordinates":[[[0,0],[0,0]]]}"#) == nil)
        #expect(sphericalLines(#"{"type":"LineString","coordinates":[[300,1],[1,1]]}"#) == nil)
    }

    @Test func lineIntersections() {
        let a = sphericalLines(#"{"type":"LineString","coordinates":[[-73.978929,40.785155],[-73.980903,40.782621]]}"#)!
        let b = sphericalLines(#"{"type":"LineString","coordinates":[[-73.985195,40.788275],[-73.974552,40.779761]]}"#)!
        #expect(a.intersects(b))
        guard case .point(let p) = a.intersection(b) else {
            Issue.record("not a point: \(String(describing: a.intersection(b)))"); return
        }
        #expect(close(p, -73.979837116670978, 40.783989289772165, digits: 11))
        guard case .lineString(let same) = a.intersection(a) else {
            Issue.record("not a line: \(String(describing: a.intersection(a)))"); return
        }
        #expect(same.count == 2)
        #expect(close(same[0], -73.978929, 40.785155))
        #expect(close(same[1], -73.980903, 40.782621))
        let c = sphericalLines(#"{"type":"LineString","coordinates":[[1, 1],[2, 2]]}"#)!
        let d = sphericalLines(#"{"type":"LineString","coordinates":[[3, 3],[4, 4]]}"#)!
        #expect(!c.intersects(d))
        #expect(c.intersection(d) == .empty)
    }

    @Test func lineWithPolygon() {
        let line = sphericalLines(
            #"{"type":"LineString","coordinates":[[-73.985195,40.788275],[-73.974552,40.779761]]}"#)!
        let polygon = sphericalPolygon(
            #"{"type":"Polygon","coordinates":[[[-73.9712905883789,40.78580561168767],[-73.98004531860352,40.775276834803655],[-73.97000312805176,40.77852663535664],[-73.9712905883789,40.78580561168767]]]}"#
        )!
        #expect(line.intersects(polygon))
        guard case .lineString(let part) = line.intersection(polygon) else { Issue.record("not a line"); return }
        #expect(part.count == 2)
        #expect(close(part[0], -73.975611956578192, 40.78060906714618, digits: 11))
        #expect(close(part[1], -73.974552, 40.779761))
        let far = sphericalLines(#"{"type":"LineString","coordinates":[[1, 1],[2, 2]]}"#)!
        #expect(far.intersection(polygon) == .empty)
    }

    @Test func multiLineIntersectionWithHole() {
        let line = sphericalLines(#"{"type":"LineString","coordinates":[[-110.522, 39.198],[-91.428, 40.880]]}"#)!
        let polygon = sphericalPolygon(
            #"{"type":"Polygon","coordinates":[[[-90.263,36.738],[-102.041,45.274],[-109.335,36.527],[-90.263,36.738]],[[-100.393,41.705],[-103.139,38.925],[-97.558,39.113],[-100.393,41.705]]]}"#
        )!
        guard case .multiLineString(let parts) = line.intersection(polygon) else {
            Issue.record("not a multiline"); return
        }
        #expect(parts.count == 2)
        let ends = parts.flatMap { $0 }
        for e in [
            (-106.89353655881905, 39.769226209776306), (-101.74448553679453, 40.373506008712525),
            (-99.136499431328858, 40.589336512699994), (-95.284527737311791, 40.799060242246348),
        ] {
            #expect(ends.contains { close($0, e.0, e.1, digits: 10) })
        }
    }

    @Test func union() {
        let lines = [
            #"{"type":"LineString","coordinates":[[-73.95683884620665,40.80502891480884],[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311]]}"#,
            #"{"type":"LineString","coordinates":[[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311],[-73.95537436008453,40.804413741624515]]}"#,
            #"{"type":"LineString","coordinates":[[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311]]}"#,
        ]
        guard case .lineString(let merged) = SphericalLines.union(lines.map { sphericalLines($0)! }) else {
            Issue.record("not a line"); return
        }
        #expect(merged.count == 4)
        #expect(close(merged[0], -73.956838846206651, 40.805028914808844))
        #expect(close(merged[3], -73.955374360084534, 40.804413741624522))
    }

    @Test func simplify() {
        let line = sphericalLines(
            #"{"type":"LineString","coordinates":[[-73.97033169865608,40.789063020152824],[-73.97039607167244,40.78897975920816],[-73.9704617857933,40.78888837512432],[-73.97052884101868,40.7887949601531],[-73.9706052839756,40.788698498903564],[-73.97065222263336,40.78862640672032],[-73.97072866559029,40.78852791445617],[-73.97079303860664,40.788434498977836]]}"#
        )!
        guard case .lineString(let simple) = line.simplify(tolerance: 10) else { Issue.record("not a line"); return }
        #expect(simple.count == 2)
        #expect(close(simple[0], -73.97033169865608, 40.789063020152824))
        #expect(close(simple[1], -73.97079303860664, 40.788434498977836))
        #expect(
            sphericalLines(#"{"type":"LineString","coordinates":[[1.1, 1.1],[1.2,1.2]]}"#)!.simplify(tolerance: 100_000)
                == nil)
    }

    @Test func bufferAndCovering() {
        let line = sphericalLines(
            #"{"type":"LineString","coordinates":[[-0.087152,51.509596],[-0.088340,51.506110]]}"#)!
        guard let buffered = line.buffer(radius: 500, errorFraction: 0.02), let region = SphericalPolygon(buffered)
        else {
            Issue.record("no buffer"); return
        }
        // London Bridge station
        #expect(region.contains(GeoPoint(longitude: -0.08492752160134387, latitude: 51.504876316440914)))
        let cells = line.s2Covering(level: 14, radius: 500, maxCells: 65536)!
        let station = S2CellID(
            containing: GeoPoint(longitude: -0.08492752160134387, latitude: 51.504876316440914), level: 14)!
        #expect(cells.contains(station))
        #expect(cells.count > line.s2Covering(level: 14, maxCells: 65536)!.count)
    }
}
