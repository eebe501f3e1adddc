import Testing
@testable import Geospatial

/// Expected values come from the examples of ADX's geo_point_to_s2cell, geo_s2cell_to_central_point,
/// geo_s2cell_to_polygon and geo_s2cell_neighbors pages.
@Suite struct S2CellIDTests {
    @Test func pointToToken() {
        #expect(S2CellID(containing: GeoPoint(longitude: -80.195829, latitude: 25.802215), level: 8)?.token == "88d9b")
        #expect(S2CellID(containing: GeoPoint(longitude: 10.1234, latitude: 53), level: 8)?.token == "47b1d")
        #expect(S2CellID(containing: GeoPoint(longitude: 10.3579, latitude: 53), level: 8)?.token == "47b1d")
        #expect(S2CellID(containing: GeoPoint(longitude: 10.6842, latitude: 53), level: 8)?.token == "47ae3")
    }

    @Test func invalidInputsGiveNil() {
        #expect(S2CellID(containing: GeoPoint(longitude: 300, latitude: 1), level: 8) == nil)
        #expect(S2CellID(containing: GeoPoint(longitude: 1, latitude: 1), level: 35) == nil)
        #expect(S2CellID(containing: GeoPoint(longitude: 1, latitude: 1), level: -1) == nil)
        #expect(S2CellID(containing: GeoPoint(longitude: .nan, latitude: 1), level: 5) == nil)
        #expect(S2CellID(token: "a") == nil)
        #expect(S2CellID(token: "") == nil)
        #expect(S2CellID(token: "12345678901234567") == nil)
        #expect(S2CellID(token: "zz") == nil)
    }

    @Test func tokenRoundTripsEveryLevel() {
        let p = GeoPoint(longitude: -73.99, latitude: 40.73)
        for level in 0...30 {
            let cell = S2CellID(containing: p, level: level)!
            #expect(cell.level == level)
            #expect(S2CellID(token: cell.token) == cell)
        }
    }

    @Test func centralPoint() {
        let c = S2CellID(token: "1234567")!.center
        #expect(abs(c.longitude - 9.86830731850408) < 1e-12)
        #expect(abs(c.latitude - 27.468392925827604) < 1e-12)
    }

    @Test func polygon() {
        guard case .polygon(let rings) = S2CellID(token: "89c259")!.polygon else {
            Issue.record("not a polygon"); return
        }
        let expected: [(Double, Double)] = [
            (-74.030012249838478, 40.8012684339439), (-74.030012249838478, 40.7222262918358),
            (-73.935982114337421, 40.708880489804564), (-73.935982114337421, 40.787917134506841),
            (-74.030012249838478, 40.8012684339439),
        ]
        #expect(rings.count == 1 && rings[0].count == 5)
        for (p, e) in zip(rings[0], expected) {
            #expect(abs(p.longitude - e.0) < 1e-12 && abs(p.latitude - e.1) < 1e-12)
        }
    }

    @Test func faceCellsHaveNeighborsToo() {
        for face in 0..<6 {
            let cell = S2CellID(raw: (UInt64(face) << 61) | (1 << 60))!
            #expect(cell.level == 0)
            #expect(cell.neighbors.count == 4)
        }
    }

    @Test func neighbors() {
        // The documented set; ADX lists it in an order of its own, so the comparison is by set.
        let tokens = S2CellID(token: "89c259")!.neighbors.map(\.token)
        #expect(tokens.count == 8)
        #expect(Set(tokens) == ["89c25d", "89c2f9", "89c251", "89c257", "89c25f", "89c25b", "89c2f7", "89c2f5"])
    }
}
