/// A GeoJSON geometry as ADX's geo functions take and return it: coordinates are longitude first,
/// rings are closed (first point repeated last), a polygon's first ring is its shell and the rest holes.
public indirect enum Geometry: Sendable, Hashable {
    case point(GeoPoint)
    case multiPoint([GeoPoint])
    case lineString([GeoPoint])
    case multiLineString([[GeoPoint]])
    case polygon([[GeoPoint]])
    case multiPolygon([[[GeoPoint]]])
    case geometryCollection([Geometry])

    /// The GeoJSON `type` member of this geometry.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// The empty result ADX returns when two shapes do not intersect.
    public static let empty = Geometry.geometryCollection([])

    /// Polygons of this geometry (a Polygon or MultiPolygon), or nil for other kinds.
    public var polygons: [[[GeoPoint]]]? {
        switch self {
        case .polygon(let rings): [rings]
        case .multiPolygon(let polygons): polygons
        default: nil
        }
    }

    /// Lines of this geometry (a LineString or MultiLineString), or nil for other kinds.
    public var lines: [[GeoPoint]]? {
        switch self {
        case .lineString(let line): [line]
        case .multiLineString(let lines): lines
        default: nil
        }
    }
}
