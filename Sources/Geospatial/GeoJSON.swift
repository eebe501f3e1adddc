/// Reading and writing GeoJSON geometries (RFC 7946) the way ADX's geo functions do.
///
/// Reading checks structure and coordinates: `type` names the geometry, `coordinates` nests to the
/// right depth, every position is an array of at least two numbers (longitude, latitude; extra
/// elements such as altitude are ignored) within range. Shape rules (rings closed with at least four
/// positions, lines with at least two) are checked by `polygonRings`/`lineStrings` and the shape
/// constructors, because which ones apply depends on the function. Anything else is nil: ADX answers
/// null for invalid input rather than failing the query.
public enum GeoJSON {
    /// Collections nested deeper than this are rejected (nil): a `Geometry` that deep could not be
    /// written or even freed without deep recursion, and no real shape needs it.
    public static let maxCollectionNesting = 64

    /// The geometry a GeoJSON value describes, or nil when it is not a valid geometry.
    /// A `Feature` is not a geometry; collections nest without recursion on the call stack.
    public static func geometry<N: GeoJSONNode>(from node: N) -> Geometry? {
        guard let type = node.geoJSONMember("type")?.geoJSONString else { return nil }
        if type == "GeometryCollection" { return collection(node) }
        guard let coordinates = node.geoJSONMember("coordinates") else { return nil }
        switch type {
        case "Point": return position(coordinates).map(Geometry.point)
        case "MultiPoint": return positions(coordinates).map(Geometry.multiPoint)
        case "LineString": return positions(coordinates).map(Geometry.lineString)
        case "MultiLineString": return list(coordinates, positions).map(Geometry.multiLineString)
        case "Polygon": return list(coordinates, positions).map(Geometry.polygon)
        case "MultiPolygon": return list(coordinates, { list($0, positions) }).map(Geometry.multiPolygon)
        default: return nil
        }
    }

    /// A GeometryCollection, walked with an explicit stack so that a deeply nested input cannot
    /// exhaust the call stack.
    private static func collection<N: GeoJSONNode>(_ root: N) -> Geometry? {
        typealias Frame = CollectionFrame<N>
        guard let items = root.geoJSONMember("geometries")?.geoJSONElements else { return nil }
        var stack = [Frame(items: items, next: 0, done: [])]
        while true {
            let top = stack.count - 1
            if stack[top].next == stack[top].items.count {
                let finished = Geometry.geometryCollection(stack.removeLast().done)
                if stack.isEmpty { return finished }
                stack[stack.count - 1].done.append(finished)
                continue
            }
            let item = stack[top].items[stack[top].next]
            stack[top].next += 1
            if item.geoJSONMember("type")?.geoJSONString == "GeometryCollection" {
                guard stack.count < maxCollectionNesting,
                    let inner = item.geoJSONMember("geometries")?.geoJSONElements
                else { return nil }
                stack.append(Frame(items: inner, next: 0, done: []))
            } else {
                guard let g = geometry(from: item) else { return nil }
                stack[top].done.append(g)
            }
        }
    }

    private struct CollectionFrame<N> {
        var items: [N]
        var next: Int
        var done: [Geometry]
    }

    private static func position<N: GeoJSONNode>(_ node: N) -> GeoPoint? {
        guard let items = node.geoJSONElements, items.count >= 2,
            let lng = items[0].geoJSONNumber, let lat = items[1].geoJSONNumber
        else { return nil }
        let p = GeoPoint(longitude: lng, latitude: lat)
        return p.isValid ? p : nil
    }

    private static func positions<N: GeoJSONNode>(_ node: N) -> [GeoPoint]? {
        list(node, position)
    }

    private static func list<N: GeoJSONNode, T>(_ node: N, _ element: (N) -> T?) -> [T]? {
        guard let items = node.geoJSONElements else { return nil }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard let e = element(item) else { return nil }
            out.append(e)
        }
        return out
    }

    // MARK: Writing

    /// The GeoJSON value of a geometry: `{"type": …, "coordinates": …}` (or `geometries`).
    public static func node<N: GeoJSONNode>(of geometry: Geometry, as: N.Type = N.self) -> N {
        switch geometry {
        case .point(let p): return object("Point", point(p))
        case .multiPoint(let ps): return object("MultiPoint", .geoJSON(array: ps.map(point)))
        case .lineString(let ps): return object("LineString", .geoJSON(array: ps.map(point)))
        case .multiLineString(let ls):
            return object("MultiLineString", .geoJSON(array: ls.map { .geoJSON(array: $0.map(point)) }))
        case .polygon(let rs): return object("Polygon", rings(rs))
        case .multiPolygon(let ps): return object("MultiPolygon", .geoJSON(array: ps.map(rings)))
        case .geometryCollection(let gs):
            // Nesting is bounded by `maxCollectionNesting` for read geometries and is one level in results.
            return .geoJSON(object: [
                ("type", .geoJSON(string: "GeometryCollection")),
                ("geometries", .geoJSON(array: gs.map { node(of: $0) })),
            ])
        }
        func point(_ p: GeoPoint) -> N {
            .geoJSON(array: [.geoJSON(number: p.longitude), .geoJSON(number: p.latitude)])
        }
        func rings(_ rs: [[GeoPoint]]) -> N { .geoJSON(array: rs.map { .geoJSON(array: $0.map(point)) }) }
        func object(_ type: String, _ coordinates: N) -> N {
            .geoJSON(object: [("type", .geoJSON(string: type)), ("coordinates", coordinates)])
        }
    }

    /// A GeoJSON Point value, as the functions returning a point give it.
    public static func pointNode<N: GeoJSONNode>(_ p: GeoPoint, as: N.Type = N.self) -> N {
        node(of: .point(p))
    }
}
