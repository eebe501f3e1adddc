import Columnar
import KQLSyntax

/// `T | evaluate rows_near(Condition, NumRows [, RowsAfter])`: every input row that lies within `NumRows` rows
/// before, or `RowsAfter` (default `NumRows`) rows after, a row where the condition is true, in input order.
/// The rows are taken in the order they arrive, so the input is usually sorted first.
struct RowsNearPlugin: TabularPlugin {
    let name = "rows_near"
    var acceptsRowExpressions: Bool { true }

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        _ = try counts(arguments)
        guard let first = arguments.positional.first else { throw usage(arguments.span) }
        switch first {
        case .expression(let e) where e.type == .bool: break
        case .value(_, .bool): break
        default:
            throw KQLError(
                .type, "rows_near: the condition must be a bool expression over the input's columns",
                span: arguments.span)
        }
        return input
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let (before, after) = try counts(arguments)
        let n = input.rowCount
        let hit: (Int) -> Bool
        switch arguments.positional.first {
        case .column(let c)?: hit = { c.value($0) == .bool(true) }
        case .value(let v, _)?: let all = v == .bool(true); hit = { _ in all }
        default: throw usage(arguments.span)
        }
        // Mark each row within reach of a true condition; `reach` is the last row the latest hit covers.
        var keep = [Bool](repeating: false, count: n)
        var reach = -1
        for i in 0..<n {
            if hit(i) {
                // Rows already marked are skipped, so each row is marked once whatever the counts.
                let from = max(reach + 1, before >= i ? 0 : i - before)
                if from < i { for j in from..<i { keep[j] = true } }
                reach = max(reach, after >= n - 1 - i ? n - 1 : i + after)
            }
            if i <= reach { keep[i] = true }
            if i % 4096 == 0 { try arguments.budget.checkDeadline() }
        }
        return PluginResult(table: input.gather(keep.indices.filter { keep[$0] }))
    }

    /// NumRows and RowsAfter: whole numbers of at least zero.
    private func counts(_ a: PluginArguments) throws(KQLError) -> (before: Int, after: Int) {
        func count(_ arg: PluginArguments.Argument, _ what: String) throws(KQLError) -> Int {
            switch arg {
            case .value(.long(let v), _) where v >= 0: return Int(v)
            case .value(.int(let v), _) where v >= 0: return Int(v)
            default: throw KQLError(.argument, "rows_near: \(what) must be a whole number of at least 0", span: a.span)
            }
        }
        guard a.positional.count == 2 || a.positional.count == 3, a.named.isEmpty else { throw usage(a.span) }
        let before = try count(a.positional[1], "NumRows")
        let after = a.positional.count == 3 ? try count(a.positional[2], "RowsAfter") : before
        return (before, after)
    }

    private func usage(_ span: SourceSpan) -> KQLError {
        KQLError(
            .argument, "rows_near takes a condition and a row count: rows_near(Condition, NumRows [, RowsAfter])",
            span: span)
    }
}
