import Columnar
import KQLSyntax

/// `evaluate sequence_detect(TimelineColumn, MaxSequenceStepWindow, MaxSequenceSpan, Expr1, Expr2, ..., Dim1,
/// Dim2, ...)`: every occurrence, within one combination of the dimensions, of rows matching Expr1, Expr2, ... in
/// that order (each a later row in time order), at most MaxSequenceStepWindow apart from one step to the next and
/// at most MaxSequenceSpan from the first to the last. One row per occurrence: the dimensions, each step's time
/// (`<name>_<TimelineColumn>`, a step written without a name is `ExprN`) and `Duration`, ordered by the steps'
/// times. At most ``limit`` occurrences.
///
/// The engine evaluates the arguments over the input first (``inputOperators(_:input:span:)``): one column per
/// argument, named by its role, so the steps keep the order they are written in.
struct SequenceDetectPlugin: TabularPlugin {
    let name = "sequence_detect"
    /// The most occurrences one call returns.
    static let limit = 1_000_000

    private static let time = "$time:", maxStep = "$maxstep", maxSpan = "$maxspan", step = "$step:", dim = "$dim:"

    func inputOperators(_ arguments: [ArgumentSyntax], input: Schema, span: SourceSpan) throws(KQLError)
        -> [OperatorSyntax]?
    {
        guard arguments.count >= 4, arguments[0].name == nil, case .name(let timeline) = arguments[0].value,
            input.index(of: timeline.name) != nil, arguments[1].name == nil, arguments[2].name == nil
        else {
            throw KQLError(
                .argument,
                "sequence_detect(TimelineColumn, MaxSequenceStepWindow, MaxSequenceSpan, Expr1, ... [, Dim1, ...]) "
                    + "needs a timeline column of its input, the two windows and at least one step", span: span)
        }
        func column(_ name: String, _ value: ExpressionSyntax) -> AssignmentSyntax {
            AssignmentSyntax(names: [NameSyntax(name, span: value.span)], value: value)
        }
        var columns = [
            column(Self.time + timeline.name, arguments[0].value), column(Self.maxStep, arguments[1].value),
            column(Self.maxSpan, arguments[2].value),
        ]
        var steps = 0
        for a in arguments.dropFirst(3) {
            if let n = a.name {
                steps += 1
                columns.append(column(Self.step + n.name, a.value))
            } else if case .name(let n) = a.value, input.index(of: n.name) != nil {
                columns.append(column(Self.dim + n.name, a.value))
            } else {
                steps += 1
                columns.append(column(Self.step + "Expr\(steps)", a.value))
            }
        }
        guard steps > 0 else {
            throw KQLError(.argument, "sequence_detect() needs at least one step expression", span: span)
        }
        return [OperatorSyntax(kind: .project(columns), span: span, keywordSpan: span)]
    }

    /// The evaluated arguments' schema, and where each role's columns are.
    private struct Roles {
        var time = 0, timeName = "", steps: [Int] = [], dims: [Int] = []
        var timeType = ScalarType.datetime
    }

    private func roles(_ schema: Schema, _ span: SourceSpan) throws(KQLError) -> Roles {
        var r = Roles()
        for (i, f) in schema.fields.enumerated() {
            if f.name.hasPrefix(Self.time) {
                r.time = i; r.timeName = String(f.name.dropFirst(Self.time.count)); r.timeType = f.type
            } else if f.name.hasPrefix(Self.step) {
                guard f.type == .bool else {
                    throw KQLError(
                        .type,
                        "sequence_detect(): the step \(f.name.dropFirst(Self.step.count)) must be a bool "
                            + "expression, not \(f.type.rawValue)", span: span)
                }
                r.steps.append(i)
            } else if f.name.hasPrefix(Self.dim) {
                r.dims.append(i)
            }
        }
        guard [.datetime, .timespan, .long, .int].contains(r.timeType) else {
            throw KQLError(
                .type, "sequence_detect(): the TimelineColumn must be a datetime, timespan or whole-number column",
                span: span)
        }
        for w in [Self.maxStep, Self.maxSpan] {
            let t = schema.fields[schema.index(of: w)!].type
            guard t == .timespan || (t == .long || t == .int) && r.timeType != .datetime else {
                throw KQLError(
                    .type, "sequence_detect(): MaxSequenceStepWindow and MaxSequenceSpan must be timespans",
                    span: span)
            }
        }
        return r
    }

