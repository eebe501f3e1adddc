/// Geohash (Niemeyer's public-domain grid): a base-32 string whose bits alternately halve the
/// longitude and latitude ranges, longitude first. Cells are planar rectangles in degrees, precision
/// (string length) 1…18 in ADX. The cell system of `geo_point_to_geohash` and `geo_geohash_*`.
public enum Geohash {
    /// Precisions ADX accepts (default 5).
    public static let precisions: ClosedRange<Int> = 1...18

    static let alphabet: [UInt8] = Array("0123456789bcdefghjkmnpqrstuvwxyz".utf8)

    /// The value of each ASCII byte as a base-32 digit, -1 when it is not one.
    static let digitValues: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    /// The geohash of `point` at `precision` characters; nil for an invalid point or precision.
    /// A point on a cell boundary belongs to the cell above/east of it.
    public static func encode(_ point: GeoPoint, precision: Int) -> String? {
        guard point.isValid, precisions.contains(precision) else { return nil }
        var lng = (-180.0, 180.0), lat = (-90.0, 90.0)
        var even = true
        return String(unsafeUninitializedCapacity: precision) { buffer in
            for i in 0..<precision {
                var digit = 0
                for _ in 0..<5 {
                    if even {
                        let mid = (lng.0 + lng.1) / 2
                        if point.longitude >= mid {
                            digit = digit << 1 | 1; lng.0 = mid
                        } else {
                            digit <<= 1; lng.1 = mid
                        }
                    } else {
                        let mid = (lat.0 + lat.1) / 2
                        if point.latitude >= mid {
                            digit = digit << 1 | 1; lat.0 = mid
                        } else {
                            digit <<= 1; lat.1 = mid
                        }
                    }
                    even.toggle()
                }
                buffer[i] = alphabet[digit]
            }
            return precision
        }
    }

    /// The rectangle a geohash stands for (west, south, east, north in degrees); nil when the string
    /// is empty, longer than 18 characters or has a character outside the alphabet (case-sensitive).
    public static func bounds(_ hash: some StringProtocol) -> GeoRectangle? {
        let utf8 = hash.utf8
        guard precisions.contains(utf8.count) else { return nil }
        var lng = (-180.0, 180.0), lat = (-90.0, 90.0)
        var even = true
        for byte in utf8 {
            let value = digitValues[Int(byte)]
            guard value >= 0 else { return nil }
            for shift in stride(from: 4, through: 0, by: -1) {
                let bit = (Int(value) >> shift) & 1 == 1
                if even {
                    let mid = (lng.0 + lng.1) / 2
                    if bit { lng.0 = mid } else { lng.1 = mid }
                } else {
                    let mid = (lat.0 + lat.1) / 2
                    if bit { lat.0 = mid } else { lat.1 = mid }
                }
                even.toggle()
            }
        }
        return GeoRectangle(west: lng.0, south: lat.0, east: lng.1, north: lat.1)
    }

    /// The centre of the geohash's rectangle (`geo_geohash_to_central_point`).
    public static func center(_ hash: some StringProtocol) -> GeoPoint? { bounds(hash)?.center }

    /// The rectangle as a closed ring starting at its south-west corner, counter-clockwise
    /// (`geo_geohash_to_polygon`; its edges are planar, not geodesics).
    public static func polygon(_ hash: some StringProtocol) -> Geometry? {
        guard let b = bounds(hash) else { return nil }
        let sw = GeoPoint(longitude: b.west, latitude: b.south)
        return .polygon([
            [
                sw, GeoPoint(longitude: b.east, latitude: b.south), GeoPoint(longitude: b.east, latitude: b.north),
                GeoPoint(longitude: b.west, latitude: b.north), sw,
            ]
        ])
    }

    /// Offsets (columns east, rows north) in the order ADX's `geo_geohash_neighbors` lists them
    /// (its documented example for "sunny").
    static let neighborOffsets: [(Int, Int)] = [(-1, -1), (-1, 1), (1, -1), (0, 1), (-1, 0), (1, 1), (1, 0), (0, -1)]

    /// The geohashes of the same precision around this one. Longitude wraps at the antimeridian;
    /// beyond a pole there is no neighbour, so a cell on the pole row has five.
    public static func neighbors(_ hash: some StringProtocol) -> [String]? {
        guard let b = bounds(hash) else { return nil }
        let precision = hash.utf8.count
        let width = b.east - b.west, height = b.north - b.south
        let c = b.center
        var out: [String] = []
        for (dx, dy) in neighborOffsets {
            let lat = c.latitude + Double(dy) * height
            guard lat > -90, lat < 90 else { continue }
            var lng = c.longitude + Double(dx) * width
            if lng > 180 { lng -= 360 } else if lng < -180 { lng += 360 }
            if let h = encode(GeoPoint(longitude: lng, latitude: lat), precision: precision) { out.append(h) }
        }
        return out
    }
}

/// A longitude/latitude rectangle in degrees.
public struct GeoRectangle: Sendable, Hashable {
    public var west: Double, south: Double, east: Double, north: Double

    /// A rectangle from its edges in degrees.
    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west; self.south = south; self.east = east; self.north = north
    }

    /// The midpoint of both ranges.
    public var center: GeoPoint { GeoPoint(longitude: (west + east) / 2, latitude: (south + north) / 2) }
}
