import CS2

extension Geometry {
    /// Takes over a shim result (and frees it): points, lines and polygons become the simplest GeoJSON
    /// geometry holding them — one kind gives Point/LineString/Polygon or their Multi forms, mixed
    /// kinds a GeometryCollection, nothing an empty collection. Rings come back closed.
    init?(s2 result: UnsafeMutablePointer<cs2_geometry>?) {
        guard let result else { return nil }
        defer { cs2_geometry_free(result) }
        var points: [GeoPoint] = [], lines: [[GeoPoint]] = [], polygons: [[[GeoPoint]]] = []
        let g = result.pointee
        var offset = 0
        for part in 0..<Int(g.part_count) {
            let size = Int(g.sizes[part])
            var vertices: [GeoPoint] = []
            vertices.reserveCapacity(size + 1)
            for i in 0..<size {
                vertices.append(
                    GeoPoint(longitude: g.coords[2 * (offset + i)], latitude: g.coords[2 * (offset + i) + 1]))
            }
            offset += size
            switch g.kinds[part] {
            case Int32(CS2_PART_POINT): points.append(contentsOf: vertices)
            case Int32(CS2_PART_LINE): lines.append(vertices)
            case Int32(CS2_PART_SHELL):
                if let first = vertices.first { vertices.append(first) }
                polygons.append([vertices])
            default:
                if let first = vertices.first { vertices.append(first) }
                if !polygons.isEmpty { polygons[polygons.count - 1].append(vertices) }
            }
        }
        var parts: [Geometry] = []
        if !points.isEmpty { parts.append(points.count == 1 ? .point(points[0]) : .multiPoint(points)) }
        if !lines.isEmpty { parts.append(lines.count == 1 ? .lineString(lines[0]) : .multiLineString(lines)) }
        if !polygons.isEmpty { parts.append(polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)) }
        self = parts.count == 1 ? parts[0] : .geometryCollection(parts)
    }
}
