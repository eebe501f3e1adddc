import Foundation

/// Polygon to H3 cells the way H3's `polygonToCells` (v4.1, the hash-set algorithm) does it, so that
/// both the set and the order match ADX's `geo_polygon_to_h3cells`: a cell belongs to the polygon when
/// its centre does, tested in the plane of longitude/latitude (edges are straight lines there). The
/// boundary is traced with cells, then neighbours are searched outwards until none is added. The
/// result lists cells in the order of H3's open-addressing output table. (ADX's documented example
/// has the same set in an order no table size reproduces; see docs/geospatial.md.)
public enum H3Polyfill {
    /// ADX's limit on the number of cells (`geo_polygon_to_h3cells` returns null beyond it).
    public static let maxCells = 61680

    /// Samples along the boundary beyond which the tracing is abandoned (the answer would certainly
    /// hold more cells than a query can use, and tracing would take seconds).
    static let maxBoundarySamples = 4_000_000

    /// The cells of `polygons` (closed rings, first the shell, then holes) at `resolution`; nil for an
    /// invalid resolution or when more than `maxCells` cells would be needed. Polygons of a
    /// multipolygon are filled one after the other; a cell appears once.
    public static func cells(_ polygons: [[[GeoPoint]]], resolution: Int, maxCells: Int = maxCells) -> [H3Cell]? {
        guard H3Cell.resolutions.contains(resolution) else { return nil }
        var out: [H3Cell] = []
        var seen = Set<UInt64>()
        for rings in polygons {
            guard let cells = fill(rings, res: resolution, limit: maxCells) else { return nil }
            for c in cells where seen.insert(c).inserted { out.append(H3Cell(unchecked: c)) }
            if out.count > maxCells { return nil }
        }
        return out
    }

    /// A ring in radians without its closing vertex, with its bounding box.
    struct Loop {
        var lat: [Double], lng: [Double]
        var south = Double.greatestFiniteMagnitude, north = -Double.greatestFiniteMagnitude
        var west = Double.greatestFiniteMagnitude, east = -Double.greatestFiniteMagnitude
        var transmeridian: Bool { east < west }

        init(_ ring: [GeoPoint]) {
            let open = ring.count > 1 && ring.first == ring.last ? Array(ring.dropLast()) : ring
            lat = open.map { $0.latitude * .pi / 180 }
            lng = open.map { $0.longitude * .pi / 180 }
            var minPositive = Double.greatestFiniteMagnitude, maxNegative = -Double.greatestFiniteMagnitude
            var crosses = false
            for i in 0..<lat.count {
                let next = (i + 1) % lat.count
                south = min(south, lat[i]); north = max(north, lat[i])
                west = min(west, lng[i]); east = max(east, lng[i])
                if lng[i] > 0 && lng[i] < minPositive { minPositive = lng[i] }
                if lng[i] < 0 && lng[i] > maxNegative { maxNegative = lng[i] }
                if abs(lng[i] - lng[next]) > .pi { crosses = true }
            }
            if crosses { east = maxNegative; west = minPositive }
        }

        /// Area enclosed in the longitude/latitude plane, scaled to km² at the ring's mean latitude.
        var planarAreaKm2: Double {
            var twice = 0.0
            for i in 0..<lat.count {
                let j = (i + 1) % lat.count
                twice += normalized(lng[i]) * lat[j] - normalized(lng[j]) * lat[i]
            }
            let r = H3Cell.earthRadiusKm
            return abs(twice) / 2 * cos((north + south) / 2) * r * r
        }

        func normalized(_ l: Double) -> Double { transmeridian && l < 0 ? l + 2 * .pi : l }

        /// Ray casting eastwards in the longitude/latitude plane, ties broken north and west.
        func contains(lat pointLat: Double, lng pointLng: Double) -> Bool {
            guard pointLat >= south, pointLat <= north,
                transmeridian ? (pointLng >= west || pointLng <= east) : (pointLng >= west && pointLng <= east)
            else { return false }
            var inside = false
            var y = pointLat
            var x = normalized(pointLng)
            for i in 0..<lat.count {
                let j = (i + 1) % lat.count
                var a = (lat[i], lng[i]), b = (lat[j], lng[j])
                if a.0 > b.0 { swap(&a, &b) }
                if y == a.0 || y == b.0 { y += Double.ulpOfOne }
                if y < a.0 || y > b.0 { continue }
                let aLng = normalized(a.1), bLng = normalized(b.1)
                if aLng == x || bLng == x { x -= Double.ulpOfOne }
                let ratio = (y - a.0) / (b.0 - a.0)
                let testLng = normalized(aLng + (bLng - aLng) * ratio)
                if testLng > x { inside.toggle() }
            }
            return inside
        }
    }

    /// Great-circle distance in kilometres between radian coordinates, as H3 computes it.
    static func distanceKm(_ lat1: Double, _ lng1: Double, _ lat2: Double, _ lng2: Double) -> Double {
        let sinLat = sin((lat2 - lat1) * 0.5), sinLng = sin((lng2 - lng1) * 0.5)
        let a = sinLat * sinLat + cos(lat1) * cos(lat2) * sinLng * sinLng
        return 2 * atan2(a.squareRoot(), (1 - a).squareRoot()) * H3Cell.earthRadiusKm
    }

