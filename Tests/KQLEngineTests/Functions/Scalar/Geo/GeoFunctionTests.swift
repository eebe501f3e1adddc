import Columnar
import Geospatial
import Testing
@testable import KQLEngine

/// The geo wrappers' internals: the per-batch shape cache, and that a column of shapes and a constant
/// shape give the same answers (the cache must never hand one row's shape to another).
@Suite struct GeoFunctionTests {
    static let square = Dynamic.bag(
        PropertyBag([
            ("type", .string("Polygon")),
            (
                "coordinates",
                .array([
                    .array(
                        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]].map { p in .array(p.map { .long(Int64($0)) }) })
                ])
            ),
        ]))
    static let farSquare = Dynamic.bag(
        PropertyBag([
            ("type", .string("Polygon")),
            (
                "coordinates",
                .array([
                    .array(
                        [[20, 20], [30, 20], [30, 30], [20, 30], [20, 20]].map { p in .array(p.map { .long(Int64($0)) })
                        })
                ])
            ),
        ]))

    @Test func aVaryingCacheRebuildsWhenTheValueChanges() {
        var built = 0
        let cache = ShapeCache<Int>(constant: false) { _ in
            built += 1; return built
        }
        #expect(cache.shape(.dynamic(Self.square)) == 1)
        #expect(cache.shape(.dynamic(Self.square)) == 1)
        #expect(cache.shape(.dynamic(Self.farSquare)) == 2)
        #expect(cache.shape(.dynamic(Self.square)) == 3)
        #expect(cache.shape(.string("not dynamic")) == nil)
        #expect(built == 3)
    }

    @Test func aConstantCacheBuildsOnce() {
        var built = 0
        let cache = ShapeCache<Int>(constant: true) { _ in
            built += 1; return built
        }
        for _ in 0..<5 { #expect(cache.shape(.dynamic(Self.square)) == 1) }
        #expect(built == 1)
    }

    @Test func anInvalidShapeIsRememberedAsInvalid() {
        let cache = ShapeCache.polygons(constant: false)
        let open = Dynamic.bag(PropertyBag([("type", .string("Polygon"))]))
        #expect(cache.shape(.dynamic(open)) == nil)
        #expect(cache.shape(.dynamic(Self.square)) != nil)
    }

    @Test func columnOfShapesAgreesRowByRow() throws {
        let f = try #require(FunctionRegistry.scalar(named: "geo_point_in_polygon"))
        let shapes: [Value] = [
            .dynamic(Self.square), .dynamic(Self.square), .dynamic(Self.farSquare), .dynamic(Self.square), .null,
        ]
        let column = ColumnarValue.column(Column(type: .dynamic, values: shapes))
        let result = try rows(f, [.scalar(.real(5), .real), .scalar(.real(5), .real), column], count: shapes.count)
        #expect(result == [.bool(true), .bool(true), .bool(false), .bool(true), .null])
    }

    @Test func wholeCoordinatesAreWrittenAsLongs() {
        #expect(Dynamic.geoJSON(number: 50) == .long(50))
        #expect(Dynamic.geoJSON(number: -180) == .long(-180))
        #expect(Dynamic.geoJSON(number: 50.25) == .real(50.25))
        #expect(Dynamic.geoJSON(number: 1e300) == .real(1e300))
    }
}
