/// Why a value is being converted, which decides what happens when it cannot be.
///
/// The conversion rules themselves (which text is a number, how a real becomes a long) are the same
/// in every mode; see ``Cast``. The modes differ only in what they accept and what a value that does
/// not convert becomes.
public enum CastMode: Sendable, Hashable, CaseIterable {
    /// A constant given where another type is expected (a function parameter, `range`'s bounds):
    /// only the same type, a lossless numeric conversion, anything to `dynamic`, or a `dynamic` that
    /// holds such a value. Anything else is refused, which the binder reports as `E_TYPE`.
    case implicit
    /// The `to*` functions and the engine's own numeric casts: every value converts, and one that
    /// cannot (out of range, not a number) is null, never an error and never a wrapped number.
    case explicit
    /// A cell of a file read into a typed column: surrounding whitespace is dropped, an empty cell is
    /// null (the empty string in a `string` column), text for `dynamic` is JSON if it parses, a JSON
    /// value is taken when it is of the column's type or widens losslessly, and text that is not a
    /// value of the type is refused.
    case ingest
    /// A python result column coerced to the schema `typeof(...)` declared: the explicit rules, but
    /// a non-null value that would become null is refused.
    case resultSchema
}

/// A value that a refusing mode did not convert: the caller turns it into its own coded error
/// (`E_TYPE` in the binder, `E_DATA` in the folder readers, `E_RESULT_SCHEMA` for python results).
public struct CastFailure: Error, Sendable, Hashable {
    /// The row of the column that failed (0 for a single value).
    public var row: Int
    /// The value that did not convert.
    public var value: Value
    /// The type it was to become.
    public var target: ScalarType

    public init(row: Int, value: Value, target: ScalarType) {
        self.row = row; self.value = value; self.target = target
    }
}
