import Testing
@testable import Geospatial

/// Expected matches come from the examples of ADX's geo_polygon_lookup and geo_line_lookup pages.
@Suite struct GeoLookupTests {
    static let locations: [(String, Double, Double)] = [
        ("Empire State Building", -73.98567337898565, 40.74842629977377),
        ("NY National Museum of Mathematics", -73.98778501496217, 40.743565232771545),
        ("Eiffel Tower", 2.294489426068907, 48.858263476169185),
        ("London", -0.13245599272019604, 51.49879464208368),
        ("Statue of Liberty", -74.04462223203123, 40.689195627512674),
    ]

    @Test func polygonLookup() {
        let polygons = [
            sphericalPolygon(
                #"{"type":"Polygon", "coordinates":[[[-73.97375470114766,40.74300078124614],[-73.98653921014294,40.75486501361894],[-73.99910622331991,40.74112695466084],[-73.97375470114766,40.74300078124614]]]}"#
            )!,
            sphericalPolygon(
                #"{"type":"Polygon","coordinates":[[[2.57564669886321,48.769567764921334],[2.420098611499384,49.05163394896812],[2.1016783119165723,48.80113794475062],[2.57564669886321,48.769567764921334]]]}"#
            )!,
        ]
        let index = GeoLookup(polygons: polygons)
        let contained = Self.locations.map { index.matches(GeoPoint(longitude: $0.1, latitude: $0.2)) }
        #expect(contained == [[0], [0], [1], [], []])
        let near = Self.locations.map { index.matches(GeoPoint(longitude: $0.1, latitude: $0.2), radius: 7000) }
        #expect(near == [[0], [0], [1], [], [0]])
    }

    @Test func lineLookup() {
        let roads = [
            sphericalLines(
                #"{"type":"LineString","coordinates":[[-73.97291864770574,40.76428551254824],[-73.99708638113894,40.73145135821781]]}"#
            )!,
            sphericalLines(
                #"{"type":"LineString","coordinates":[[-0.18756982045002246,51.50245944666557],[-0.18908519740253382,51.50544952706903]]}"#
            )!,
        ]
        let index = GeoLookup(lines: roads)
        let points = [
            (-73.98567337898565, 40.74842629977377), (-73.97713140725149, 40.752730320824895),
            (-74.04462223203123, 40.689195627512674), (-0.1885272501232862, 51.504906159672316),
        ]
        let matches = points.map { index.matches(GeoPoint(longitude: $0.0, latitude: $0.1), radius: 100) }
        #expect(matches[0] == [0])
        #expect(matches[2] == [])
        #expect(matches[3] == [1])
    }
}
