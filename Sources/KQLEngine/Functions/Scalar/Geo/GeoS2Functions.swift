import Columnar
import Geospatial

/// The S2 cell functions: a point's cell token, a token's centre, polygon and neighbours. An invalid
/// point or level gives the empty token; an invalid token gives null.
extension GeoFunctions {
    /// `geo_point_to_s2cell(lng, lat [, level=11])`: the token of the level 0…30 cell containing the point.
    static let pointToS2Cell = GeoFunction("geo_point_to_s2cell", [.real, .real, .integer], required: 2, out: .string) {
        r in
        guard let p = GeoArguments.point(r[0], r[1]), let level = GeoArguments.integer(r, 2, default: 11),
            let cell = S2CellID(containing: p, level: level)
        else { return .string("") }
        return .string(cell.token)
    }

    /// `geo_s2cell_to_central_point(token)`: the cell's centre as a GeoJSON point.
    static let s2CellToCentralPoint = GeoFunction("geo_s2cell_to_central_point", [.string], out: .dynamic) { r in
        GeoArguments.value(S2CellID(token: GeoArguments.text(r[0]))?.center)
    }

    /// `geo_s2cell_to_polygon(token)`: the cell as a GeoJSON polygon (geodesic edges).
    static let s2CellToPolygon = GeoFunction("geo_s2cell_to_polygon", [.string], out: .dynamic) { r in
        GeoArguments.value(S2CellID(token: GeoArguments.text(r[0]))?.polygon)
    }

    /// `geo_s2cell_neighbors(token)`: the tokens of the same-level cells sharing an edge or a vertex.
    static let s2CellNeighbors = GeoFunction("geo_s2cell_neighbors", [.string], out: .dynamic) { r in
        GeoArguments.value(S2CellID(token: GeoArguments.text(r[0]))?.neighbors.map(\.token))
    }
}
