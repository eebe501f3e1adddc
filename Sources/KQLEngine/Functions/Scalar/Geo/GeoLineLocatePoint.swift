import Columnar
import Geospatial

extension GeoFunctions {
    /// `geo_line_locate_point(line, lng, lat [, use_spheroid=false])`: the fraction (0…1) of a LineString's
    /// length at its point closest to the given one, along geodesics on S2's sphere, or with `use_spheroid =
    /// true` along geodesics on the WGS-84 ellipsoid (GeographicLib, `SpheroidalLine`).
    static let lineLocatePoint = GeoFunction.batch(
        "geo_line_locate_point", [.geoJSON, .real, .real, .bool], required: 3, out: .real
    ) { constant in
        let cache = singleLine(constant: constant[0])
        return { (r: [Value]) throws(FunctionError) -> Value in
            guard let spheroid = GeoArguments.bool(r, 3, default: false) else { return .null }
            // The sphere's shape also checks the line against ADX's rules for both datums.
            guard let s = cache.shape(r[0]), let p = GeoArguments.point(r[1], r[2]) else { return .null }
            guard spheroid else { return GeoArguments.value(s.locate(p)) }
            guard case .lineString(let line)? = GeoArguments.geometry(r[0]) else { return .null }
            return GeoArguments.value(SpheroidalLine.locate(line, p))
        }
    }
}
