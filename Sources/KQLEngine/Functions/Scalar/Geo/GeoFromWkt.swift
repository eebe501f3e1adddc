import Columnar
import Geospatial

extension GeoFunctions {
    /// `geo_from_wkt(wkt)`: the GeoJSON of a well-known-text geometry (POINT … GEOMETRYCOLLECTION, 2-D);
    /// null for invalid or unsupported text (EMPTY, coordinates out of range).
    static let fromWkt = GeoFunction("geo_from_wkt", [.string], out: .dynamic) { r in
        GeoArguments.value(WKT.geometry(GeoArguments.text(r[0])))
    }
}
