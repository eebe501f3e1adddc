import Foundation

/// An H3 cell (Uber's hexagonal hierarchical grid: 122 base cells on an icosahedron, each refined by
/// aperture 7 down to resolution 15), the cell system of `geo_point_to_h3cell` and `geo_h3cell_*`.
/// Implemented from the published H3 specification; its string form is the index in lowercase hex.
public struct H3Cell: Sendable, Hashable {
    /// The 64-bit H3 index.
    public let raw: UInt64

    /// Resolutions ADX accepts (`geo_point_to_h3cell`'s resolution, default 6).
    public static let resolutions: ClosedRange<Int> = 0...15

    /// Mean Earth radius H3 uses for areas, in kilometres.
    public static let earthRadiusKm = 6371.007180918475

    /// A cell from its index; nil unless it is a valid cell index (mode 1, valid base cell, digits
    /// 0…6 up to the resolution and 7 beyond, no deleted pentagon subsequence).
    public init?(raw: UInt64) {
        guard H3Cell.isValid(raw) else { return nil }
        self.raw = raw
    }

    init(unchecked raw: UInt64) { self.raw = raw }

    /// A cell from its string form (1 to 16 hex digits, either case); nil for anything else.
    public init?(string: some StringProtocol) {
        let utf8 = string.utf8
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
        self.init(raw: value)
    }

    /// The index in lowercase hex (15 characters for every valid cell: a small string, no allocation).
    public var string: String { String(raw, radix: 16) }

    // MARK: Bit fields

    /// The resolution, 0…15.
    public var resolution: Int { Int((raw >> 52) & 0xF) }
    var baseCell: Int { Int((raw >> 45) & 0x7F) }
    func digit(_ r: Int) -> Int { Int((raw >> UInt64((15 - r) * 3)) & 7) }

    static func withDigit(_ h: UInt64, _ r: Int, _ d: Int) -> UInt64 {
        let shift = UInt64((15 - r) * 3)
        return (h & ~(7 << shift)) | (UInt64(d) << shift)
    }

    static func withResolution(_ h: UInt64, _ res: Int) -> UInt64 { (h & ~(0xF << 52)) | (UInt64(res) << 52) }
    static func withBaseCell(_ h: UInt64, _ bc: Int) -> UInt64 { (h & ~(0x7F << 45)) | (UInt64(bc) << 45) }

    /// An index of mode 1 (cell) at `res` with every digit 7 (unused) and base cell 0.
    static func initial(res: Int) -> UInt64 {
        var h: UInt64 = (1 << 59) | (UInt64(res) << 52)
        for r in 1...15 { h = withDigit(h, r, 7) }
        for r in stride(from: 1, through: res, by: 1) { h = withDigit(h, r, 0) }
        return h
    }

    static func leadingNonZeroDigit(_ h: UInt64) -> Int {
        let res = Int((h >> 52) & 0xF)
        for r in stride(from: 1, through: res, by: 1) {
            let d = Int((h >> UInt64((15 - r) * 3)) & 7)
            if d != 0 { return d }
        }
        return 0
    }

    static func isPentagon(baseCell bc: Int) -> Bool { H3Tables.baseCellData[bc * 7 + 4] != 0 }
    static func isPolarPentagon(baseCell bc: Int) -> Bool { bc == 4 || bc == 117 }
    static func isClockwiseOffset(baseCell bc: Int, face: Int) -> Bool {
        Int(H3Tables.baseCellData[bc * 7 + 5]) == face || Int(H3Tables.baseCellData[bc * 7 + 6]) == face
    }

    /// Whether the cell is one of the 12 pentagons of its resolution.
    public var isPentagon: Bool {
        H3Cell.isPentagon(baseCell: baseCell) && H3Cell.leadingNonZeroDigit(raw) == 0
    }

    static func isValid(_ h: UInt64) -> Bool {
        guard h >> 63 == 0, (h >> 59) & 0xF == 1, (h >> 56) & 7 == 0 else { return false }
        let bc = Int((h >> 45) & 0x7F)
        guard bc < 122 else { return false }
        let res = Int((h >> 52) & 0xF)
        var foundFirst = false
        for r in stride(from: 1, through: 15, by: 1) {
            let d = Int((h >> UInt64((15 - r) * 3)) & 7)
            if r <= res {
                guard d != 7 else { return false }
                if !foundFirst && d != 0 {
                    foundFirst = true
                    if isPentagon(baseCell: bc) && d == 1 { return false }  // the deleted k subsequence
                }
            } else if d != 7 {
                return false
            }
        }
        return true
    }

    // MARK: Rotations of a whole index

