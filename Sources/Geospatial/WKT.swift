import CGEOS

/// Well-known text to geometry (`geo_from_wkt`), parsed by GEOS's WKT reader (Debian libgeos-dev).
/// Supported: POINT, LINESTRING, POLYGON, their MULTI forms and GEOMETRYCOLLECTION, in 2-D (Z and M
/// values are dropped); coordinates must be valid longitudes and latitudes. Everything else — a
/// syntax error, EMPTY parts, out-of-range coordinates — is nil, ADX's null.
public enum WKT {
    /// Parenthesis nesting allowed: MULTIPOLYGON needs 3, each collection level adds 1. Checked before
    /// GEOS parses, whose reader recurses per level.
    public static let maxNesting = 32

    /// The geometry of a WKT string, or nil.
    public static func geometry(_ text: String) -> Geometry? {
        var depth = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "(") { depth += 1; if depth > maxNesting { return nil } }
            if byte == UInt8(ascii: ")") { depth -= 1 }
        }
        guard let context = GEOS_init_r() else { return nil }
        defer { GEOS_finish_r(context) }
        guard let reader = GEOSWKTReader_create_r(context) else { return nil }
        defer { GEOSWKTReader_destroy_r(context, reader) }
        guard let geometry = GEOSWKTReader_read_r(context, reader, text) else { return nil }
        defer { GEOSGeom_destroy_r(context, geometry) }
        return convert(context, geometry, depth: 0)
    }

    /// Converts a GEOS geometry; `depth` is bounded by `maxNesting` (checked on the text), so the
    /// recursion over collections is too.
    private static func convert(_ c: GEOSContextHandle_t, _ g: OpaquePointer, depth: Int) -> Geometry? {
        guard depth <= maxNesting, GEOSisEmpty_r(c, g) == 0 else { return nil }
        switch Int(GEOSGeomTypeId_r(c, g)) {
        case Int(GEOS_POINT.rawValue):
            return points(c, g).flatMap { $0.count == 1 ? .point($0[0]) : nil }
        case Int(GEOS_LINESTRING.rawValue):
            return points(c, g).map(Geometry.lineString)
        case Int(GEOS_POLYGON.rawValue):
            return rings(c, g).map(Geometry.polygon)
        case Int(GEOS_MULTIPOINT.rawValue):
            return parts(c, g) { points(c, $0).flatMap { $0.count == 1 ? $0[0] : nil } }.map(Geometry.multiPoint)
        case Int(GEOS_MULTILINESTRING.rawValue):
            return parts(c, g) { points(c, $0) }.map(Geometry.multiLineString)
        case Int(GEOS_MULTIPOLYGON.rawValue):
            return parts(c, g) { rings(c, $0) }.map(Geometry.multiPolygon)
        case Int(GEOS_GEOMETRYCOLLECTION.rawValue):
            return parts(c, g) { convert(c, $0, depth: depth + 1) }.map(Geometry.geometryCollection)
        default:
            return nil
        }
    }

    private static func parts<T>(_ c: GEOSContextHandle_t, _ g: OpaquePointer, _ body: (OpaquePointer) -> T?) -> [T]? {
        let n = GEOSGetNumGeometries_r(c, g)
        guard n > 0 else { return nil }
        var out: [T] = []
        for i in 0..<n {
            guard let part = GEOSGetGeometryN_r(c, g, i), let t = body(part) else { return nil }
            out.append(t)
        }
        return out
    }

    private static func rings(_ c: GEOSContextHandle_t, _ polygon: OpaquePointer) -> [[GeoPoint]]? {
        guard GEOSisEmpty_r(c, polygon) == 0, let shell = GEOSGetExteriorRing_r(c, polygon),
            let outer = points(c, shell)
        else { return nil }
        var out = [outer]
        let holes = GEOSGetNumInteriorRings_r(c, polygon)
        guard holes >= 0 else { return nil }
        for i in 0..<holes {
            guard let hole = GEOSGetInteriorRingN_r(c, polygon, i), let ring = points(c, hole) else { return nil }
            out.append(ring)
        }
        return out
    }

    private static func points(_ c: GEOSContextHandle_t, _ g: OpaquePointer) -> [GeoPoint]? {
        guard let sequence = GEOSGeom_getCoordSeq_r(c, g) else { return nil }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(c, sequence, &size) != 0, size > 0 else { return nil }
        var out: [GeoPoint] = []
        out.reserveCapacity(Int(size))
        for i in 0..<size {
            var x = 0.0, y = 0.0
            guard GEOSCoordSeq_getXY_r(c, sequence, i, &x, &y) != 0 else { return nil }
            let p = GeoPoint(longitude: x, latitude: y)
            guard p.isValid else { return nil }
            out.append(p)
        }
        return out
    }
}
