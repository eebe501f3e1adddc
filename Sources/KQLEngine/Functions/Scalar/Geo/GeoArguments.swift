import Columnar
import Geospatial

/// How the `geo_*` functions read their arguments and write their results, with ADX's rule that an
/// invalid input gives null (or the empty string for functions returning a token) rather than an error.
enum GeoArguments {
    /// A finite number (int, long, real, decimal, or such a dynamic), or nil.
    static func real(_ v: Value) -> Double? {
        guard let d = Numeric.double(v), d.isFinite else { return nil }
        return d
    }

    /// An optional argument: its value, the default when it was not given, nil when given but not a number.
    static func real(_ r: [Value], _ i: Int, default d: Double) -> Double? {
        i < r.count ? real(r[i]) : d
    }

    /// A whole number (a real is accepted when it has no fraction), or nil.
    static func integer(_ v: Value) -> Int? {
        guard let d = real(v), d == d.rounded(), abs(d) < 1e15 else { return nil }
        return Int(d)
    }

    /// An optional whole-number argument: its value, the default when it was not given, nil when invalid.
    static func integer(_ r: [Value], _ i: Int, default d: Int) -> Int? {
        i < r.count ? integer(r[i]) : d
    }

    /// An optional bool argument: its value, the default when not given, nil when null or not a bool.
    static func bool(_ r: [Value], _ i: Int, default d: Bool) -> Bool? {
        guard i < r.count else { return d }
        switch r[i] {
        case .bool(let b), .dynamic(.bool(let b)): return b
        default: return nil
        }
    }

    /// A valid point from a longitude and a latitude in degrees (ADX's ranges), or nil.
    static func point(_ longitude: Value, _ latitude: Value) -> GeoPoint? {
        guard let lng = real(longitude), let lat = real(latitude) else { return nil }
        let p = GeoPoint(longitude: lng, latitude: lat)
        return p.isValid ? p : nil
    }

    /// The text of a token argument (S2 token, H3 cell, geohash); null reads as "".
    static func text(_ v: Value) -> String {
        switch v {
        case .string(let s), .dynamic(.string(let s)): return s
        default: return ""
        }
    }

    /// The GeoJSON geometry of a dynamic argument, or nil when it is not a valid geometry.
    static func geometry(_ v: Value) -> Geometry? {
        guard case .dynamic(let d) = v else { return nil }
        return GeoJSON.geometry(from: d)
    }

    /// A geometry as KQL's dynamic GeoJSON value; nil is null.
    static func value(_ g: Geometry?) -> Value {
        guard let g else { return .null }
        return .dynamic(GeoJSON.node(of: g, as: Dynamic.self))
    }

    /// A point as a dynamic GeoJSON Point; nil is null.
    static func value(_ p: GeoPoint?) -> Value {
        guard let p else { return .null }
        return .dynamic(GeoJSON.pointNode(p, as: Dynamic.self))
    }

    /// Strings as a dynamic array; nil is null.
    static func value(_ strings: [String]?) -> Value {
        guard let strings else { return .null }
        return .dynamic(.array(strings.map(Dynamic.string)))
    }

    /// A real result; nil, NaN and infinities are null.
    static func value(_ d: Double?) -> Value {
        guard let d, d.isFinite else { return .null }
        return .real(d)
    }
}

/// The shape built from the last GeoJSON value seen, so that a constant polygon (or a run of equal
/// ones) is parsed and indexed once per batch rather than once per row, as `docs/geospatial.md` asks.
/// Lives for one `evaluate` call; not shared between threads.
final class ShapeCache<Shape> {
    private let make: (Geometry) -> Shape?
    /// True when the argument is one constant for the whole batch: the first shape is the answer.
    private let constant: Bool
    private var lastInput: Dynamic?
    private var lastShape: Shape?

    init(constant: Bool, _ make: @escaping (Geometry) -> Shape?) { self.constant = constant; self.make = make }

    /// The shape of a dynamic GeoJSON argument, or nil when it is not valid for this shape kind.
    func shape(_ v: Value) -> Shape? {
        guard case .dynamic(let d) = v else { return nil }
        if let lastInput, constant || lastInput == d { return lastShape }
        let s = GeoJSON.geometry(from: d).flatMap(make)
        lastInput = d
        lastShape = s
        return s
    }
}

extension ShapeCache where Shape == SphericalPolygon {
    /// Polygons and multipolygons.
    static func polygons(constant: Bool) -> ShapeCache { ShapeCache(constant: constant) { SphericalPolygon($0) } }
}

extension ShapeCache where Shape == SphericalLines {
    /// Lines and multilines.
    static func lines(constant: Bool) -> ShapeCache { ShapeCache(constant: constant) { SphericalLines($0) } }
}
