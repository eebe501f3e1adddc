/// The numeric view of a KQL dynamic array, the one input type of every series algorithm.
///
/// A KQL series is a `dynamic` array whose elements may be `long`, `real`, `null` or something
/// non-numeric (a string, a bag). Every `series_*` page says that non-numeric elements behave like
/// nulls, so the wrapper converts a dynamic array once into this type: each element is *missing*,
/// a *long* or a *real*, and the algorithms read `values` (doubles) without looking at the dynamic
/// again. The element kind is kept per element because several functions preserve it
/// (`series_add` of two longs is a long, `series_fill_forward` copies the element it found).
public struct NumericSeries: Sendable, Hashable {
    /// What an element of the source array was.
    public enum Kind: UInt8, Sendable, Hashable {
        /// `null`, or an element that is not a number.
        case missing
        /// A KQL `long` (or `int`).
        case long
        /// A KQL `real`, including NaN and the infinities.
        case real
    }

    /// One element, with its exact value.
    public enum Element: Sendable, Hashable {
        case missing
        case long(Int64)
        case real(Double)

        /// The element as a double, or nil when missing.
        public var doubleValue: Double? {
            switch self {
            case .missing: nil
            case .long(let v): Double(v)
            case .real(let v): v
            }
        }
    }

    /// The value of each element as a double; NaN where the element is missing.
    public private(set) var values: [Double]
    /// The kind of each element.
    public private(set) var kinds: [Kind]
    /// Exact values of the long elements, kept only when one of them is too large for a double to
    /// hold exactly (|v| > 2^53); empty otherwise, and then `Int64(values[i])` is exact.
    private var exactLongs: [Int64]
    /// How many elements are missing; 0 lets the algorithms take their fast path.
    public private(set) var missingCount: Int

    /// A series from its elements.
    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        var values: [Double] = []
        var kinds: [Kind] = []
        values.reserveCapacity(elements.underestimatedCount)
        kinds.reserveCapacity(elements.underestimatedCount)
        var large: [(Int, Int64)] = []
        var missing = 0
        for element in elements {
            switch element {
            case .missing:
                values.append(.nan); kinds.append(.missing); missing += 1
            case .long(let v):
                if v.magnitude > NumericSeries.exactDoubleLimit { large.append((values.count, v)) }
                values.append(Double(v)); kinds.append(.long)
            case .real(let v):
                values.append(v); kinds.append(.real)
            }
        }
        self.values = values
        self.kinds = kinds
        self.missingCount = missing
        if large.isEmpty {
            exactLongs = []
        } else {
            var exact = [Int64](repeating: 0, count: values.count)
            for i in 0..<values.count where kinds[i] == .long { exact[i] = Int64(values[i]) }
            for (i, v) in large { exact[i] = v }
            exactLongs = exact
        }
    }

    /// A series of reals (every element present; NaN is a real NaN, not a missing element).
    public init(reals: [Double]) {
        values = reals
        kinds = [Kind](repeating: .real, count: reals.count)
        exactLongs = []
        missingCount = 0
    }

    /// A series of reals in which nil elements are missing.
    public init(reals: [Double?]) {
        self.init(reals.lazy.map { $0.map(Element.real) ?? .missing })
    }

    /// A series of longs.
    public init(longs: [Int64]) {
        self.init(longs.lazy.map(Element.long))
    }

    /// A series assembled by an algorithm: `values` holds NaN at missing elements and the long
    /// elements' values are exact doubles (the algorithms make longs only from exact arithmetic).
    init(values: [Double], kinds: [Kind], missingCount: Int) {
        self.values = values
        self.kinds = kinds
        self.exactLongs = []
        self.missingCount = missingCount
    }

    /// A series assembled element by element, for results whose longs may be large.
    init(building count: Int, _ element: (Int) -> Element) {
        self.init((0..<count).lazy.map(element))
    }

    /// The number of elements.
    public var count: Int { values.count }

    /// True when no element is present (an empty array, or only missing elements).
    public var isAllMissing: Bool { missingCount == values.count }

    /// True when every present element is a long (and there is at least one); functions such as
    /// `series_fill_linear` then produce longs.
    public var isIntegral: Bool {
        missingCount < count && !kinds.contains(.real)
    }

    /// The element at `index`.
    public subscript(index: Int) -> Element {
        switch kinds[index] {
        case .missing: .missing
        case .long: .long(long(at: index))
        case .real: .real(values[index])
        }
    }

    /// The exact value of the long element at `index`.
    public func long(at index: Int) -> Int64 {
        exactLongs.isEmpty ? Int64(values[index]) : exactLongs[index]
    }

    /// True when the element at `index` is missing.
    @inline(__always)
    public func isMissing(_ index: Int) -> Bool { kinds[index] == .missing }

    /// `values` with 0 at the missing elements, for algorithms that mark their own missing outputs.
    var valuesWithMissingAsZero: [Double] {
        guard missingCount > 0 else { return values }
        var copy = values
        for i in 0..<copy.count where kinds[i] == .missing { copy[i] = 0 }
        return copy
    }

    /// The elements in order.
    public var elements: [Element] { (0..<count).map { self[$0] } }

    /// The largest magnitude below which every integer is exactly a double.
    static let exactDoubleLimit: UInt64 = 1 << 53

    /// Equal when every element is: same kind and value (a NaN real equals a NaN real, as elements).
    public static func == (a: NumericSeries, b: NumericSeries) -> Bool {
        guard a.count == b.count, a.kinds == b.kinds else { return false }
        for i in 0..<a.count {
            switch a.kinds[i] {
            case .missing: continue
            case .long: if a.long(at: i) != b.long(at: i) { return false }
            case .real:
                let x = a.values[i], y = b.values[i]
                if x != y && !(x.isNaN && y.isNaN) { return false }
            }
        }
        return true
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kinds)
        for i in 0..<count where kinds[i] != .missing {
            hasher.combine(values[i].isNaN ? Double.nan.bitPattern : values[i].bitPattern)
        }
    }
}
