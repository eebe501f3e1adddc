import Columnar

/// What an argument position accepts, for `returnType` checks and their messages.
enum ArgumentKind: Sendable {
    case string, bool, datetime, timespan, guid, dynamic
    /// `int`, `long`, `real` or `decimal`.
    case number
    /// `int` or `long`.
    case integer
    /// Anything scalar.
    case any
    /// One of several types, named in the message as `description`.
    case oneOf([ScalarType], String)

    func accepts(_ t: ScalarType) -> Bool {
        switch self {
        case .string: return t == .string || t == .dynamic
        case .bool: return t == .bool || t == .dynamic
        case .datetime: return t == .datetime || t == .dynamic
        case .timespan: return t == .timespan || t == .dynamic
        case .guid: return t == .guid
        case .dynamic: return t == .dynamic
        case .number: return t.isNumeric || t == .dynamic
        case .integer: return t == .int || t == .long || t == .dynamic
        case .any: return true
        case .oneOf(let ts, _): return ts.contains(t) || t == .dynamic
        }
    }

    var description: String {
        switch self {
        case .string: return "a string"
        case .bool: return "a bool"
        case .datetime: return "a datetime"
        case .timespan: return "a timespan"
        case .guid: return "a guid"
        case .dynamic: return "a dynamic value"
        case .number: return "a number"
        case .integer: return "an integer (int or long)"
        case .any: return "a value"
        case .oneOf(_, let d): return d
        }
    }
}

/// Argument-count and argument-type checks shared by every function's `returnType`.
enum Signature {
    /// Checks the count is within `arity`, then each argument against `kinds` (the last kind
    /// repeats for variadic tails).
    static func check(
        _ name: String, _ args: [ArgumentInfo], _ kinds: [ArgumentKind],
        arity: ClosedRange<Int>? = nil
    ) throws(FunctionError) {
        let range = arity ?? kinds.count...kinds.count
        try count(name, args, range)
        for i in args.indices {
            guard !kinds.isEmpty else { break }
            let kind = i < kinds.count ? kinds[i] : kinds[kinds.count - 1]
            try expect(name, args, i, kind)
        }
    }

    /// Throws when the number of arguments is outside `range`.
    static func count(_ name: String, _ args: [ArgumentInfo], _ range: ClosedRange<Int>) throws(FunctionError) {
        guard !range.contains(args.count) else { return }
        let want: String
        if range.lowerBound == range.upperBound {
            want = "\(range.lowerBound) argument" + (range.lowerBound == 1 ? "" : "s")
        } else if range.upperBound >= 64 {
            want = "at least \(range.lowerBound) argument" + (range.lowerBound == 1 ? "" : "s")
        } else {
            want = "\(range.lowerBound) to \(range.upperBound) arguments"
        }
        throw FunctionError(.type, "\(name)() expects \(want), got \(args.count)")
    }

    /// Throws when argument `i` is not of `kind`.
    static func expect(_ name: String, _ args: [ArgumentInfo], _ i: Int, _ kind: ArgumentKind) throws(FunctionError) {
        guard i < args.count, !kind.accepts(args[i].type) else { return }
        throw mismatch(name, args.count, i, kind.description, args[i].type)
    }

    /// The error for argument `i` of `name` being of the wrong type.
    static func mismatch(_ name: String, _ total: Int, _ i: Int, _ want: String, _ got: ScalarType) -> FunctionError {
        let which = total == 1 ? "" : " argument \(i + 1)"
        return FunctionError(.type, "\(name)()\(which) expects \(want), got \(got.rawValue)", argument: i)
    }

    /// Throws unless argument `i` is a constant, returning it.
    static func constant(_ name: String, _ args: [ArgumentInfo], _ i: Int, _ what: String) throws(FunctionError)
        -> Value
    {
        guard i < args.count, let c = args[i].constant else {
            throw FunctionError(.type, "\(name)() argument \(i + 1) (\(what)) must be a constant", argument: i)
        }
        return c
    }
}

extension ColumnarValue {
    /// The constant value, when this argument is one.
    var constantValue: Value? {
        if case .scalar(let v, _) = self { return v }
        return nil
    }
}
