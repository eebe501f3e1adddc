import Columnar

/// `toguid(s)`: a guid parsed from its text form; null when `s` is not one.
struct ToguidFunction: ConversionFunction {
    let name = "toguid"
    var target: ScalarType { .guid }
}
