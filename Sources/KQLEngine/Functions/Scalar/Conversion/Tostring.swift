import Columnar

/// `tostring(x)`: KQL's text form of `x` (datetimes in ISO 8601 with `Z`, dynamic as compact
/// JSON); null becomes the empty string.
struct TostringFunction: ConversionFunction {
    let name = "tostring"
    var target: ScalarType { .string }
}
