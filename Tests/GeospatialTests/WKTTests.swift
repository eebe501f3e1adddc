import Columnar
import Testing
@testable import Geospatial
import KQLEngine

/// Expected GeoJSON comes from ADX's geo_from_wkt page.
@Suite struct WKTTests {
    static func json(_ wkt: String) -> Dynamic? {
        WKT.geometry(wkt).map { GeoJSON.node(of: $0, as: Dynamic.self) }
    }

    @Test(arguments: [
        ("POINT (1 2)", #"{"type": "Point","coordinates": [1,2]}"#),
        ("LINESTRING (1 2, 3 4)", #"{"type": "LineString", "coordinates": [[1,2],[3,4]]}"#),
        ("POLYGON ((0 0, 2 0, 2 2, 0 0))", #"{"type": "Polygon","coordinates": [[[0,0],[2,0],[2,2],[0,0]]]}"#),
        ("MULTIPOINT (1 1, 2 2, 3 3)", #"{"type": "MultiPoint","coordinates": [[1,1],[2,2],[3,3]]}"#),
        (
            "MULTILINESTRING ((1 1, 2 2, 3 3), (4 4, 5 5))",
            #"{"type":"MultiLineString","coordinates":[[[1,1],[2,2],[3,3]],[[4,4],[5,5]]]}"#
        ),
        (
            "MULTIPOLYGON (((0 0, 2 0, 2 2, 0 0)),((10 10, 12 10, 12 12, 10 10)))",
            #"{"type": "MultiPolygon","coordinates": [[[[0,0],[2,0],[2,2],[0,0]]],[[[10,10],[12,10],[12,12],[10,10]]]]}"#
        ),
        (
            "GEOMETRYCOLLECTION (POINT (1 1),LINESTRING (2 2, 3 3, 4 4),POLYGON ((10 10, 12 10, 12 12, 10 10)))",
            #"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,1]},{"type":"LineString","coordinates":[[2,2],[3,3],[4,4]]},{"type":"Polygon","coordinates":[[[10,10],[12,10],[12,12],[10,10]]]}]}"#
        ),
    ])
    func documentedConversions(wkt: String, expected: String) throws {
        // Compared as geometries, so that integer and real coordinates of equal value agree.
        let got = try #require(Self.json(wkt))
        #expect(GeoJSON.geometry(from: got) == geometry(expected))
        #expect(GeoJSON.geometry(from: got) != nil)
    }

    @Test func invalidTextIsNil() {
        for bad in [
            "LINESTRING", "POINT (300 1)", "POINT EMPTY", "CIRCLE (1 2)", "", "POINT (1 2",
            String(repeating: "GEOMETRYCOLLECTION (", count: 100_000),
        ] {
            #expect(WKT.geometry(bad) == nil)
        }
    }
}
