import Columnar
import Foundation

/// The math family: numbers in, numbers out. The one-line real kernels are defined right here; functions
/// with logic of their own (`round`, `abs`, `pow`, ...) have a file each in this folder.
enum MathFunctions {
    static let all = FunctionFamily(
        "math",
        [
            .scalar(AbsFunction(), "The absolute value of a number or timespan.", example: "print abs(-5)"),
            .scalar(
                RoundFunction(), "A number rounded to a given count of decimal digits (0 by default).",
                example: "print round(2.567, 2)"),
            .scalar(PowFunction(), "A base raised to an exponent, as a real.", example: "print pow(2, 10)"),
            .real("sign", "-1, 0 or 1 by the sign of a number, as a real (NaN stays NaN).", example: "print sign(-3.5)")
            { x in
                x.isNaN ? x : (x > 0 ? 1 : (x < 0 ? -1 : 0))
            },
            .scalar(
                RandFunction(), "A random real in [0, 1), or a random integer below N when N is given.",
                example: "print rand(10)"),
            .scalar(
                ExtremeOfFunction.minOf, "The smallest of its arguments, ignoring nulls.",
                example: "print min_of(3, 1, 2)"),
            .scalar(
                ExtremeOfFunction.maxOf, "The largest of its arguments, ignoring nulls.",
                example: "print max_of(3, 1, 2)"),
            .scalar(
                ConvertUnitFunction(name: "convert_angle", quantity: UnitConversion.angle),
                "An angle converted from one unit to another ('Degree', 'Radian', ...).",
                example: "print convert_angle(1.2, 'Degree', 'Arcminute')"),
            .scalar(
                ConvertUnitFunction(name: "convert_energy", quantity: UnitConversion.energy),
                "An energy converted from one unit to another ('Joule', 'KilowattHour', ...).",
                example: "print convert_energy(1.2, 'Joule', 'BritishThermalUnit')"),
            .scalar(
                ConvertUnitFunction(name: "convert_force", quantity: UnitConversion.force),
                "A force converted from one unit to another ('Newton', 'PoundForce', ...).",
                example: "print convert_force(1.2, 'Newton', 'Decanewton')"),
            .scalar(
                ConvertUnitFunction(name: "convert_length", quantity: UnitConversion.length),
                "A length converted from one unit to another ('Meter', 'Foot', ...).",
                example: "print convert_length(1.2, 'Meter', 'Foot')"),
            .scalar(
                ConvertUnitFunction(name: "convert_mass", quantity: UnitConversion.mass),
                "A mass converted from one unit to another ('Kilogram', 'Pound', ...).",
                example: "print convert_mass(1.2, 'Kilogram', 'Pound')"),
            .scalar(
                ConvertUnitFunction(name: "convert_speed", quantity: UnitConversion.speed),
                "A speed converted from one unit to another ('MeterPerSecond', 'Knot', ...).",
                example: "print convert_speed(1.2, 'MeterPerSecond', 'KilometerPerHour')"),
            .scalar(
                ConvertUnitFunction(name: "convert_temperature", quantity: UnitConversion.temperature),
                "A temperature converted from one unit to another ('DegreeCelsius', 'Kelvin', ...).",
                example: "print convert_temperature(1.2, 'DegreeCelsius', 'DegreeFahrenheit')"),
            .scalar(
                ConvertUnitFunction(name: "convert_volume", quantity: UnitConversion.volume),
                "A volume converted from one unit to another ('Liter', 'UsGallon', ...).",
                example: "print convert_volume(1.2, 'Liter', 'UsGallon')"),
            .real("erf", "The error function of x.", example: "print erf(0.5)") { Foundation.erf($0) },
            .real("erfc", "The complementary error function of x, 1 - erf(x).", example: "print erfc(0.5)") {
                Foundation.erfc($0)
            },
            .real("ceiling", "The smallest whole number not below x, as a real.", example: "print ceiling(1.2)") {
                Foundation.ceil($0)
            },
            .real("sqrt", "The square root of x (NaN for a negative x).", example: "print sqrt(16)") {
                Foundation.sqrt($0)
            },
            .real("exp", "e raised to the power x.", example: "print exp(1)") { Foundation.exp($0) },
            .real("exp2", "2 raised to the power x.", example: "print exp2(3)") { Foundation.exp2($0) },
            .real("exp10", "10 raised to the power x.", example: "print exp10(2)") { Foundation.pow(10, $0) },
            .real("log", "The natural logarithm of x.", example: "print log(10)") { Foundation.log($0) },
            .real("log10", "The base-10 logarithm of x.", example: "print log10(1000)") { Foundation.log10($0) },
            .real("log2", "The base-2 logarithm of x.", example: "print log2(8)") { Foundation.log2($0) },
            .real("cos", "The cosine of an angle in radians.", example: "print cos(0)") { Foundation.cos($0) },
            .real("sin", "The sine of an angle in radians.", example: "print sin(1)") { Foundation.sin($0) },
            .real("tan", "The tangent of an angle in radians.", example: "print tan(1)") { Foundation.tan($0) },
            .real("cot", "The cotangent of an angle in radians.", example: "print cot(1)") { 1 / Foundation.tan($0) },
            .real("acos", "The angle in radians whose cosine is x.", example: "print acos(0.5)") {
                Foundation.acos($0)
            },
            .real("asin", "The angle in radians whose sine is x.", example: "print asin(0.5)") { Foundation.asin($0) },
            .real("atan", "The angle in radians whose tangent is x.", example: "print atan(1)") { Foundation.atan($0) },
            .real("degrees", "An angle converted from radians to degrees.", example: "print degrees(pi())") {
                $0 * 180 / Double.pi
            },
            .real("radians", "An angle converted from degrees to radians.", example: "print radians(180)") {
                $0 * Double.pi / 180
            },
            .real("gamma", "The gamma function of x.", example: "print gamma(5)") { Foundation.tgamma($0) },
            .real("loggamma", "The natural logarithm of the absolute value of gamma(x).", example: "print loggamma(5)")
            {
                Foundation.lgamma($0)
            },
            .scalar(
                RealTestFunction(name: "isnan") { $0.isNaN }, "Whether a number is NaN (false for null).",
                example: "print isnan(sqrt(-1))"),
            .scalar(
                RealTestFunction(name: "isinf") { $0.isInfinite }, "Whether a number is positive or negative infinity.",
                example: "print isinf(1.0 / 0.0)"),
            .scalar(
                RealTestFunction(name: "isfinite") { $0.isFinite }, "Whether a number is neither infinite nor NaN.",
                example: "print isfinite(1.5)"),
            .row(
                "atan2", arity: 2...2, [.number, .number], out: .real, strict: true,
                "The angle in radians from the positive x axis to the point (x, y); the arguments are y, x.",
                example: "print atan2(1, 1)"
            ) { r in
                guard let y = Numeric.double(r[0]), let x = Numeric.double(r[1]) else { return .null }
                return .real(Foundation.atan2(y, x))
            },
            .scalar(BitwiseFunction.and, "The bitwise AND of two longs.", example: "print binary_and(6, 3)"),
            .scalar(BitwiseFunction.or, "The bitwise OR of two longs.", example: "print binary_or(6, 3)"),
            .scalar(BitwiseFunction.xor, "The bitwise XOR of two longs.", example: "print binary_xor(1, 2)"),
            .scalar(BitwiseFunction.not, "The bitwise complement of a long.", example: "print binary_not(100)"),
            .scalar(
                BitwiseFunction.shiftLeft, "A long shifted left by a bit count modulo 64 (null for a negative count).",
                example: "print binary_shift_left(1, 2)"),
            .scalar(
                BitwiseFunction.shiftRight, "A long shifted right, keeping its sign, by a bit count modulo 64.",
                example: "print binary_shift_right(16, 2)"),
            .scalar(
                BitwiseFunction.countOnes, "The number of set bits of a long.", example: "print bitset_count_ones(42)"),
            .scalar(
                BetaFunction.cdf, "The beta distribution's cumulative probability at x for parameters alpha and beta.",
                example: "print beta_cdf(0.9, 10, 20)"),
            .scalar(
                BetaFunction.pdf, "The beta distribution's probability density at x for parameters alpha and beta.",
                example: "print beta_pdf(0.5, 10, 20)"),
            .scalar(
                BetaFunction.inverse, "The x at which the beta distribution's cumulative probability is p.",
                example: "print beta_inv(0.1, 10, 20)"),
            .scalar(
                WelchTestFunction(),
                "The two-sided p-value of Welch's t-test from two samples' means, variances and counts.",
                example: "print welch_test(20.8, 7.9, 15, 22.9, 3.8, 15)"),
            .scalar(
                AroundFunction(), "Whether a value lies within a delta of a center, bounds included.",
                example: "print around(5, 3, 2)"),
            .scalar(
                FormatBytesFunction(), "A byte count as text in Bytes, KB, MB, ... with a chosen precision.",
                example: "print format_bytes(20010332, 2)"),
            .row("pi", arity: 0...0, [], out: .real, strict: true, "The constant π.", example: "print pi()") { _ in
                .real(Double.pi)
            },
        ])
}
