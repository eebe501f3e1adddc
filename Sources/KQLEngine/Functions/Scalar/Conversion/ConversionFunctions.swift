import Columnar

/// The conversion family: the explicit `to*` functions (their rules live in `Kernels/Conversion.swift`).
enum ConversionFunctions {
    static let all = FunctionFamily(
        "conversion",
        [
            .scalar(
                ToboolFunction(name: "tobool"),
                "A value as a bool: 'true'/'false' in any case, or a number that is not 0.",
                example: "print tobool('true')"),
            .scalar(ToboolFunction(name: "toboolean"), "Alias of tobool().", example: "print toboolean(1)"),
            .scalar(
                ToNumberFunction.toint, "A value as an int; null when it cannot be converted.",
                example: "print toint('42')"),
            .scalar(
                ToNumberFunction.tolong, "A value as a long; null when it cannot be converted.",
                example: "print tolong('42')"),
            .scalar(
                ToNumberFunction.todouble, "A value as a real; null when it cannot be converted.",
                example: "print todouble('2.5')"),
            .scalar(ToNumberFunction.toreal, "Alias of todouble().", example: "print toreal('2.5')"),
            .scalar(
                ToNumberFunction.todecimal, "A value as a decimal; null when it cannot be converted.",
                example: "print todecimal('1.25')"),
            .scalar(
                TostringFunction(), "A value as its string form (the empty string for null).",
                example: "print tostring(42)"),
            .scalar(
                ToguidFunction(), "A string as a guid; null when it is not one.",
                example: "print toguid('74be27de-1e4e-49d9-b579-fe0b331d3642')"),
            .scalar(
                TodatetimeFunction(), "A value as a datetime; null when it cannot be converted.",
                example: "print todatetime('2024-01-02 03:04:05')"),
            .scalar(
                TotimespanFunction(), "A value as a timespan; null when it cannot be converted.",
                example: "print totimespan('1.02:03:04')"),
        ])
}
