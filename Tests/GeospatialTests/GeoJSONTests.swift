import Columnar
import Testing
@testable import Geospatial
import KQLEngine

/// GeoJSON reading and writing as ADX's pages define them.
@Suite struct GeoJSONTests {
    @Test func readsEveryGeometryType() {
        #expect(geometry(#"{"type":"Point","coordinates":[1,2]}"#) == .point(GeoPoint(longitude: 1, latitude: 2)))
        #expect(geometry(#"{"type":"Point","coordinates":[1,2,300]}"#) == .point(GeoPoint(longitude: 1, latitude: 2)))
        #expect(geometry(#"{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}"#)?.typeName == "MultiPoint")
        #expect(geometry(#"{"type":"LineString","coordinates":[[1,2],[3,4]]}"#)?.lines?.count == 1)
        #expect(geometry(#"{"type":"MultiLineString","coordinates":[[[1,2],[3,4]],[[5,6],[7,8]]]}"#)?.lines?.count == 2)
        #expect(geometry(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#)?.polygons?.count == 1)
        #expect(
            geometry(
                #"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}"#)?
                .polygons?.count == 2)
        #expect(
            geometry(
                #"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,1]},{"type":"GeometryCollection","geometries":[]}]}"#
            )
                == .geometryCollection([.point(GeoPoint(longitude: 1, latitude: 1)), .geometryCollection([])]))
    }

    @Test func rejectsInvalidInput() {
        for bad in [
            #"{"type":"Point","coordinates":[200,1]}"#, #"{"type":"Point","coordinates":[1,91]}"#,
            #"{"type":"Point","coordinates":[1]}"#,
            #"{"type":"Point","coordinates":["1","2"]}"#, #"{"type":"Point"}"#, #"{"coordinates":[1,2]}"#,
            #"{"type":"Circle","coordinates":[1,2]}"#,
            #"{"type":"LineString","coordinates":[[[0,0],[0,0]]]}"#, #"{"type":"Polygon","coordinates":[[0,0],[1,1]]}"#,
            #"[1,2]"#, #""Point""#,
            #"{"type":"GeometryCollection","geometries":[{"type":"Point"}]}"#,
            #"{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}"#,
        ] {
            #expect(geometry(bad) == nil, "\(bad)")
        }
    }

    /// A million nested collections are refused without recursing; 63 levels are read. (The nodes
    /// live in a flat arena; a nested `Dynamic` that deep could not even be freed without recursion.)
    @Test func deepCollectionsDoNotExhaustTheStack() {
        #expect(GeoJSON.geometry(from: ArenaNode(arena: NestedCollections(depth: 1_000_000), index: 0)) == nil)
        #expect(GeoJSON.geometry(from: ArenaNode(arena: NestedCollections(depth: 63), index: 0)) != nil)
        #expect(GeoJSON.geometry(from: ArenaNode(arena: NestedCollections(depth: 64), index: 0)) == nil)
    }

    @Test func writesLongitudeFirst() {
        let node = GeoJSON.node(of: .point(GeoPoint(longitude: -74.5, latitude: 40.25)), as: Dynamic.self)
        #expect(
            node
                == .bag(
                    PropertyBag([("type", .string("Point")), ("coordinates", .array([.real(-74.5), .real(40.25)]))])))
        let polygon = Geometry.polygon([
            [
                GeoPoint(longitude: 0, latitude: 0), GeoPoint(longitude: 1, latitude: 0),
                GeoPoint(longitude: 1, latitude: 1), GeoPoint(longitude: 0, latitude: 0),
            ]
        ])
        #expect(GeoJSON.geometry(from: GeoJSON.node(of: polygon, as: Dynamic.self)) == polygon)
    }

    @Test func intersectionOfPolygonAndMultipolygonIsACollection() {
        let a = sphericalPolygon(#"{"type":"Polygon","coordinates":[[[2,45],[0,45],[1,44],[2,45]]]}"#)!
        let b = sphericalPolygon(
            #"{"type":"MultiPolygon","coordinates":[[[[3,44],[2,45],[2,43],[3,44]]],[[[1.192,45.265],[1.005,44.943],[1.356,44.937],[1.192,45.265]]]]}"#
        )!
        guard case .geometryCollection(let parts) = a.intersection(b), parts.count == 2,
            case .point(let p) = parts[0], case .polygon(let rings) = parts[1]
        else {
            Issue.record("not a point and a polygon: \(String(describing: a.intersection(b)))"); return
        }
        #expect(p == GeoPoint(longitude: 2, latitude: 45))
        for e in [
            (1.3227075526410679, 45.003909145068739), (1.0404565374899824, 45.004356403066552), (1.005, 44.943),
            (1.356, 44.937),
        ] {
            #expect(rings[0].contains { close($0, e.0, e.1, digits: 10) })
        }
    }
}

/// A GeometryCollection nested `depth` times, stored flat: node 2i is collection i, node 2i+1 its
/// one-element `geometries` array, whose element is collection i+1.
final class NestedCollections: Sendable {
    let depth: Int
    init(depth: Int) { self.depth = depth }
}

struct ArenaNode: GeoJSONNode {
    let arena: NestedCollections
    let index: Int  // even: a collection; odd: its geometries array; -1: the string "GeometryCollection"

    func geoJSONMember(_ key: String) -> ArenaNode? {
        guard index >= 0, index % 2 == 0 else { return nil }
        switch key {
        case "type": return ArenaNode(arena: arena, index: -1)
        case "geometries": return ArenaNode(arena: arena, index: index + 1)
        default: return nil
        }
    }

    var geoJSONElements: [ArenaNode]? {
        guard index > 0, index % 2 == 1 else { return nil }
        return index / 2 < arena.depth ? [ArenaNode(arena: arena, index: index + 1)] : []
    }

    var geoJSONNumber: Double? { nil }
    var geoJSONString: String? { index == -1 ? "GeometryCollection" : nil }

    static func geoJSON(number: Double) -> ArenaNode { fatalError("read-only") }
    static func geoJSON(string: String) -> ArenaNode { fatalError("read-only") }
    static func geoJSON(array: [ArenaNode]) -> ArenaNode { fatalError("read-only") }
    static func geoJSON(object: [(String, ArenaNode)]) -> ArenaNode { fatalError("read-only") }
}
