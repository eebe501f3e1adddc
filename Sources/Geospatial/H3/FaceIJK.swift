import Foundation

/// A position on the icosahedron: face number and hexagon coordinates on that face's plane.
struct FaceIJK {
    var face: Int
    var coord: CoordIJK

    /// Scale of the gnomonic projection at resolution 0 (edge length units per tan(angle)).
    static let res0UGnomonic = 0.38196601125010500003
    /// Rotation between Class II and Class III grids, asin(sqrt(3/28)).
    static let ap7RotRadians = 0.333473172251832115336090755351601070065900389
    // The reference's constants, multiplied rather than divided by, so that results agree to the last bit.
    static let sqrt7 = 2.6457513110645905905016157536392604257102
    static let rsqrt7 = 0.37796447300922722721451653623418006081576
    static let invRes0UGnomonic = 2.61803398874989484820458683436563811772
    static let oneThird = 0.333333333333333333333333333333333333333

    static func isClassIII(_ res: Int) -> Bool { res % 2 == 1 }
    /// 7^(res/2): the number of Class II unit lengths per res-0 edge at an even resolution.
    static func unitScale(_ res: Int) -> Int { Int(pow(7.0, Double(res / 2))) }
    /// The largest i+j+k still on a face at an even resolution.
    static func maxDim(_ res: Int) -> Int { 2 * unitScale(res) }

    static func faceCenter(_ f: Int) -> SIMD3<Double> {
        SIMD3(H3Tables.faceCenterPoint[3 * f], H3Tables.faceCenterPoint[3 * f + 1], H3Tables.faceCenterPoint[3 * f + 2])
    }

    static func positiveAngle(_ a: Double) -> Double {
        var t = a
        if t < 0 { t += 2 * .pi }
        if t >= 2 * .pi { t -= 2 * .pi }
        return t
    }

    /// Unit tangent vectors pointing north and east at `p`.
    static func tangentBasis(_ p: SIMD3<Double>) -> (north: SIMD3<Double>, east: SIMD3<Double>) {
        let pole = SIMD3<Double>(0, 0, 1)
        var north = pole - (pole * p).sum() * p
        let n = (north * north).sum().squareRoot()
        north = n > 0 ? north / n : SIMD3(0, 0, 0)
        let east = SIMD3(north.y * p.z - north.z * p.y, north.z * p.x - north.x * p.z, north.x * p.y - north.y * p.x)
        return (north, east)
    }

    /// The face and face-plane position of a unit vector at `res` (gnomonic projection from the
    /// nearest face centre).
    static func hex2d(of p: SIMD3<Double>, res: Int) -> (face: Int, x: Double, y: Double) {
        var face = 0, sqd = 5.0
        for f in 0..<20 {
            let d = faceCenter(f) - p
            let s = (d * d).sum()
            if s < sqd { face = f; sqd = s }
        }
        var r = acos(1 - sqd * 0.5)
        if r < 1e-16 { return (face, 0, 0) }
        let center = faceCenter(face)
        let (north, east) = tangentBasis(center)
        var projected = p - (p * center).sum() * center
        let n = (projected * projected).sum().squareRoot()
        if n > 0 { projected /= n }
        let azimuth = atan2((projected * east).sum(), (projected * north).sum())
        var theta = positiveAngle(H3Tables.faceAxesAzRadsCII[3 * face] - positiveAngle(azimuth))
        if isClassIII(res) { theta = positiveAngle(theta - ap7RotRadians) }
        r = tan(r) * invRes0UGnomonic
        for _ in 0..<res { r *= sqrt7 }
        return (face, r * cos(theta), r * sin(theta))
    }

    /// The unit vector of a face-plane position (the inverse projection); `substrate` positions are in
    /// the aperture-3 vertex grid (a third of the cell scale).
    static func vector(x: Double, y: Double, face: Int, res: Int, substrate: Bool) -> SIMD3<Double> {
        var r = (x * x + y * y).squareRoot()
        let center = faceCenter(face)
        if r < 1e-16 { return center }
        var theta = atan2(y, x)
        for _ in 0..<res { r *= rsqrt7 }
        if substrate {
            r *= oneThird
            if isClassIII(res) { r *= rsqrt7 }
        }
        r *= res0UGnomonic
        r = atan(r)
        if !substrate && isClassIII(res) { theta = positiveAngle(theta + ap7RotRadians) }
        theta = positiveAngle(H3Tables.faceAxesAzRadsCII[3 * face] - theta)
        let (north, east) = tangentBasis(center)
        let direction = cos(theta) * north + sin(theta) * east
        var v = cos(r) * center + sin(r) * direction
        let n = (v * v).sum().squareRoot()
        if n > 0 { v /= n }
        return v
    }

