import Foundation
import Testing
@testable import Geospatial

/// The H3 specification's own test vectors (Resources/h3): centres and boundaries of cells.
@Suite struct H3VectorTests {
    static func resource(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Resources/h3/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func point(lat: Double, lng: Double) -> GeoPoint {
        var l = lng.truncatingRemainder(dividingBy: 360)
        if l > 180 { l -= 360 } else if l < -180 { l += 360 }
        return GeoPoint(longitude: l, latitude: lat)
    }

    /// Within 1e-6° (the files print 6 decimals), longitudes compared modulo 360.
    static func near(_ a: GeoPoint, _ b: GeoPoint) -> Bool {
        var d = abs(a.longitude - b.longitude)
        if d > 180 { d = 360 - d }
        return abs(a.latitude - b.latitude) < 2e-6 && (d < 2e-6 || abs(a.latitude) > 89.99999)
    }

    /// `randNN` files pair a cell with a random point inside it; `bcNN` files with the cell's centre.
    @Test(arguments: ["rand05centers.txt", "rand10centers.txt", "rand15centers.txt", "bc05r09centers.txt"])
    func centers(file: String) throws {
        let exactCenters = file.hasPrefix("bc")
        var checked = 0
        for line in try Self.resource(file).split(separator: "\n") {
            let f = line.split(separator: " ")
            guard f.count == 3, let lat = Double(f[1]), let lng = Double(f[2]) else { continue }
            let cell = try #require(H3Cell(string: f[0]))
            let p = Self.point(lat: lat, lng: lng)
            if exactCenters { #expect(Self.near(cell.center, p), "\(f[0])") }
            #expect(H3Cell(containing: p, resolution: cell.resolution) == cell, "\(f[0])")
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test(arguments: ["res00cells.txt", "bc14r09cells.txt", "bc19r09cells.txt"])
    func boundaries(file: String) throws {
        var lines = try Self.resource(file).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }[...]
        var checked = 0
        while let head = lines.popFirst() {
            guard let cell = H3Cell(string: head) else { continue }
            guard lines.popFirst() == "{" else { Issue.record("malformed \(file)"); return }
            var expected: [GeoPoint] = []
            while let l = lines.popFirst(), l != "}" {
                let f = l.split(separator: " ")
                expected.append(Self.point(lat: Double(f[0])!, lng: Double(f[1])!))
            }
            let boundary = cell.boundary
            #expect(boundary.count == expected.count, "\(head)")
            for (a, b) in zip(boundary, expected) { #expect(Self.near(a, b), "\(head)") }
            checked += 1
        }
        #expect(checked > 0)
    }
}
