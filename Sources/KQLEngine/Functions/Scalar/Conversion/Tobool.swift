import Columnar

/// `tobool(x)` / `toboolean(x)`: `"true"`/`"false"` (any case) and numbers (non-zero is true) as
/// bool; anything else is null.
struct ToboolFunction: ConversionFunction {
    let name: String
    var target: ScalarType { .bool }
}