    init(face: Int, coord: CoordIJK) {
        self.face = face
        self.coord = coord
    }

    /// The cell containing a unit vector at `res`.
    init(containing p: SIMD3<Double>, res: Int) {
        let h = FaceIJK.hex2d(of: p, res: res)
        self.init(face: h.face, coord: CoordIJK(hex2d: h.x, h.y))
    }

    /// The centre of this cell as a unit vector.
    func center(res: Int) -> SIMD3<Double> {
        let v = coord.hex2d
        return FaceIJK.vector(x: v.x, y: v.y, face: face, res: res, substrate: false)
    }

    enum Overage { case none, faceEdge, newFace }

    /// Moves a position that lies beyond its face onto the neighbouring face (Class II grid at `res`).
    mutating func adjustOverage(res: Int, pentagonLeading4: Bool, substrate: Bool) -> Overage {
        var maxDim = FaceIJK.maxDim(res)
        if substrate { maxDim *= 3 }
        let sum = coord.i + coord.j + coord.k
        if substrate && sum == maxDim { return .faceEdge }
        guard sum > maxDim else { return .none }
        let quadrant: Int  // 1 ij, 2 ki, 3 jk
        if coord.k > 0 {
            if coord.j > 0 {
                quadrant = 3
            } else {
                quadrant = 2
                if pentagonLeading4 {
                    let origin = CoordIJK(i: maxDim, j: 0, k: 0)
                    var t = coord - origin
                    t.rotate60Clockwise()
                    coord = t + origin
                }
            }
        } else {
            quadrant = 1
        }
        let base = (face * 4 + quadrant) * 5
        face = Int(H3Tables.faceNeighbors[base])
        for _ in 0..<Int(H3Tables.faceNeighbors[base + 4]) { coord.rotate60CounterClockwise() }
        var unit = FaceIJK.unitScale(res)
        if substrate { unit *= 3 }
        let translate = CoordIJK(
            i: Int(H3Tables.faceNeighbors[base + 1]), j: Int(H3Tables.faceNeighbors[base + 2]),
            k: Int(H3Tables.faceNeighbors[base + 3]))
        coord = coord + translate * unit
        coord.normalize()
        if substrate && coord.i + coord.j + coord.k == maxDim { return .faceEdge }
        return .newFace
    }

    /// The cell's vertices in the substrate grid, and the (possibly Class II adjusted) resolution.
    func vertices(res: Int, count: Int) -> (vertices: [FaceIJK], res: Int) {
        let classII = [
            CoordIJK(i: 2, j: 1, k: 0), CoordIJK(i: 1, j: 2, k: 0), CoordIJK(i: 0, j: 2, k: 1),
            CoordIJK(i: 0, j: 1, k: 2), CoordIJK(i: 1, j: 0, k: 2), CoordIJK(i: 2, j: 0, k: 1),
        ]
        let classIII = [
            CoordIJK(i: 5, j: 4, k: 0), CoordIJK(i: 1, j: 5, k: 0), CoordIJK(i: 0, j: 5, k: 4),
            CoordIJK(i: 0, j: 1, k: 5), CoordIJK(i: 4, j: 0, k: 5), CoordIJK(i: 5, j: 0, k: 1),
        ]
        let offsets = FaceIJK.isClassIII(res) ? classIII : classII
        var c = coord
        c.downAperture3()
        c.downAperture3Clockwise()
        var adjusted = res
        if FaceIJK.isClassIII(res) {
            c.downAperture7Clockwise()
            adjusted += 1
        }
        let verts = (0..<count).map { v -> FaceIJK in
            var p = c + offsets[v]
            p.normalize()
            return FaceIJK(face: face, coord: p)
        }
        return (verts, adjusted)
    }

    /// The corners of the icosahedron face edge shared with the face in `quadrant` (1 ij, 2 ki, 3 jk),
    /// in the substrate grid at `res`.
    static func faceEdge(quadrant: Int, res: Int) -> ((Double, Double), (Double, Double)) {
        let m = Double(maxDim(res))
        let v0 = (3.0 * m, 0.0)
        let v1 = (-1.5 * m, 3.0 * (3.0.squareRoot() / 2) * m)
        let v2 = (-1.5 * m, -3.0 * (3.0.squareRoot() / 2) * m)
        switch quadrant {
        case 1: return (v0, v1)
        case 3: return (v1, v2)
        default: return (v2, v0)
        }
    }