    static func rotate60CounterClockwise(_ h: UInt64) -> UInt64 {
        var out = h
        let res = Int((h >> 52) & 0xF)
        for r in stride(from: 1, through: res, by: 1) {
            out = withDigit(out, r, H3Digit.counterClockwise[H3Cell(unchecked: out).digit(r)])
        }
        return out
    }

    static func rotate60Clockwise(_ h: UInt64) -> UInt64 {
        var out = h
        let res = Int((h >> 52) & 0xF)
        for r in stride(from: 1, through: res, by: 1) {
            out = withDigit(out, r, H3Digit.clockwise[H3Cell(unchecked: out).digit(r)])
        }
        return out
    }

    /// Counter-clockwise rotation of a pentagon's index, skipping the deleted k subsequence.
    static func rotatePentagon60CounterClockwise(_ h: UInt64) -> UInt64 {
        var out = h
        var found = false
        let res = Int((h >> 52) & 0xF)
        for r in stride(from: 1, through: res, by: 1) {
            out = withDigit(out, r, H3Digit.counterClockwise[H3Cell(unchecked: out).digit(r)])
            if !found && H3Cell(unchecked: out).digit(r) != 0 {
                found = true
                if leadingNonZeroDigit(out) == 1 { out = rotate60CounterClockwise(out) }
            }
        }
        return out
    }

    // MARK: Point to cell and back

    /// The resolution-`res` cell containing `point`; nil for an invalid point or resolution.
    public init?(containing point: GeoPoint, resolution res: Int) {
        guard point.isValid, H3Cell.resolutions.contains(res) else { return nil }
        let lat = point.latitude * .pi / 180, lng = point.longitude * .pi / 180
        let r = cos(lat)
        let v = SIMD3(cos(lng) * r, sin(lng) * r, sin(lat))
        guard let h = H3Cell.index(of: FaceIJK(containing: v, res: res), res: res) else { return nil }
        self.raw = h
    }

    /// The index of a face position: digits from the finest resolution up, then the base cell and the
    /// rotation into its orientation.
    static func index(of fijk: FaceIJK, res: Int) -> UInt64? {
        var h = initial(res: res)
        var ijk = fijk.coord
        if res > 0 {
            for r in stride(from: res - 1, through: 0, by: -1) {
                let last = ijk
                var center: CoordIJK
                if FaceIJK.isClassIII(r + 1) {
                    ijk.upAperture7()
                    center = ijk
                    center.downAperture7()
                } else {
                    ijk.upAperture7Clockwise()
                    center = ijk
                    center.downAperture7Clockwise()
                }
                var diff = last - center
                diff.normalize()
                h = withDigit(h, r + 1, diff.unitDigit)
            }
        }
        guard ijk.i <= 2, ijk.j <= 2, ijk.k <= 2, ijk.i >= 0, ijk.j >= 0, ijk.k >= 0 else { return nil }
        let slot = ((fijk.face * 3 + ijk.i) * 3 + ijk.j) * 3 + ijk.k
        let bc = Int(H3Tables.faceIjkBaseCells[2 * slot])
        let rotations = Int(H3Tables.faceIjkBaseCells[2 * slot + 1])
        h = withBaseCell(h, bc)
        if isPentagon(baseCell: bc) {
            if leadingNonZeroDigit(h) == 1 {
                h =
                    isClockwiseOffset(baseCell: bc, face: fijk.face)
                    ? rotate60Clockwise(h) : rotate60CounterClockwise(h)
            }
            for _ in 0..<rotations { h = rotatePentagon60CounterClockwise(h) }
        } else {
            for _ in 0..<rotations { h = rotate60CounterClockwise(h) }
        }
        return h
    }

