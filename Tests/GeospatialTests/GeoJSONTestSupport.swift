import Columnar
import Foundation
import Geospatial
// Dynamic's GeoJSONNode conformance lives in the engine (Functions/Scalar/Geo/Dynamic+GeoJSONNode.swift).
import KQLEngine

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