    static func intersect(
        _ p0: (Double, Double), _ p1: (Double, Double), _ p2: (Double, Double),
        _ p3: (Double, Double)
    ) -> (Double, Double) {
        let s1 = (p1.0 - p0.0, p1.1 - p0.1), s2 = (p3.0 - p2.0, p3.1 - p2.1)
        let t = (s2.0 * (p0.1 - p2.1) - s2.1 * (p0.0 - p2.0)) / (-s2.0 * s1.1 + s1.0 * s2.1)
        return (p0.0 + t * s1.0, p0.1 + t * s1.1)
    }

    /// Boundary of a hexagon: its six vertices, plus a vertex where a Class III edge crosses an
    /// icosahedron edge (each half is projected from its own face).
    func hexagonBoundary(res: Int) -> [SIMD3<Double>] {
        let (verts, adjRes) = vertices(res: res, count: 6)
        var out: [SIMD3<Double>] = []
        var lastFace = -1
        var lastOverage = Overage.none
        for vert in 0..<7 {
            let v = vert % 6
            var fijk = verts[v]
            let overage = fijk.adjustOverage(res: adjRes, pentagonLeading4: false, substrate: true)
            if FaceIJK.isClassIII(res) && vert > 0 && fijk.face != lastFace && lastOverage != .faceEdge {
                let last = verts[(v + 5) % 6].coord.hex2d, this = verts[v].coord.hex2d
                let face2 = lastFace == face ? fijk.face : lastFace
                let edge = FaceIJK.faceEdge(quadrant: Int(H3Tables.adjacentFaceDir[face * 20 + face2]), res: adjRes)
                let inter = FaceIJK.intersect((last.x, last.y), (this.x, this.y), edge.0, edge.1)
                let eps = Double(Float.ulpOfOne)
                let atVertex =
                    (abs(last.x - inter.0) < eps && abs(last.y - inter.1) < eps)
                    || (abs(this.x - inter.0) < eps && abs(this.y - inter.1) < eps)
                if !atVertex {
                    out.append(FaceIJK.vector(x: inter.0, y: inter.1, face: face, res: adjRes, substrate: true))
                }
            }
            if vert < 6 {
                let p = fijk.coord.hex2d
                out.append(FaceIJK.vector(x: p.x, y: p.y, face: fijk.face, res: adjRes, substrate: true))
            }
            lastFace = fijk.face
            lastOverage = overage
        }
        return out
    }

    /// Boundary of a pentagon: five vertices, plus, at Class III, a vertex where each edge crosses an
    /// icosahedron edge.
    func pentagonBoundary(res: Int) -> [SIMD3<Double>] {
        let (verts, adjRes) = vertices(res: res, count: 5)
        var out: [SIMD3<Double>] = []
        var lastFijk = FaceIJK(face: 0, coord: CoordIJK(i: 0, j: 0, k: 0))
        for vert in 0..<6 {
            let v = vert % 5
            var fijk = verts[v]
            while fijk.adjustOverage(res: adjRes, pentagonLeading4: false, substrate: true) == .newFace {}
            if FaceIJK.isClassIII(res) && vert > 0 {
                var tmp = fijk
                let last = lastFijk.coord.hex2d
                let toLast = Int(H3Tables.adjacentFaceDir[tmp.face * 20 + lastFijk.face])
                let base = (tmp.face * 4 + toLast) * 5
                tmp.face = Int(H3Tables.faceNeighbors[base])
                for _ in 0..<Int(H3Tables.faceNeighbors[base + 4]) { tmp.coord.rotate60CounterClockwise() }
                let translate = CoordIJK(
                    i: Int(H3Tables.faceNeighbors[base + 1]), j: Int(H3Tables.faceNeighbors[base + 2]),
                    k: Int(H3Tables.faceNeighbors[base + 3]))
                tmp.coord = tmp.coord + translate * (FaceIJK.unitScale(adjRes) * 3)
                tmp.coord.normalize()
                let this = tmp.coord.hex2d
                let edge = FaceIJK.faceEdge(
                    quadrant: Int(H3Tables.adjacentFaceDir[tmp.face * 20 + fijk.face]), res: adjRes)
                let inter = FaceIJK.intersect((last.x, last.y), (this.x, this.y), edge.0, edge.1)
                out.append(FaceIJK.vector(x: inter.0, y: inter.1, face: tmp.face, res: adjRes, substrate: true))
            }
            if vert < 5 {
                let p = fijk.coord.hex2d
                out.append(FaceIJK.vector(x: p.x, y: p.y, face: fijk.face, res: adjRes, substrate: true))
            }
            lastFijk = fijk
        }
        return out
    }
}
