import Columnar

/// The conversions between units of one quantity, through its base unit (`UnitConversionTables.swift`).
enum UnitConversion {
    /// One quantity's two conversions: a value in a unit to the base unit, and back; nil for an unknown unit.
    struct Quantity: Sendable {
        let toBase: @Sendable (String, Double) -> Double?
        let fromBase: @Sendable (String, Double) -> Double?

        /// `x` in unit `from` expressed in unit `to`; nil when either unit is unknown.
        func convert(_ x: Double, from: String, to: String) -> Double? {
            toBase(from, x).flatMap { fromBase(to, $0) }
        }
    }

    static let angle = Quantity(toBase: { angleToBase($0, $1) }, fromBase: { angleFromBase($0, $1) })
    static let energy = Quantity(toBase: { energyToBase($0, $1) }, fromBase: { energyFromBase($0, $1) })
    static let force = Quantity(toBase: { forceToBase($0, $1) }, fromBase: { forceFromBase($0, $1) })
    static let length = Quantity(toBase: { lengthToBase($0, $1) }, fromBase: { lengthFromBase($0, $1) })
    static let mass = Quantity(toBase: { massToBase($0, $1) }, fromBase: { massFromBase($0, $1) })
    static let speed = Quantity(toBase: { speedToBase($0, $1) }, fromBase: { speedFromBase($0, $1) })
    static let temperature = Quantity(toBase: { temperatureToBase($0, $1) }, fromBase: { temperatureFromBase($0, $1) })
    static let volume = Quantity(toBase: { volumeToBase($0, $1) }, fromBase: { volumeFromBase($0, $1) })
}

/// `convert_angle(value, from, to)` and its siblings for energy, force, length, mass, speed, temperature and
/// volume: `value` converted from one unit to another, named as the reference's "Conversion units" lists name
/// them (`'Degree'`, `'Arcminute'`); an unknown unit or a null argument gives null.
struct ConvertUnitFunction: ScalarFunction {
    let name: String
    let quantity: UnitConversion.Quantity

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.number, .string, .string]); return .real
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let quantity = self.quantity
        return try Kernel.boxed(args, out: .real, rows: context.rowCount) { (r: [Value]) -> Value in
            guard let x = Numeric.double(r[0]), case .string(let from) = r[1], case .string(let to) = r[2] else {
                return .null
            }
            return quantity.convert(x, from: from, to: to).map(Value.real) ?? .null
        }
    }
}
