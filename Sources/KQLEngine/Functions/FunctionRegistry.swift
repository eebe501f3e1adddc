import Columnar
import KQLSyntax

/// The function library: every scalar and aggregate function by its KQL name (case-sensitive),
/// and the operator kernels the binder uses for expressions.
///
/// The lists below are the single source of what is implemented; `scalarNames` and
/// `aggregateNames` are derived from them.
public enum FunctionRegistry {
    /// Every scalar function, aliases included.
    static let scalarFunctions: [any ScalarFunction] = stringFunctions + dateTimeFunctions + conversionFunctions
        + conditionalFunctions + dynamicFunctions + mathFunctions + hashFunctions + windowFunctions
        + GeoFunctions.all

    static let stringFunctions: [any ScalarFunction] = [
        StrlenFunction(), SubstringFunction(), StrcatFunction(), StrcatArrayFunction(), StrcatDelimFunction(),
        CaseMapFunction.tolower, CaseMapFunction.toupper, SplitFunction(),
        TrimFunction.trim, TrimFunction.trimStart, TrimFunction.trimEnd,
        ReplaceStringFunction(), ReplaceRegexFunction(), ExtractFunction(), ExtractAllFunction(), IndexofFunction(),
        IndexofRegexFunction(),
        ReverseFunction(), CountofFunction(), RowFunction.strcmp, StrrepFunction(),
        RowFunction.urlEncode, RowFunction.urlEncodeComponent, RowFunction.urlDecode,
        RowFunction.isascii, RowFunction.isutf8, RowFunction.regexQuote,
        RowFunction.stringSize, RowFunction.base64Encode, RowFunction.base64Decode,
        TohexFunction(), NewGuidFunction(),
    ]

    static let dateTimeFunctions: [any ScalarFunction] = [
        NowFunction(), AgoFunction(), BinFunction(name: "bin"), BinFunction(name: "floor"),
        StartOfFunction.startofday, StartOfFunction.startofweek, StartOfFunction.startofmonth, StartOfFunction.startofyear,
        StartOfFunction.endofday, StartOfFunction.endofweek, StartOfFunction.endofmonth, StartOfFunction.endofyear,
        DatetimeAddFunction(), DatetimeDiffFunction(), DatetimePartFunction(),
        DayOfFunction.dayofweek, DayOfFunction.dayofmonth, DayOfFunction.dayofyear, DayOfFunction.getyear,
        DayOfFunction.getmonth, DayOfFunction.monthofyear, DayOfFunction.hourofday, BinAtFunction(),
        FormatDatetimeFunction(), FormatTimespanFunction(), MakeDatetimeFunction(), MakeTimespanFunction(),
        UnixtimeFunction.seconds, UnixtimeFunction.milliseconds, UnixtimeFunction.microseconds, UnixtimeFunction.nanoseconds,
    ]

    static let conversionFunctions: [any ScalarFunction] = [
        ToboolFunction(name: "tobool"), ToboolFunction(name: "toboolean"), ToNumberFunction.toint, ToNumberFunction.tolong,
        ToNumberFunction.toreal, ToNumberFunction.todouble, ToNumberFunction.todecimal, TostringFunction(), ToguidFunction(),
        TodatetimeFunction(), TotimespanFunction(),
    ]

    static let conditionalFunctions: [any ScalarFunction] = [
        IffFunction(name: "iff"), IffFunction(name: "iif"), CaseFunction(), CoalesceFunction(),
        NullTestFunction.isnull, NullTestFunction.isnotnull, NullTestFunction.isempty, NullTestFunction.isnotempty,
        NotFunction(), GettypeFunction(),
    ]

    static let dynamicFunctions: [any ScalarFunction] = [
        ParseJsonFunction(name: "parse_json"), ParseJsonFunction(name: "todynamic"), BagPackFunction(name: "bag_pack"),
        BagPackFunction(name: "pack"), PackArrayFunction(), ArrayLengthFunction(), ArrayConcatFunction(), ArraySliceFunction(),
        BagKeysFunction(), BagMergeFunction(), SetOperationFunction.setUnion, SetOperationFunction.setIntersect, ZipFunction(),
        RowFunction.arrayReverse, RowFunction.arraySum, RowFunction.arraySortAsc,
        RowFunction.arraySortDesc, RowFunction.arrayIndexOf, RowFunction.arrayShiftLeft,
        RowFunction.arrayShiftRight, RowFunction.arrayRotateLeft, RowFunction.arrayRotateRight,
        RowFunction.setHasElement, RowFunction.setDifference, RowFunction.bagHasKey,
        RowFunction.bagRemoveKeys, RowFunction.bagSetKey, RangeArrayFunction(),
        ArrayIffFunction(name: "array_iff"), ArrayIffFunction(name: "array_iif"), BagZipFunction(), ArraySplitFunction(),
        ParseCsvFunction(), ParseUrlFunction(name: "parse_url"), ParseUrlFunction(name: "parseurl"), ParsePathFunction(),
    ]

