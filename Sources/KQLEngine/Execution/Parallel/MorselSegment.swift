import Columnar
import KQLSyntax

/// A stretch of a plan's pipeline that runs over morsels of its input: row-wise operators, optionally
/// closed by a `summarize` that decomposes into partial aggregates (``QueryParallelism``).
struct MorselSegment {
    /// Run one after the other over each morsel.
    var rowWise: [any PhysicalOperator]
    /// Summarizes each morsel's output; the partials are merged once every morsel is done.
    var summarize: SummarizeOperator?
    /// The index of the first plan node after the segment.
    var end: Int

    /// The name of the budget account the segment runs in: the `summarize`, whose groups are what grows
    /// with the input, else the first operator that computes something.
    var name: String {
        summarize?.name ?? rowWise.first { !($0 is KeepColumnsOperator) }?.name ?? "where"
    }

    /// The longest segment starting at `operators[start]`, or nil when none worth splitting starts there.
    static func starting(at start: Int, in operators: [PlanNode]) -> MorselSegment? {
        var rowWise: [any PhysicalOperator] = []
        var end = start
        var works = false
        while end < operators.count, admits(operators[end].op) {
            let op = operators[end].op
            rowWise.append(op)
            works = works || !(op is KeepColumnsOperator)
            end += 1
        }
        var summarize: SummarizeOperator?
        if end < operators.count, let s = operators[end].op as? SummarizeOperator, s.decomposes {
            summarize = s
            end += 1
        }
        guard works || summarize != nil else { return nil }
        // Outputs are joined column by column: boxed columns (`dynamic`, `decimal`) would be rebuilt
        // value by value, and a constant repeated on every row would lose the one value its rows share.
        if summarize == nil {
            guard let schema = operators[end - 1].schema,
                !schema.fields.contains(where: { $0.type == .dynamic || $0.type == .decimal })
            else { return nil }
        }
        return MorselSegment(rowWise: rowWise, summarize: summarize, end: end)
    }

    /// Whether a node looks only at one row at a time, through deterministic expressions.
    private static func admits(_ op: any PhysicalOperator) -> Bool {
        switch op {
        case let f as FilterOperator: return f.bound.predicate.isMorselSafe
        case let e as ExtendOperator: return e.bound.columns.allSatisfy(\.value.isMorselSafe)
        case let p as ProjectOperator: return p.bound.columns.allSatisfy(\.value.isMorselSafe)
        case is KeepColumnsOperator: return true
        default: return false
        }
    }
}