    /// The face position of this cell, moved onto the face its centre lies on.
    var faceIJK: FaceIJK {
        var h = raw
        let bc = baseCell
        if H3Cell.isPentagon(baseCell: bc) && H3Cell.leadingNonZeroDigit(h) == 5 { h = H3Cell.rotate60Clockwise(h) }
        let data = bc * 7
        var fijk = FaceIJK(
            face: Int(H3Tables.baseCellData[data]),
            coord: CoordIJK(
                i: Int(H3Tables.baseCellData[data + 1]), j: Int(H3Tables.baseCellData[data + 2]),
                k: Int(H3Tables.baseCellData[data + 3])))
        let res = resolution
        let possibleOverage = H3Cell.isPentagon(baseCell: bc) || (res != 0 && fijk.coord != CoordIJK(i: 0, j: 0, k: 0))
        let cell = H3Cell(unchecked: h)
        for r in stride(from: 1, through: res, by: 1) {
            if FaceIJK.isClassIII(r) { fijk.coord.downAperture7() } else { fijk.coord.downAperture7Clockwise() }
            fijk.coord.move(cell.digit(r))
        }
        guard possibleOverage else { return fijk }
        let original = fijk.coord
        var adjRes = res
        if FaceIJK.isClassIII(res) {
            fijk.coord.downAperture7Clockwise()
            adjRes += 1
        }
        let pentLeading4 = H3Cell.isPentagon(baseCell: bc) && H3Cell.leadingNonZeroDigit(h) == 4
        if fijk.adjustOverage(res: adjRes, pentagonLeading4: pentLeading4, substrate: false) != .none {
            if H3Cell.isPentagon(baseCell: bc) {
                while fijk.adjustOverage(res: adjRes, pentagonLeading4: false, substrate: false) != .none {}
            }
            if adjRes != res { fijk.coord.upAperture7Clockwise() }
        } else if adjRes != res {
            fijk.coord = original
        }
        return fijk
    }

    static func point(_ v: SIMD3<Double>) -> GeoPoint {
        GeoPoint(longitude: atan2(v.y, v.x) * 180 / .pi, latitude: asin(v.z) * 180 / .pi)
    }

    /// The cell's centre.
    public var center: GeoPoint { H3Cell.point(faceIJK.center(res: resolution)) }

    /// The boundary vertices, counter-clockwise (6 for a hexagon, 5 for a pentagon, more where an edge
    /// crosses an icosahedron edge), without the closing repeat.
    public var boundary: [GeoPoint] {
        let f = faceIJK
        let vectors = isPentagon ? f.pentagonBoundary(res: resolution) : f.hexagonBoundary(res: resolution)
        return vectors.map(H3Cell.point)
    }

    /// The boundary as a closed GeoJSON ring (`geo_h3cell_to_polygon`; its edges are straight lines
    /// in ADX's reading, not geodesics).
    public var polygon: Geometry {
        let ring = boundary
        return .polygon([ring + [ring[0]]])
    }

    // MARK: Hierarchy

    /// The ancestor at `res` (0…this resolution); nil when `res` is finer than this cell.
    public func parent(resolution res: Int) -> H3Cell? {
        guard res >= 0, res <= resolution else { return nil }
        var h = H3Cell.withResolution(raw, res)
        for r in stride(from: res + 1, through: 15, by: 1) { h = H3Cell.withDigit(h, r, 7) }
        return H3Cell(unchecked: h)
    }

    /// ADX's limit on how many levels below a cell `geo_h3cell_children` may go (up to 16807 cells).
    public static let maxChildLevels = 5

    /// The descendants at `res` (7 per level, 6 under a pentagon's centre), in index order; nil when
    /// `res` is coarser than this cell, beyond 15, or more than `maxChildLevels` below it.
    public func children(resolution res: Int) -> [H3Cell]? {
        guard res >= resolution, res <= 15, res - resolution <= H3Cell.maxChildLevels else { return nil }
        var cells = [self]
        for r in stride(from: resolution + 1, through: res, by: 1) {
            var next: [H3Cell] = []
            next.reserveCapacity(cells.count * 7)
            for cell in cells {
                let pentagon = cell.isPentagon
                let base = H3Cell.withResolution(cell.raw, r)
                for d in 0..<7 where !(pentagon && d == 1) {
                    next.append(H3Cell(unchecked: H3Cell.withDigit(base, r, d)))
                }
            }
            cells = next
        }
        return cells
    }

    /// Area of the cell in square meters: the spherical triangles from the centre to each edge.
    public var area: Double {
        let c = faceIJK.center(res: resolution)
        let f = faceIJK
        let ring = isPentagon ? f.pentagonBoundary(res: resolution) : f.hexagonBoundary(res: resolution)
        var sum = 0.0
        for i in 0..<ring.count {
            sum += H3Cell.triangleArea(c, ring[i], ring[(i + 1) % ring.count])
        }
        return sum * H3Cell.earthRadiusKm * H3Cell.earthRadiusKm * 1e6
    }

    /// Area of a spherical triangle on the unit sphere (Van Oosterom and Strackee).
    static func triangleArea(_ a: SIMD3<Double>, _ b: SIMD3<Double>, _ c: SIMD3<Double>) -> Double {
        let cross = SIMD3(b.y * c.z - b.z * c.y, b.z * c.x - b.x * c.z, b.x * c.y - b.y * c.x)
        let numerator = abs((a * cross).sum())
        let denominator = 1 + (a * b).sum() + (b * c).sum() + (c * a).sum()
        return 2 * atan2(numerator, denominator)
    }
}
