import Testing
@testable import Geospatial

/// Expected values come from ADX's geo_point_to_h3cell / geo_h3cell_* pages and from test vectors of
/// the H3 specification (Resources/h3).
@Suite struct H3CellTests {
    @Test func pointToCell() {
        #expect(
            H3Cell(containing: GeoPoint(longitude: -74.04450446039874, latitude: 40.689250859314974), resolution: 6)?
                .string == "862a1072fffffff")
        #expect(
            H3Cell(containing: GeoPoint(longitude: -73.956683, latitude: 40.807907), resolution: 5)?.string
                == "852a100bfffffff")
        #expect(
            H3Cell(containing: GeoPoint(longitude: -73.916869, latitude: 40.818314), resolution: 5)?.string
                == "852a100bfffffff")
        #expect(
            H3Cell(containing: GeoPoint(longitude: -73.989148, latitude: 40.743273), resolution: 5)?.string
                == "852a1073fffffff")
        #expect(H3Cell(containing: GeoPoint(longitude: 300, latitude: 1), resolution: 8) == nil)
        #expect(H3Cell(containing: GeoPoint(longitude: 1, latitude: 1), resolution: 16) == nil)
    }

    @Test func levelAndValidity() {
        #expect(H3Cell(string: "862a1072fffffff")?.resolution == 6)
        #expect(H3Cell(containing: GeoPoint(longitude: 1, latitude: 1), resolution: 10)?.resolution == 10)
        for bad in ["abc", "123", "1", "@", "", "862a1072ffffff0"] { #expect(H3Cell(string: bad) == nil) }
    }

    @Test func center() {
        #expect(close(H3Cell(string: "862a1072fffffff")!.center, -74.016008479792447, 40.7041679083504))
    }

    @Test func polygon() {
        let ring = H3Cell(string: "862a1072fffffff")!.boundary
        let expected: [(Double, Double)] = [
            (-74.0022744646159, 40.735376026215022), (-74.046908029686236, 40.727986222489115),
            (-74.060610712223664, 40.696775140349033), (-74.029724408156682, 40.672970047595463),
            (-73.985140983708192, 40.680349049267583), (-73.971393761028622, 40.71154393543933),
        ]
        #expect(ring.count == 6)
        for (p, e) in zip(ring, expected) { #expect(close(p, e.0, e.1)) }
    }

    @Test func parent() {
        let cell = H3Cell(string: "862a1072fffffff")!
        #expect(cell.parent(resolution: 5)?.string == "852a1073fffffff")
        #expect(cell.parent(resolution: 1)?.string == "812a3ffffffffff")
        #expect(cell.parent(resolution: 15) == nil)
        #expect(cell.parent(resolution: 100) == nil)
    }

    @Test func children() {
        let cell = H3Cell(string: "862a1072fffffff")!
        #expect(
            cell.children(resolution: 7)?.map(\.string) == [
                "872a10728ffffff", "872a10729ffffff", "872a1072affffff", "872a1072bffffff",
                "872a1072cffffff", "872a1072dffffff", "872a1072effffff",
            ])
        #expect(cell.children(resolution: 9)?.count == 343)
        #expect(cell.children(resolution: 5) == nil)
        // > 5 levels
        #expect(H3Cell(containing: GeoPoint(longitude: 1, latitude: 1), resolution: 9)!.children(resolution: 15) == nil)
        #expect(H3Cell(string: "861f8894fffffff")!.rings(150) == nil)
        #expect(H3Cell(string: "861f8894fffffff")!.rings(-1) == nil)
    }

    @Test func neighborsAndRings() {
        #expect(
            H3Cell(string: "862a1072fffffff")!.neighbors.map(\.string)
                == [
                    "862a10727ffffff", "862a10707ffffff", "862a1070fffffff", "862a10777ffffff", "862a100dfffffff",
                    "862a100d7ffffff",
                ])
        let rings = H3Cell(string: "861f8894fffffff")!.rings(2)?.map { $0.map(\.string) }
        #expect(
            rings == [
                ["861f8894fffffff"],
                [
                    "861f88947ffffff", "861f8895fffffff", "861f88867ffffff", "861f8d497ffffff", "861f8d4b7ffffff",
                    "861f8896fffffff",
                ],
                [
                    "861f88967ffffff", "861f88977ffffff", "861f88957ffffff", "861f8882fffffff", "861f88877ffffff",
                    "861f88847ffffff",
                    "861f8886fffffff", "861f8d49fffffff", "861f8d487ffffff", "861f8d4a7ffffff", "861f8d59fffffff",
                    "861f8d597ffffff",
                ],
            ])
    }

    /// The 122 resolution-0 cells tile the sphere: their areas add up to 4πR² (H3's radius).
    @Test func resolution0CellsTileTheSphere() {
        let cells = (0..<122).map { H3Cell(raw: H3Cell.withBaseCell(H3Cell.initial(res: 0), $0))! }
        let total = cells.reduce(0) { $0 + $1.area }
        let r = H3Cell.earthRadiusKm * 1000
        #expect(abs(total - 4 * Double.pi * r * r) / (4 * Double.pi * r * r) < 1e-9)
        #expect(cells.filter(\.isPentagon).count == 12)
    }

    @Test func pentagonNeighborsAreFive() {
        // Base cell 4 is a pentagon: its resolution-0 cell has five neighbours.
        let pentagon = H3Cell(raw: H3Cell.withBaseCell(H3Cell.initial(res: 0), 4))!
        #expect(pentagon.isPentagon)
        #expect(pentagon.neighbors.count == 5)
        #expect(pentagon.boundary.count == 5)
        #expect(pentagon.children(resolution: 1)?.count == 6)
    }
}

@Suite struct H3PolyfillTests {
    @Test func documentedPolygon() {
        let ring = [(-3.659, 40.553), (-3.913, 40.409), (-3.729, 40.273), (-3.524, 40.440), (-3.659, 40.553)].map {
            GeoPoint(longitude: $0.0, latitude: $0.1)
        }
        // The documented set (ADX lists it in an order of its own).
        let cells = H3Polyfill.cells([[ring]], resolution: 6)?.map(\.string)
        #expect(cells?.count == 13)
        #expect(
            Set(cells ?? []) == [
                "86390cb57ffffff", "86390cb0fffffff", "86390ca27ffffff", "86390cb87ffffff", "86390cb07ffffff",
                "86390ca2fffffff", "86390ca37ffffff", "86390cb17ffffff", "86390cb1fffffff", "86390cb8fffffff",
                "86390cba7ffffff", "86390ca07ffffff", "86390cbafffffff",
            ])
        #expect(H3Polyfill.cells([[ring]], resolution: 16) == nil)
    }

    @Test func tooManyCellsIsNil() {
        let ring = [(0.0, 0.0), (0.0, 50.0), (100.0, 50.0), (0.0, 0.0)].map {
            GeoPoint(longitude: $0.0, latitude: $0.1)
        }
        #expect(H3Polyfill.cells([[ring]], resolution: 10) == nil)
        #expect(H3Polyfill.cells([[ring]], resolution: 15) == nil)
    }
}
