/// How strictly one example's result is compared with the tables its document shows.
///
/// The defaults are the rules documented on `TableComparer`; a sidecar expectation relaxes them
/// for one example (never the document itself).
public struct ComparisonOptions: Sendable, Equatable {
    /// Columns removed from both sides before comparing (names, case-sensitive).
    public var ignoreColumns: Set<String>
    /// Columns that must be present but whose values are not compared (nondeterministic values: `now()`, `new_guid()`).
    public var ignoreValues: Set<String>
    /// Extra tolerance for numbers: relative for magnitudes above 1, absolute below.
    public var tolerance: Double?
    /// Overrides the order detection: true compares rows as a multiset, false in order; nil decides from the query.
    public var ignoreOrder: Bool?

    public init(
        ignoreColumns: Set<String> = [], ignoreValues: Set<String> = [], tolerance: Double? = nil,
        ignoreOrder: Bool? = nil
    ) {
        self.ignoreColumns = ignoreColumns; self.ignoreValues = ignoreValues
        self.tolerance = tolerance; self.ignoreOrder = ignoreOrder
    }

    public static let strict = ComparisonOptions()
}
