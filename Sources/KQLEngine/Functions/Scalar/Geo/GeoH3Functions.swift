import Columnar
import Geospatial

/// The H3 cell functions. An invalid point or resolution gives the empty token (`geo_point_to_h3cell`,
/// `geo_h3cell_parent`); an invalid cell or argument elsewhere gives null.
extension GeoFunctions {
    /// `geo_point_to_h3cell(lng, lat [, resolution=6])`: the resolution 0…15 cell containing the point.
    static let pointToH3Cell = GeoFunction("geo_point_to_h3cell", [.real, .real, .integer], required: 2, out: .string) {
        r in
        guard let p = GeoArguments.point(r[0], r[1]), let res = GeoArguments.integer(r, 2, default: 6),
            let cell = H3Cell(containing: p, resolution: res)
        else { return .string("") }
        return .string(cell.string)
    }

    /// `geo_h3cell_to_central_point(h3cell)`: the cell's centre as a GeoJSON point.
    static let h3CellToCentralPoint = GeoFunction("geo_h3cell_to_central_point", [.string], out: .dynamic) { r in
        GeoArguments.value(H3Cell(string: GeoArguments.text(r[0]))?.center)
    }

    /// `geo_h3cell_to_polygon(h3cell)`: the cell's boundary as a GeoJSON polygon.
    static let h3CellToPolygon = GeoFunction("geo_h3cell_to_polygon", [.string], out: .dynamic) { r in
        GeoArguments.value(H3Cell(string: GeoArguments.text(r[0]))?.polygon)
    }

    /// `geo_h3cell_level(h3cell)`: the cell's resolution, 0…15.
    static let h3CellLevel = GeoFunction("geo_h3cell_level", [.string], out: .int) { r in
        guard let cell = H3Cell(string: GeoArguments.text(r[0])) else { return .null }
        return .int(Int32(cell.resolution))
    }

    /// `geo_h3cell_parent(h3cell [, resolution=level-1])`: the ancestor at resolution 0…14; "" when the
    /// resolution is out of range or finer than the cell.
    static let h3CellParent = GeoFunction("geo_h3cell_parent", [.string, .integer], required: 1, out: .string) { r in
        guard let cell = H3Cell(string: GeoArguments.text(r[0])),
            let res = GeoArguments.integer(r, 1, default: cell.resolution - 1), (0...14).contains(res),
            let parent = cell.parent(resolution: res)
        else { return .string("") }
        return .string(parent.string)
    }

    /// `geo_h3cell_children(h3cell [, resolution=level+1])`: the descendants at resolution 1…15, at most 5
    /// levels below the cell.
    static let h3CellChildren = GeoFunction("geo_h3cell_children", [.string, .integer], required: 1, out: .dynamic) {
        r in
        guard let cell = H3Cell(string: GeoArguments.text(r[0])),
            let res = GeoArguments.integer(r, 1, default: cell.resolution + 1), (1...15).contains(res)
        else { return .null }
        return GeoArguments.value(cell.children(resolution: res)?.map(\.string))
    }

    /// `geo_h3cell_neighbors(h3cell)`: the cells at grid distance 1.
    static let h3CellNeighbors = GeoFunction("geo_h3cell_neighbors", [.string], out: .dynamic) { r in
        GeoArguments.value(H3Cell(string: GeoArguments.text(r[0]))?.neighbors.map(\.string))
    }

    /// `geo_h3cell_rings(h3cell, distance)`: arrays of the cells at each grid distance 0…distance (≤ 142).
    static let h3CellRings = GeoFunction("geo_h3cell_rings", [.string, .integer], out: .dynamic) { r in
        guard let cell = H3Cell(string: GeoArguments.text(r[0])), let k = GeoArguments.integer(r[1]),
            let rings = cell.rings(k)
        else { return .null }
        return .dynamic(.array(rings.map { ring in .array(ring.map { .string($0.string) }) }))
    }
}
