import Columnar
import Foundation
import Geospatial

/// The conformance the engine's wrappers will use: Columnar's `Dynamic` as a GeoJSON value.
extension Dynamic: GeoJSONNode {
    public func geoJSONMember(_ key: String) -> Dynamic? {
        guard case .bag(let bag) = self else { return nil }
        return bag[key]
    }

    public var geoJSONElements: [Dynamic]? {
        guard case .array(let items) = self else { return nil }
        return items
    }

    public var geoJSONNumber: Double? {
        switch self {
        case .long(let v): Double(v)
        case .real(let v): v
        default: nil
        }
    }

    public var geoJSONString: String? {
        guard case .string(let s) = self else { return nil }
        return s
    }

    public static func geoJSON(number: Double) -> Dynamic { .real(number) }
    public static func geoJSON(string: String) -> Dynamic { .string(string) }
    public static func geoJSON(array: [Dynamic]) -> Dynamic { .array(array) }
    public static func geoJSON(object: [(String, Dynamic)]) -> Dynamic { .bag(PropertyBag(object)) }
}

/// Parses GeoJSON text from a documentation example.
func geometry(_ json: String) -> Geometry? {
    guard let node = try? Dynamic.parseJSON(json) else { return nil }
    return GeoJSON.geometry(from: node)
}

/// The polygon of GeoJSON text from a documentation example.
func sphericalPolygon(_ json: String) -> SphericalPolygon? {
    geometry(json).flatMap { SphericalPolygon($0) }
}

/// The lines of GeoJSON text from a documentation example.
func sphericalLines(_ json: String) -> SphericalLines? {
    geometry(json).flatMap { SphericalLines($0) }
}

/// Whether two numbers agree to `digits` significant digits, the precision ADX's tables print.
func close(_ a: Double, _ b: Double, digits: Int = 12) -> Bool {
    if a == b { return true }
    let scale = max(abs(a), abs(b))
    return abs(a - b) <= scale * pow(10, Double(-digits))
}

func close(_ p: GeoPoint?, _ lng: Double, _ lat: Double, digits: Int = 12) -> Bool {
    guard let p else { return false }
    return close(p.longitude, lng, digits: digits) && close(p.latitude, lat, digits: digits)
}
