import Columnar
import Geospatial

/// KQL's `dynamic` as the GeoJSON value the geospatial library reads and writes: bags are objects,
/// arrays are arrays, numbers (long, real, decimal) are numbers.
///
/// ADX's geo functions return GeoJSON as if parsed from JSON text: a whole coordinate is a long (the
/// pages print `geo_from_wkt("POINT (1 2)")` as `[1,2]` and `tostring(geo_line_densify(...))` as
/// `[[50,50],[50.125,50.125],...]`), any other a real.
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
        case .decimal(let d): Numeric.double(d)
        default: nil
        }
    }

    public var geoJSONString: String? {
        guard case .string(let s) = self else { return nil }
        return s
    }

    public static func geoJSON(number: Double) -> Dynamic {
        // Whole numbers within ±2^53 are exactly representable both ways.
        if number == number.rounded(), abs(number) <= 9_007_199_254_740_992 { return .long(Int64(number)) }
        return .real(number)
    }
    public static func geoJSON(string: String) -> Dynamic { .string(string) }
    public static func geoJSON(array: [Dynamic]) -> Dynamic { .array(array) }
    public static func geoJSON(object: [(String, Dynamic)]) -> Dynamic { .bag(PropertyBag(object)) }
}
