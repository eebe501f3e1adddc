/// A JSON-like value the GeoJSON reader and writer work on, so that the library needs no particular
/// dynamic type: the engine makes its `Dynamic` conform (the test target shows the conformance).
public protocol GeoJSONNode: SendableMetatype {
    /// The member `key` when this is an object that has it.
    func geoJSONMember(_ key: String) -> Self?
    /// The elements when this is an array.
    var geoJSONElements: [Self]? { get }
    /// The value when this is a number (integer or real).
    var geoJSONNumber: Double? { get }
    /// The value when this is a string.
    var geoJSONString: String? { get }

    /// A number value.
    static func geoJSON(number: Double) -> Self
    /// A string value.
    static func geoJSON(string: String) -> Self
    /// An array value.
    static func geoJSON(array: [Self]) -> Self
    /// An object value whose members keep the given order.
    static func geoJSON(object: [(String, Self)]) -> Self
}
