/// The special functions: resolved by the binder itself rather than by a kernel (`Binding/Binder+Scalar.swift`).
enum SpecialFunctions {
    static let all = FunctionFamily("special", [
        .binder("toscalar", "The first value of a tabular expression's first column, computed once for the query.",
                example: "print toscalar(range x from 1 to 3 step 1 | summarize sum(x))"),
        .binder("typeof", "A type named where a function expects one, such as extract()'s result type.",
                example: "print extract('([0-9]+)', 1, 'abc 42', typeof(long))"),
    ])
}
