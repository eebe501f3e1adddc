import Columnar

/// treemap: "hierarchical data as a set of nested rectangles": one level per `series` column (else
/// per string column, in order), each rectangle's area the sum of the first numeric column (or the
/// first `ycolumns` entry) over its rows.
extension ChartBuilder {
    func treemap() throws(ChartError) -> (roles: ChartRoles, content: ChartContent) {
        var levels = try indices(of: request.series, for: .series)
        guard let size = try measure(excluding: levels) else {
            throw missing("a numeric column for the rectangles' sizes")
        }
        if levels.isEmpty { levels = shapes.indices.filter { shapes[$0] == .text && $0 != size } }
        levels.removeAll { $0 == size }
        guard !levels.isEmpty else { throw missing("a string column to name the rectangles") }

        var order: [[String]] = [], sums: [[String]: Double] = [:], omitted = 0
        for row in 0..<table.rowCount {
            guard let v = ChartValues.continuous(table.columns[size], row), v > 0 else { omitted += 1; continue }
            let path = key(levels, row)
            if sums[path] == nil { order.append(path) }
            sums[path, default: 0] += v
        }
        let roles = ChartRoles(
            x: nil, series: levels.map { names[$0] }, y: [names[size]], ignored: unused(levels + [size]))
        return (
            roles,
            .treemap(
                TreemapChart(
                    levels: levels.map { names[$0] }, sizeColumn: names[size],
                    leaves: order.map { TreemapChart.Leaf(path: $0, value: sums[$0]!) },
                    omitted: omitted))
        )
    }
}
