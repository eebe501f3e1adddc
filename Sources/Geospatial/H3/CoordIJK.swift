import Foundation

/// Hexagon coordinates on one icosahedron face: three axes 120° apart (i, j, k), normalized so that
/// all are non-negative and at least one is zero (the H3 "ijk+" system).
struct CoordIJK: Equatable {
    var i: Int, j: Int, k: Int

    init(i: Int, j: Int, k: Int) {
        self.i = i
        self.j = j
        self.k = k
    }

    /// The unit vectors of the direction digits 0…6 (centre, k, j, jk, i, ik, ij).
    static let unitVectors: [CoordIJK] = [
        CoordIJK(i: 0, j: 0, k: 0), CoordIJK(i: 0, j: 0, k: 1), CoordIJK(i: 0, j: 1, k: 0), CoordIJK(i: 0, j: 1, k: 1),
        CoordIJK(i: 1, j: 0, k: 0), CoordIJK(i: 1, j: 0, k: 1), CoordIJK(i: 1, j: 1, k: 0),
    ]

    mutating func normalize() {
        if i < 0 { j -= i; k -= i; i = 0 }
        if j < 0 { i -= j; k -= j; j = 0 }
        if k < 0 { i -= k; j -= k; k = 0 }
        let m = min(i, j, k)
        if m > 0 { i -= m; j -= m; k -= m }
    }

    static func + (a: CoordIJK, b: CoordIJK) -> CoordIJK { CoordIJK(i: a.i + b.i, j: a.j + b.j, k: a.k + b.k) }
    static func - (a: CoordIJK, b: CoordIJK) -> CoordIJK { CoordIJK(i: a.i - b.i, j: a.j - b.j, k: a.k - b.k) }
    static func * (a: CoordIJK, s: Int) -> CoordIJK { CoordIJK(i: a.i * s, j: a.j * s, k: a.k * s) }

    /// i·a + j·b + k·c, normalized: the linear maps of aperture changes and rotations.
    private mutating func transform(_ a: CoordIJK, _ b: CoordIJK, _ c: CoordIJK) {
        self = a * i + b * j + c * k
        normalize()
    }

    /// The coarser (aperture 7, counter-clockwise) cell containing this one, for Class III children.
    mutating func upAperture7() {
        let ii = i - k, jj = j - k
        i = Int((Double(3 * ii - jj) / 7).rounded(.toNearestOrAwayFromZero))
        j = Int((Double(ii + 2 * jj) / 7).rounded(.toNearestOrAwayFromZero))
        k = 0
        normalize()
    }

    /// The coarser (aperture 7, clockwise) cell containing this one, for Class II children.
    mutating func upAperture7Clockwise() {
        let ii = i - k, jj = j - k
        i = Int((Double(2 * ii + jj) / 7).rounded(.toNearestOrAwayFromZero))
        j = Int((Double(3 * jj - ii) / 7).rounded(.toNearestOrAwayFromZero))
        k = 0
        normalize()
    }

    mutating func downAperture7() {
        transform(CoordIJK(i: 3, j: 0, k: 1), CoordIJK(i: 1, j: 3, k: 0), CoordIJK(i: 0, j: 1, k: 3))
    }
    mutating func downAperture7Clockwise() {
        transform(CoordIJK(i: 3, j: 1, k: 0), CoordIJK(i: 0, j: 3, k: 1), CoordIJK(i: 1, j: 0, k: 3))
    }
    mutating func downAperture3() {
        transform(CoordIJK(i: 2, j: 0, k: 1), CoordIJK(i: 1, j: 2, k: 0), CoordIJK(i: 0, j: 1, k: 2))
    }
    mutating func downAperture3Clockwise() {
        transform(CoordIJK(i: 2, j: 1, k: 0), CoordIJK(i: 0, j: 2, k: 1), CoordIJK(i: 1, j: 0, k: 2))
    }
    mutating func rotate60CounterClockwise() {
        transform(CoordIJK(i: 1, j: 1, k: 0), CoordIJK(i: 0, j: 1, k: 1), CoordIJK(i: 1, j: 0, k: 1))
    }
    mutating func rotate60Clockwise() {
        transform(CoordIJK(i: 1, j: 0, k: 1), CoordIJK(i: 1, j: 1, k: 0), CoordIJK(i: 0, j: 1, k: 1))
    }

    /// Moves one cell in the direction of `digit` (1…6).
    mutating func move(_ digit: Int) {
        guard digit > 0, digit < 7 else { return }
        self = self + CoordIJK.unitVectors[digit]
        normalize()
    }

    /// The direction digit of a unit vector, 7 when it is not one.
    var unitDigit: Int {
        var c = self
        c.normalize()
        return CoordIJK.unitVectors.firstIndex(of: c) ?? 7
    }

    /// Centre of the hexagon in the face's 2-D plane (unit: distance between neighbouring centres).
    var hex2d: (x: Double, y: Double) {
        let ii = Double(i - k), jj = Double(j - k)
        return (ii - 0.5 * jj, jj * (3.0.squareRoot() / 2))
    }

    /// The hexagon containing a point of the face plane. Quantizes on the sheared (i, j) lattice first
    /// and decides the hexagon from the fractional parts, mirrored for negative x and y; the decision
    /// lines are those of the H3 reference so that points on a hexagon edge land in the same cell.
    init(hex2d x: Double, _ y: Double) {
        let a1 = abs(x), a2 = abs(y)
        let x2 = a2 / (3.0.squareRoot() / 2)
        let x1 = a1 + x2 / 2
        let m1 = Int(x1), m2 = Int(x2)
        let r1 = x1 - Double(m1), r2 = x2 - Double(m2)
        var ci: Int, cj: Int
        if r1 < 0.5 {
            if r1 < 1.0 / 3.0 {
                ci = m1
                cj = r2 < (1 + r1) / 2 ? m2 : m2 + 1
            } else {
                cj = r2 < 1 - r1 ? m2 : m2 + 1
                ci = (1 - r1) <= r2 && r2 < 2 * r1 ? m1 + 1 : m1
            }
        } else {
            if r1 < 2.0 / 3.0 {
                cj = r2 < 1 - r1 ? m2 : m2 + 1
                ci = (2 * r1 - 1) < r2 && r2 < (1 - r1) ? m1 : m1 + 1
            } else {
                ci = m1 + 1
                cj = r2 < r1 / 2 ? m2 : m2 + 1
            }
        }
        if x < 0 {
            if cj % 2 == 0 {
                let axis = cj / 2
                ci -= 2 * (ci - axis)
            } else {
                let axis = (cj + 1) / 2
                ci -= 2 * (ci - axis) + 1
            }
        }
        if y < 0 {
            ci -= (2 * cj + 1) / 2
            cj = -cj
        }
        self.init(i: ci, j: cj, k: 0)
        normalize()
    }
}

/// Rotations of direction digits (1 k, 2 j, 3 jk, 4 i, 5 ik, 6 ij).
enum H3Digit {
    static let counterClockwise: [Int] = [0, 5, 3, 1, 6, 4, 2, 7]
    static let clockwise: [Int] = [0, 3, 6, 2, 5, 1, 4, 7]
}
