import CS2

/// An S2 cell (Google's S2 hierarchy: six cube faces subdivided 30 times), the cell system of
/// `geo_point_to_s2cell` and its relatives. Cells have geodesic edges.
public struct S2CellID: Sendable, Hashable, Comparable {
    /// The 64-bit cell id.
    public let raw: UInt64

    /// Levels ADX accepts (`geo_point_to_s2cell`'s level, default 11).
    public static let levels: ClosedRange<Int> = 0...30

    /// A cell from its 64-bit id, nil when the id is not a valid cell.
    public init?(raw: UInt64) {
        guard cs2_cell_is_valid(raw) != 0 else { return nil }
        self.raw = raw
    }

    /// The level-`level` cell containing `point`; nil for an invalid point or level. Allocation-free.
    @inlinable public init?(containing point: GeoPoint, level: Int) {
        guard point.isValid, S2CellID.levels.contains(level) else { return nil }
        self.raw = cs2_cell_from_lnglat(point.longitude, point.latitude, Int32(level))
    }

    /// A cell from its token (the id in lowercase or uppercase hex without trailing zeros, at most 16
    /// characters); nil for anything else.
    public init?(token: some StringProtocol) {
        let utf8 = token.utf8
        guard !utf8.isEmpty, utf8.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in utf8 {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        value <<= UInt64(4 * (16 - utf8.count))
        self.init(raw: value)
    }

    /// The token: the id in lowercase hex with trailing zeros removed (at most 16 characters; up to
    /// level 28 at most 15, a Swift small string that needs no allocation).
    public var token: String {
        if raw == 0 { return "X" }
        let digits = 16 - raw.trailingZeroBitCount / 4
        return String(unsafeUninitializedCapacity: digits) { buffer in
            for i in 0..<digits {
                let nibble = Int((raw >> UInt64(60 - 4 * i)) & 0xF)
                buffer[i] = nibble < 10 ? UInt8(ascii: "0") + UInt8(nibble) : UInt8(ascii: "a") + UInt8(nibble - 10)
            }
            return digits
        }
    }

    /// The cell's level, 0…30.
    public var level: Int { Int(cs2_cell_level(raw)) }

    /// The cell's centre.
    public var center: GeoPoint {
        var lng = 0.0, lat = 0.0
        cs2_cell_center(raw, &lng, &lat)
        return GeoPoint(longitude: lng, latitude: lat)
    }

    /// The four vertices, counter-clockwise, in the order S2 numbers them.
    public var vertices: [GeoPoint] {
        var out = [Double](repeating: 0, count: 8)
        out.withUnsafeMutableBufferPointer { cs2_cell_vertices(raw, $0.baseAddress) }
        return (0..<4).map { GeoPoint(longitude: out[2 * $0], latitude: out[2 * $0 + 1]) }
    }

    /// The cell as a closed polygon ring, as `geo_s2cell_to_polygon` returns it.
    public var polygon: Geometry {
        let v = vertices
        return .polygon([[v[0], v[1], v[2], v[3], v[0]]])
    }

    /// The cells of the same level sharing an edge or a vertex with this one (8; 7 at a cube corner; the 4
    /// adjacent faces at level 0),
    /// in S2's order (`AppendAllNeighbors`). `geo_s2cell_neighbors` returns the same set; its documented
    /// example lists it in another order that follows no geometric rule (see docs/geospatial.md).
    public var neighbors: [S2CellID] {
        var out = [UInt64](repeating: 0, count: 16)
        let count = out.withUnsafeMutableBufferPointer { cs2_cell_all_neighbors(raw, $0.baseAddress, 16) }
        // At level 0 S2 lists a face's neighbours more than once (edge and vertex neighbours coincide).
        var seen = Set<UInt64>()
        return out.prefix(Int(count)).filter { seen.insert($0).inserted }.map { S2CellID(unchecked: $0) }
    }

    @usableFromInline init(unchecked raw: UInt64) { self.raw = raw }

    public static func < (a: S2CellID, b: S2CellID) -> Bool { a.raw < b.raw }
}
