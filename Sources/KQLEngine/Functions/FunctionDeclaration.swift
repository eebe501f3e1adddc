import Columnar

/// One KQL function as the registry, the docs and the tests know it: the implementation, its KQL name, its
/// family, a one-line summary and an example query that runs.
///
/// A declaration is an entry in its family's list (`MathFunctions.all`, `GeoFunctions.all`, ...), written in
/// the family's folder: the family list file defines one-line kernels inline (`.real("sqrt", ...)`,
/// `.row("isascii", ...)`) and names the function types that have files of their own (`SubstringFunction()`).
/// `FunctionRegistry` collects the families; `docs/support.md` shows the summaries, and a test runs every
/// example through the engine.
public struct FunctionDeclaration: Sendable {
    /// What runs when the function is called.
    public enum Implementation: Sendable {
        case scalar(any ScalarFunction)
        case aggregate(any AggregateFunction)
        /// Bound by the binder itself, with no kernel (`toscalar` runs a subquery, `typeof` names a type).
        case binder
    }

    /// The KQL name, lower-case as documented (aliases have declarations of their own).
    public let name: String
    public let implementation: Implementation
    /// One line, in our words, of what the function returns.
    public let summary: String
    /// A query that calls the function and runs without error (`FunctionExampleTests` runs each one).
    public let example: String
    /// The family's name, set by the `FunctionFamily` that lists this declaration.
    public internal(set) var family: String = ""

    init(name: String, implementation: Implementation, summary: String, example: String) {
        self.name = name; self.implementation = implementation; self.summary = summary; self.example = example
    }

    /// A scalar function implemented by `function` (its `name` is the KQL name).
    static func scalar(_ function: any ScalarFunction, _ summary: String, example: String) -> FunctionDeclaration {
        FunctionDeclaration(name: function.name, implementation: .scalar(function), summary: summary, example: example)
    }

    /// An aggregate function implemented by `function`.
    static func aggregate(_ function: any AggregateFunction, _ summary: String, example: String) -> FunctionDeclaration
    {
        FunctionDeclaration(
            name: function.name, implementation: .aggregate(function), summary: summary, example: example)
    }

    /// A function the binder resolves itself (no kernel in the library).
    static func binder(_ name: String, _ summary: String, example: String) -> FunctionDeclaration {
        FunctionDeclaration(name: name, implementation: .binder, summary: summary, example: example)
    }

    /// A one-argument real function: the argument is widened to real, a null row stays null, and `f` follows
    /// IEEE (`sqrt(-1)` is NaN). The whole kernel is `f`.
    static func real(
        _ name: String, _ summary: String, example: String,
        _ f: @escaping @Sendable (Double) -> Double
    ) -> FunctionDeclaration {
        scalar(RealMathFunction(name: name, f: f), summary, example: example)
    }

    /// A function whose kernel maps one row of boxed arguments to a boxed result (`RowFunction`): `kinds`
    /// checks the argument types (the last kind repeats for a variadic tail), `strict` reads a null string as
    /// "" and gives null for any other null argument before `f` runs.
    static func row(
        _ name: String, arity: ClosedRange<Int>, _ kinds: [ArgumentKind], out: ScalarType, strict: Bool,
        _ summary: String, example: String,
        _ f: @escaping @Sendable ([Value]) -> Value
    ) -> FunctionDeclaration {
        scalar(
            RowFunction(name: name, arity: arity, kinds: kinds, out: out, strict: strict, f), summary, example: example)
    }
}

/// A family of functions: one folder under `Functions/` (or a part of one), with its declarations listed
/// beside them. `FunctionRegistry.families` holds one line per family, so families are added and grown in
/// parallel without touching a shared list.
public struct FunctionFamily: Sendable {
    /// Short lower-case name shown in `docs/support.md` (`math`, `string`, `geo`).
    public let name: String
    public let declarations: [FunctionDeclaration]

    init(_ name: String, _ declarations: [FunctionDeclaration]) {
        self.name = name
        self.declarations = declarations.map {
            var d = $0; d.family = name; return d
        }
    }
}

/// A kernel that carries its own one-line summary (the series and sketch wrappers take one in their
/// constructors), so its family list declares it without writing the text twice.
protocol SummarizedFunction: ScalarFunction {
    var summary: String { get }
}

extension FunctionDeclaration {
    /// A scalar function that states its own summary.
    static func scalar(_ function: any SummarizedFunction, example: String) -> FunctionDeclaration {
        scalar(function, function.summary, example: example)
    }
}
