import Columnar

/// `totimespan(x)`: a timespan parsed from `[d.]hh:mm:ss[.f]` or `1.5h`-style text; a number is
/// taken as 100-ns ticks; null otherwise.
struct TotimespanFunction: ConversionFunction {
    let name = "totimespan"
    var target: ScalarType { .timespan }
}
