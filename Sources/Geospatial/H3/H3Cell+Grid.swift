/// Neighbourhoods: stepping to an adjacent cell, rings and disks of cells.
extension H3Cell {
    /// The neighbour in direction `direction` (1…6), tracking how many 60° rotations the walk has
    /// accumulated across base cells. Nil when the step would enter a pentagon's deleted direction.
    static func neighbor(_ origin: UInt64, direction: Int, rotations: inout Int) -> UInt64? {
        var dir = direction
        rotations %= 6
        for _ in 0..<rotations { dir = H3Digit.counterClockwise[dir] }
        var current = origin
        let oldBaseCell = H3Cell(unchecked: origin).baseCell
        let oldLeading = leadingNonZeroDigit(origin)
        var newRotations = 0
        var r = H3Cell(unchecked: origin).resolution - 1
        while true {
            if r == -1 {
                var bc = Int(H3Tables.baseCellNeighbors[oldBaseCell * 7 + dir])
                newRotations = Int(H3Tables.baseCellNeighbor60CCWRots[oldBaseCell * 7 + dir])
                if bc == 127 {
                    // Moving into the deleted k direction of a pentagon: go round through ik instead.
                    bc = Int(H3Tables.baseCellNeighbors[oldBaseCell * 7 + 5])
                    newRotations = Int(H3Tables.baseCellNeighbor60CCWRots[oldBaseCell * 7 + 5])
                    current = rotate60CounterClockwise(current)
                    rotations += 1
                }
                current = withBaseCell(current, bc)
                break
            }
            let oldDigit = H3Cell(unchecked: current).digit(r + 1)
            guard oldDigit != 7 else { return nil }
            let nextDir: Int
            if FaceIJK.isClassIII(r + 1) {
                current = withDigit(current, r + 1, Int(H3Tables.newDigitIi[oldDigit * 7 + dir]))
                nextDir = Int(H3Tables.newAdjustmentIi[oldDigit * 7 + dir])
            } else {
                current = withDigit(current, r + 1, Int(H3Tables.newDigitIii[oldDigit * 7 + dir]))
                nextDir = Int(H3Tables.newAdjustmentIii[oldDigit * 7 + dir])
            }
            if nextDir == 0 { break }
            dir = nextDir
            r -= 1
        }
        let newBaseCell = H3Cell(unchecked: current).baseCell
        if isPentagon(baseCell: newBaseCell) {
            var adjustedK = false
            if leadingNonZeroDigit(current) == 1 {
                if oldBaseCell != newBaseCell {
                    let homeFace = Int(H3Tables.baseCellData[oldBaseCell * 7])
                    current =
                        isClockwiseOffset(baseCell: newBaseCell, face: homeFace)
                        ? rotate60Clockwise(current) : rotate60CounterClockwise(current)
                    adjustedK = true
                } else {
                    switch oldLeading {
                    case 3:
                        current = rotate60CounterClockwise(current)
                        rotations += 1
                    case 5:
                        current = rotate60Clockwise(current)
                        rotations += 5
                    default:
                        return nil  // the pentagon centre has no k neighbour
                    }
                }
            }
            for _ in 0..<newRotations { current = rotatePentagon60CounterClockwise(current) }
            if oldBaseCell != newBaseCell {
                if isPolarPentagon(baseCell: newBaseCell) {
                    if oldBaseCell != 118 && oldBaseCell != 8 && leadingNonZeroDigit(current) != 3 { rotations += 1 }
                } else if leadingNonZeroDigit(current) == 5 && !adjustedK {
                    rotations += 1
                }
            }
        } else {
            for _ in 0..<newRotations { current = rotate60CounterClockwise(current) }
        }
        rotations = (rotations + newRotations) % 6
        return current
    }

    /// Walk order of a ring: first step out along i, then around through j, jk, k, ik, i, ij.
    static let ringDirections = [2, 3, 1, 5, 4, 6]

    /// ADX's largest ring distance (`geo_h3cell_rings`).
    public static let maxRingDistance = 142

    /// Cells within `k` steps, grouped by distance (ring 0 is the cell itself), in H3's spiral order
    /// when no pentagon is met, otherwise by a breadth-first search (pentagon distortion may leave a
    /// ring shorter, as ADX's `geo_h3cell_rings` notes); nil for k outside 0…`maxRingDistance`.
    public func rings(_ k: Int) -> [[H3Cell]]? {
        guard k >= 0, k <= H3Cell.maxRingDistance else { return nil }
        if let spiral = spiralRings(k) { return spiral }
        return searchRings(k)
    }

    /// The cells at distance 1 (`geo_h3cell_neighbors`).
    public var neighbors: [H3Cell] { rings(1)?.dropFirst().first ?? [] }

    private func spiralRings(_ k: Int) -> [[H3Cell]]? {
        var out: [[H3Cell]] = [[self]]
        if isPentagon { return nil }
        var origin = raw
        var rotations = 0
        for ring in stride(from: 1, through: k, by: 1) {
            guard let next = H3Cell.neighbor(origin, direction: 4, rotations: &rotations) else { return nil }
            origin = next
            if H3Cell(unchecked: origin).isPentagon { return nil }
            var cells: [H3Cell] = []
            cells.reserveCapacity(6 * ring)
            for direction in H3Cell.ringDirections {
                for _ in 0..<ring {
                    guard let step = H3Cell.neighbor(origin, direction: direction, rotations: &rotations) else {
                        return nil
                    }
                    origin = step
                    cells.append(H3Cell(unchecked: origin))
                    if H3Cell(unchecked: origin).isPentagon { return nil }
                }
            }
            out.append(cells)
        }
        return out
    }

    private func searchRings(_ k: Int) -> [[H3Cell]] {
        var seen: Set<UInt64> = [raw]
        var out: [[H3Cell]] = [[self]]
        var frontier = [raw]
        for _ in 0..<k {
            var next: [UInt64] = []
            for cell in frontier {
                for direction in 1...6 {
                    var rotations = 0
                    guard let n = H3Cell.neighbor(cell, direction: direction, rotations: &rotations) else { continue }
                    if seen.insert(n).inserted { next.append(n) }
                }
            }
            out.append(next.map { H3Cell(unchecked: $0) })
            frontier = next
        }
        return out
    }
}
