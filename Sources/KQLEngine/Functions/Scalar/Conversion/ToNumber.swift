import Columnar

/// `toint`, `tolong`, `toreal`/`todouble`, `todecimal`: numbers, numeric strings and bools
/// converted; reals truncate toward zero; what cannot be converted is null.
struct ToNumberFunction: ConversionFunction {
    let name: String
    let target: ScalarType
    static let toint = ToNumberFunction(name: "toint", target: .int)
    static let tolong = ToNumberFunction(name: "tolong", target: .long)
    static let toreal = ToNumberFunction(name: "toreal", target: .real)
    static let todouble = ToNumberFunction(name: "todouble", target: .real)
    static let todecimal = ToNumberFunction(name: "todecimal", target: .decimal)
}