    /// Distance from the centre to the first vertex of the resolution's first pentagon, H3's most
    /// distorted cell, which its size estimates scale by.
    static func pentagonRadiusKm(res: Int) -> Double {
        let pentagon = H3Cell(unchecked: H3Cell.withBaseCell(H3Cell.initial(res: res), 4))
        let c = pentagon.center, v = pentagon.boundary[0]
        return distanceKm(
            c.latitude * .pi / 180, c.longitude * .pi / 180, v.latitude * .pi / 180, v.longitude * .pi / 180)
    }

    /// H3's estimate of the cells a polygon needs: the size of its output table.
    static func tableSize(_ shell: Loop, vertexCount: Int, res: Int, pentagonRadius: Double) -> Int? {
        let pentagonArea = 0.8 * (2.59807621135 * pentagonRadius * pentagonRadius)
        let d = distanceKm(shell.north, shell.east, shell.south, shell.west)
        let lngDiff = abs(shell.east - shell.west), latDiff = abs(shell.north - shell.south)
        guard lngDiff != 0, latDiff != 0 else { return nil }
        let ratio = max(lngDiff, latDiff) / min(lngDiff, latDiff)
        let estimate = (d * d / min(3.0, ratio) / pentagonArea).rounded(.up)
        guard estimate.isFinite, estimate < 1e15 else { return nil }
        var n = max(Int(estimate), 1)
        n = max(n, vertexCount)
        return n + 12
    }

    /// A sparse stand-in for H3's open-addressing table of `size` slots: same probing, same final order.
    struct Table {
        let size: Int
        var slots: [Int: UInt64] = [:]

        /// Inserts `cell` unless present; returns whether it was added.
        mutating func insert(_ cell: UInt64) -> Bool {
            var slot = Int(cell % UInt64(size))
            while let occupant = slots[slot] {
                if occupant == cell { return false }
                slot = (slot + 1) % size
            }
            slots[slot] = cell
            return true
        }

        func contains(_ cell: UInt64) -> Bool {
            var slot = Int(cell % UInt64(size))
            while let occupant = slots[slot] {
                if occupant == cell { return true }
                slot = (slot + 1) % size
            }
            return false
        }

        var ordered: [UInt64] { slots.keys.sorted().map { slots[$0]! } }
    }

    static func fill(_ rings: [[GeoPoint]], res: Int, limit: Int) -> [UInt64]? {
        guard let first = rings.first, first.count >= 4 else { return nil }
        let loops = rings.map(Loop.init)
        let shell = loops[0]
        // A polygon whose area alone needs far more cells than the limit fails before any tracing.
        let averageCellKm2 = 4357449.416078381 / pow(7, Double(res))
        if shell.planarAreaKm2 / averageCellKm2 > 1.5 * Double(limit) { return nil }
        let radius = pentagonRadiusKm(res: res)
        guard
            let size = tableSize(
                shell, vertexCount: loops.reduce(0) { $0 + $1.lat.count }, res: res, pentagonRadius: radius)
        else {
            return nil
        }
        // 1. Trace every ring with cells: the search starts from them.
        var traced = Table(size: size)
        var search: [UInt64] = []
        var samples = 0
        for loop in loops {
            for i in 0..<loop.lat.count {
                let j = (i + 1) % loop.lat.count
                let dist = distanceKm(loop.lat[i], loop.lng[i], loop.lat[j], loop.lng[j])
                let steps = max(Int((dist / (2 * radius)).rounded(.up)), 1)
                samples += steps
                if samples > maxBoundarySamples { return nil }
                for s in 0..<steps {
                    let n = Double(steps), k = Double(s)
                    let lat = loop.lat[i] * (n - k) / n + loop.lat[j] * k / n
                    let lng = loop.lng[i] * (n - k) / n + loop.lng[j] * k / n
                    let r = cos(lat)
                    let fijk = FaceIJK(containing: SIMD3(cos(lng) * r, sin(lng) * r, sin(lat)), res: res)
                    guard let cell = H3Cell.index(of: fijk, res: res) else { return nil }
                    if traced.insert(cell) { search.append(cell) }
                }
            }
        }
        // 2. Grow outwards from the searched cells until no neighbour is added.
        var out = Table(size: size)
        while !search.isEmpty {
            var found: [UInt64] = []
            for cell in search {
                for candidate in (H3Cell(unchecked: cell).rings(1) ?? []).joined() {
                    let c = candidate.raw
                    if out.contains(c) { continue }
                    let center = candidate.center
                    let lat = center.latitude * .pi / 180, lng = center.longitude * .pi / 180
                    guard shell.contains(lat: lat, lng: lng),
                        !loops.dropFirst().contains(where: { $0.contains(lat: lat, lng: lng) })
                    else { continue }
                    _ = out.insert(c)
                    found.append(c)
                    if out.slots.count > limit { return nil }
                }
            }
            search = found
        }
        return out.ordered
    }
}