    static let mathFunctions: [any ScalarFunction] = [
        AbsFunction(), RoundFunction(), RealMathFunction.ceiling, PowFunction(), RealMathFunction.sqrt, RealMathFunction.exp,
        RealMathFunction.log, RealMathFunction.log10, RealMathFunction.log2, SignFunction(), RandFunction(),
        ExtremeOfFunction.minOf, ExtremeOfFunction.maxOf, RealTestFunction.isnan, RealTestFunction.isinf,
        RealMathFunction.cos, RealMathFunction.sin, RealMathFunction.tan, RealMathFunction.acos, RealMathFunction.asin,
        RealMathFunction.atan, RealMathFunction.cot, RealMathFunction.degrees, RealMathFunction.radians,
        RealMathFunction.exp2, RealMathFunction.exp10, RealMathFunction.gamma, RealMathFunction.loggamma,
        RealTestFunction.isfinite, Atan2Function(), PiFunction(),
    ]

    static let hashFunctions: [any ScalarFunction] = [HashFunction(), HashFunction(name: "hash_xxhash64"), HashSha256Function(), HashDigestFunction.md5, HashDigestFunction.sha1]

    static let windowFunctions: [any ScalarFunction] = [
        RowNumberFunction(), NeighborFunction(name: "prev"), NeighborFunction(name: "next"), RowCumsumFunction(),
    ]

    /// Every aggregate function, aliases included.
    static let aggregateFunctions: [any AggregateFunction] = [
        CountAggregate(), CountifAggregate(), SumAggregate(conditional: false), SumAggregate(conditional: true),
        AvgAggregate(conditional: false), AvgAggregate(conditional: true),
        ExtremeAggregate(isMax: false, conditional: false), ExtremeAggregate(isMax: true, conditional: false),
        ExtremeAggregate(isMax: false, conditional: true), ExtremeAggregate(isMax: true, conditional: true),
        DcountAggregate(conditional: false), DcountAggregate(conditional: true),
        MakeListAggregate(distinct: false, conditional: false), MakeListAggregate(distinct: false, conditional: true),
        MakeListAggregate(distinct: true, conditional: false), MakeListAggregate(distinct: true, conditional: true),
        MakeBagAggregate(), ArgExtremeAggregate(isMax: true), ArgExtremeAggregate(isMax: false),
        PercentileAggregate(multiple: false), PercentileAggregate(multiple: true),
        VarianceAggregate(kind: .stdev), VarianceAggregate(kind: .stdevp), VarianceAggregate(kind: .variance),
        VarianceAggregate(kind: .variancep), TakeAnyAggregate(),
        ConditionalAggregate(name: "stdevif", base: VarianceAggregate(kind: .stdev), predicateIndex: 1),
        ConditionalAggregate(name: "varianceif", base: VarianceAggregate(kind: .variance), predicateIndex: 1),
        ConditionalAggregate(name: "make_bag_if", base: MakeBagAggregate(), predicateIndex: 1),
        MakeListWithNullsAggregate(),
    ]

    private static let scalarsByName: [String: any ScalarFunction] =
        Dictionary(scalarFunctions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    private static let aggregatesByName: [String: any AggregateFunction] =
        Dictionary(aggregateFunctions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    /// The scalar function called `named` (KQL names are case-sensitive), or nil.
    public static func scalar(named: String) -> (any ScalarFunction)? { scalarsByName[named] }

    /// The aggregate function called `named`, or nil.
    public static func aggregate(named: String) -> (any AggregateFunction)? { aggregatesByName[named] }

    /// Names of every scalar function, sorted.
    public static var scalarNames: [String] { scalarsByName.keys.sorted() }

    /// Names of every aggregate function, sorted.
    public static var aggregateNames: [String] { aggregatesByName.keys.sorted() }
}

extension FunctionRegistry {
    /// The kernel of a binary operator: arithmetic, comparison, `and`/`or` or a string predicate.
    /// `like`/`!like` are not KQL; they get a kernel that rejects them by name.
    public static func binary(_ op: BinaryOperator) -> any ScalarFunction {
        switch op {
        case .add, .subtract, .multiply, .divide, .modulo: return ArithmeticOperator(op: op)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .equalCaseInsensitive,
             .notEqualCaseInsensitive:
            return ComparisonOperator(op: op)
        case .and, .or: return LogicalOperator(op: op)
        case .like, .notLike: return UnsupportedOperator(name: op.rawValue)
        default: return StringOperator(op: op)
        }
    }

    /// The kernel of `in`, `!in`, `in~`, `!in~`, `has_any` or `has_all`: arguments are the left
    /// value followed by the list items.
    public static func setMembership(_ op: SetOperator) -> any ScalarFunction { SetMembershipOperator(op: op) }

    /// `between` (arguments: value, low, high).
    public static var between: any ScalarFunction { BetweenOperator(negated: false) }

    /// `!between` (arguments: value, low, high).
    public static var notBetween: any ScalarFunction { BetweenOperator(negated: true) }

    /// Unary minus.
    public static var negate: any ScalarFunction { NegateOperator() }

    /// `d.key` (arguments: the dynamic value, the key as a string).
    public static var dynamicMember: any ScalarFunction { DynamicMemberAccess() }

    /// `d[i]` / `d['key']` (arguments: the dynamic value, the index or key).
    public static var dynamicIndex: any ScalarFunction { DynamicIndexAccess() }
}

/// An operator KQL does not have, rejected by name when bound.
struct UnsupportedOperator: ScalarFunction {
    let name: String
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        throw FunctionError(.unsupported, "operator '\(name)' is not KQL; use 'contains', 'startswith' or 'matches regex'")
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        throw FunctionError(.unsupported, "operator '\(name)' is not KQL")
    }
}
