import Columnar

/// The conditional family: choosing between values and testing for null, empty and type.
enum ConditionalFunctions {
    static let all = FunctionFamily(
        "conditional",
        [
            .scalar(
                IffFunction(name: "iff"), "The second argument when the condition is true, else the third.",
                example: "print iff(2 > 1, 'yes', 'no')"),
            .scalar(IffFunction(name: "iif"), "Alias of iff().", example: "print iif(2 > 1, 'yes', 'no')"),
            .scalar(
                CaseFunction(), "The value paired with the first true condition, else the last argument.",
                example: "print case(5 < 3, 'low', 5 < 10, 'mid', 'high')"),
            .scalar(
                CoalesceFunction(), "The first of its arguments that is not null (or empty, for strings).",
                example: "print coalesce(int(null), 7)"),
            .scalar(
                NullTestFunction.isnull, "Whether a value is null (a string never is).",
                example: "print isnull(long(null))"),
            .scalar(NullTestFunction.isnotnull, "Whether a value is not null.", example: "print isnotnull(1)"),
            .scalar(
                NullTestFunction(name: "notnull", emptiness: false, negated: true), "Deprecated alias of isnotnull().",
                example: "print notnull(1)"),
            .scalar(
                NullTestFunction.isempty, "Whether a value is null or the empty string.", example: "print isempty('')"),
            .scalar(
                NullTestFunction.isnotempty, "Whether a value is neither null nor the empty string.",
                example: "print isnotempty('a')"),
            .scalar(
                NullTestFunction(name: "notempty", emptiness: true, negated: true), "Deprecated alias of isnotempty().",
                example: "print notempty('a')"),
            .scalar(NotFunction(), "The logical negation of a bool.", example: "print not(1 > 2)"),
            .scalar(
                GettypeFunction(), "The name of a value's runtime type (\"long\", \"string\", \"array\", ...).",
                example: "print gettype(dynamic([1]))"),
        ])
}