    private func evaluated(_ arguments: PluginArguments) -> Schema? {
        switch arguments.named[PluginArguments.inputQueryArgument] {
        case .inputQuery(let q)?: return q.schema
        case .table(let t)?: return t.schema
        default: return nil
        }
    }

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        guard let schema = evaluated(arguments) else { return nil }
        let r = try roles(schema, arguments.span)
        let durationType: ScalarType = r.timeType == .datetime ? .timespan : r.timeType
        return Schema(
            r.dims.map { Field(String(schema.fields[$0].name.dropFirst(Self.dim.count)), schema.fields[$0].type) }
                + r.steps.map {
                    Field(String(schema.fields[$0].name.dropFirst(Self.step.count)) + "_" + r.timeName, r.timeType)
                } + [Field("Duration", durationType)])
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        guard case .table(let t)? = arguments.named[PluginArguments.inputQueryArgument],
            let schema = try outputSchema(input: input.schema, arguments: arguments)
        else { throw KQLError(.argument, "sequence_detect(): its arguments were not evaluated", span: arguments.span) }
        let r = try roles(t.schema, arguments.span)
        var out = ResultBuilder(schema: schema, budget: arguments.budget)
        guard t.rowCount > 0 else { return PluginResult(table: out.finish()) }
        var windows: [Int64] = []
        for w in [Self.maxStep, Self.maxSpan] {
            guard let x = MakeSeriesAxis.whole(ValueOrder.unwrap(t.columns[t.schema.index(of: w)!].value(0))), x > 0
            else {
                throw KQLError(
                    .argument, "sequence_detect(): MaxSequenceStepWindow and MaxSequenceSpan must be positive",
                    span: arguments.span)
            }
            windows.append(x)
        }
        let finder = SequenceFinder(maxStep: windows[0], maxSpan: windows[1], budget: arguments.budget)
        var found: [(group: Int, times: [Int64])] = []
        let groups = DimensionGroups(t, dimensions: r.dims)
        for g in groups.keys.indices {
            var events: [(time: Int64, row: Int)] = []
            for row in groups.rows[g] {
                if let x = MakeSeriesAxis.whole(ValueOrder.unwrap(t.columns[r.time].value(row))) {
                    events.append((x, row))
                }
            }
            events.sort { $0.time != $1.time ? $0.time < $1.time : $0.row < $1.row }
            let matches = r.steps.map { c in events.indices.filter { t.columns[c].value(events[$0].row) == .bool(true) }
            }
            try finder.occurrences(times: events.map(\.time), matches: matches, limit: Self.limit + 1 - found.count) {
                found.append((g, $0))
            }
            guard found.count <= Self.limit else {
                throw KQLError(
                    .limit, "sequence_detect(): more than \(Self.limit) sequence occurrences", span: arguments.span,
                    hint: "narrow the input, the windows or the step expressions")
            }
        }
        found.sort { $0.times != $1.times ? $0.times.lexicographicallyPrecedes($1.times) : $0.group < $1.group }
        let make: (Int64) -> Value = {
            r.timeType == .datetime ? .datetime($0) : r.timeType == .timespan ? .timespan($0) : .long($0)
        }
        for (g, times) in found {
            let duration = timelineGap(times[0], times[times.count - 1])
            try out.append(
                groups.keys[g] + times.map(make) + [r.timeType == .datetime ? .timespan(duration) : make(duration)])
        }
        return PluginResult(table: out.finish())
    }
}

/// Enumerates the chains of one step's match after another within the step and span windows, without recursion.
struct SequenceFinder {
    let maxStep: Int64, maxSpan: Int64
    let budget: QueryBudget

    /// Calls `emit` with the times of each chain: one position from each `matches[j]` (positions into the sorted
    /// `times`), increasing, each at most `maxStep` after the one before and the last at most `maxSpan` after
    /// the first. Positions that cannot start the rest of a chain are dropped first, so dead ends are not walked.
    func occurrences(times: [Int64], matches: [[Int]], limit: Int, emit: ([Int64]) -> Void) throws(KQLError) {
        let steps = matches.count
        // viable[j]: the positions of step j from which the remaining steps can follow within maxStep each.
        var viable = matches
        if steps >= 2 {
            for j in stride(from: steps - 2, through: 0, by: -1) {
                viable[j] = matches[j].filter { p in
                    guard let q = Self.firstAfter(viable[j + 1], p) else { return false }
                    return timelineGap(times[p], times[viable[j + 1][q]]) <= maxStep
                }
            }
        }
        var emitted = 0, work = 0
        var chain = [Int](repeating: 0, count: steps), cursor = [Int](repeating: 0, count: steps)
        for first in viable[0] {
            chain[0] = first
            if steps == 1 {
                emit([times[first]]); emitted += 1
                if emitted >= limit { return }
                continue
            }
            var j = 1
            cursor[1] = Self.firstAfter(viable[1], first) ?? viable[1].count
            while j >= 1 {
                work += 1
                if work % 65_536 == 0 { try budget.checkDeadline() }
                let c = cursor[j]
                let p = c < viable[j].count ? viable[j][c] : -1
                guard p >= 0, timelineGap(times[chain[j - 1]], times[p]) <= maxStep,
                    timelineGap(times[first], times[p]) <= maxSpan
                else {
                    j -= 1
                    continue
                }
                cursor[j] = c + 1
                chain[j] = p
                if j == steps - 1 {
                    emit(chain.map { times[$0] }); emitted += 1
                    if emitted >= limit { return }
                } else {
                    j += 1
                    cursor[j] = Self.firstAfter(viable[j], p) ?? viable[j].count
                }
            }
        }
    }

    /// The index in the sorted `list` of the first position greater than `p`.
    static func firstAfter(_ list: [Int], _ p: Int) -> Int? {
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if list[mid] <= p { lo = mid + 1 } else { hi = mid } }
        return lo < list.count ? lo : nil
    }
}
