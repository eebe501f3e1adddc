/// Which elements of a series to leave out, read in the algorithms' inner loops.
///
/// A struct rather than a closure so the check inlines: with nothing missing (the usual
/// make-series output) it is a nil test the optimiser hoists out of the loop.
struct MissingMask {
    /// Per element, true when left out; nil when nothing is.
    let excluded: [Bool]?

    /// The missing elements of `series`.
    init(_ series: NumericSeries) {
        excluded = series.missingCount == 0 ? nil : series.kinds.map { $0 == .missing }
    }

    init(excluded: [Bool]?) { self.excluded = excluded }

    /// Nothing left out.
    static let none = MissingMask(excluded: nil)

    /// True when nothing is left out.
    var isEmpty: Bool { excluded == nil }

    @inline(__always)
    func callAsFunction(_ i: Int) -> Bool {
        excluded?[i] ?? false
    }

    /// How many of the first `count` elements are left out.
    func count(in count: Int) -> Int {
        guard let excluded else { return 0 }
        var c = 0
        for i in 0..<count where excluded[i] { c += 1 }
        return c
    }
}
