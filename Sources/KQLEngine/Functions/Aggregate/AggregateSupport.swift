import Columnar

/// Shared pieces of the aggregate functions: result naming, predicate masks and per-group loops.
enum AggregateSupport {
    /// KQL's default result name: `prefix_column` for a plain column argument, `prefix_` otherwise
    /// (the binder may pass a derived name as `columnName`).
    static func name(_ prefix: String, _ args: [ArgumentInfo], _ i: Int = 0) -> String {
        prefix + "_" + (i < args.count ? (args[i].columnName ?? "") : "")
    }

    /// Rows where the predicate argument is true (null counts as false).
    static func mask(_ pred: ColumnarValue, rows: Int) -> [Bool] {
        let b = BoolView(pred)
        return (0..<rows).map { b.get($0) == true }
    }

    /// The per-row group id and row count of an aggregation call.
    static func rows(_ groups: GroupIndex) -> Int { groups.groupIDs.count }

    /// Boxed values of the selected rows of each group, in input order, skipping nulls.
    static func valuesByGroup(_ v: ColumnarValue, _ groups: GroupIndex, mask: [Bool]? = nil) -> [[Value]] {
        var out = [[Value]](repeating: [], count: groups.groupCount)
        for (i, g) in groups.groupIDs.enumerated() where mask?[i] ?? true {
            let x = v.value(i)
            if !x.isNull { out[Int(g)].append(x) }
        }
        return out
    }

    /// A boxed result column of `type`, one value per group.
    static func column(_ values: [Value], _ type: ScalarType) -> Column {
        var b = ColumnBuilder(type: type, capacity: values.count)
        for v in values { b.append(BoxedResult.normalize(v, to: type)) }
        return b.finish()
    }
}
