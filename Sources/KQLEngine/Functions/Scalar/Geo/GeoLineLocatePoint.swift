import Columnar
import Geospatial

extension GeoFunctions {
    /// `geo_line_locate_point(line, lng, lat [, use_spheroid=false])`: the fraction (0…1) of a LineString's
    /// length at its point closest to the given one, along geodesics on S2's sphere.
    ///
    /// `use_spheroid = true` (geodesics on the WGS-84 ellipsoid) is refused by name rather than answered
    /// on the sphere: the fraction would differ in the digits ADX prints, and silently so.
    static let lineLocatePoint = GeoFunction.batch(
        "geo_line_locate_point", [.geoJSON, .real, .real, .bool], required: 3, out: .real
    ) { constant in
        let cache = singleLine(constant: constant[0])
        return { (r: [Value]) throws(FunctionError) -> Value in
            guard let spheroid = GeoArguments.bool(r, 3, default: false) else { return .null }
            if spheroid {
                throw FunctionError(
                    .unsupported, "geo_line_locate_point() with use_spheroid = true is not supported yet",
                    argument: 3, hint: "omit use_spheroid (or pass false) to locate along geodesics on the sphere")
            }
            guard let s = cache.shape(r[0]), let p = GeoArguments.point(r[1], r[2]) else { return .null }
            return GeoArguments.value(s.locate(p))
        }
    }
}
