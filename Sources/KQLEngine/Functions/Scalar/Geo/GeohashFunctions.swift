import Columnar
import Geospatial

/// The geohash functions (rectangles on the plane). An invalid point or accuracy gives the empty
/// hash; an invalid hash gives null.
extension GeoFunctions {
    /// `geo_point_to_geohash(lng, lat [, accuracy=5])`: the geohash of length 1…18 containing the point.
    static let pointToGeohash = GeoFunction(
        "geo_point_to_geohash", [.real, .real, .integer], required: 2, out: .string
    ) { r in
        guard let p = GeoArguments.point(r[0], r[1]), let precision = GeoArguments.integer(r, 2, default: 5),
            let hash = Geohash.encode(p, precision: precision)
        else { return .string("") }
        return .string(hash)
    }

    /// `geo_geohash_to_central_point(geohash)`: the rectangle's centre as a GeoJSON point.
    static let geohashToCentralPoint = GeoFunction("geo_geohash_to_central_point", [.string], out: .dynamic) { r in
        GeoArguments.value(Geohash.center(GeoArguments.text(r[0])))
    }

    /// `geo_geohash_to_polygon(geohash)`: the rectangle as a GeoJSON polygon.
    static let geohashToPolygon = GeoFunction("geo_geohash_to_polygon", [.string], out: .dynamic) { r in
        GeoArguments.value(Geohash.polygon(GeoArguments.text(r[0])))
    }

    /// `geo_geohash_neighbors(geohash)`: the geohashes of the same length around it.
    static let geohashNeighbors = GeoFunction("geo_geohash_neighbors", [.string], out: .dynamic) { r in
        GeoArguments.value(Geohash.neighbors(GeoArguments.text(r[0])))
    }
}
