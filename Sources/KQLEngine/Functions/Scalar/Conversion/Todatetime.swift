import Columnar

/// `todatetime(x)`: a datetime parsed from ISO 8601 / RFC 822 text (or a datetime as is); null otherwise.
struct TodatetimeFunction: ConversionFunction {
    let name = "todatetime"
    var target: ScalarType { .datetime }
}
