import Columnar

/// `kind=map` (see ADX's geospatial visualizations): "Expected columns are [Longitude, Latitude] or
/// GeoJSON point". A scatter chart's series column is optional; a pie chart adds a colour axis and a
/// numeric column, and draws one pie per location.
extension ChartBuilder {
    func map(mark: MapChart.Mark) throws(ChartError) -> (roles: ChartRoles, content: ChartContent) {
        let declaredSeries = try indices(of: request.series, for: .series)
        var used: [Int] = []
        let location: Location
        if let name = request.xColumn {
            // Longitude in xcolumn, latitude in the first ycolumns entry.
            let lon = try index(of: name, for: .xcolumn)
            guard shapes[lon] == .number else { throw wrongType(lon, .xcolumn, needs: "a numeric longitude column") }
            guard let latName = request.yColumns.first else {
                throw ChartError(
                    .chartProperty, "kind=map with xcolumn (the longitude) needs ycolumns naming the latitude column")
            }
            let lat = try index(of: latName, for: .ycolumns)
            guard shapes[lat] == .number else { throw wrongType(lat, .ycolumns, needs: "a numeric latitude column") }
            location = .pair(lon, lat)
        } else if let point = shapes.indices.first(where: { shapes[$0] == .geoPoint && !declaredSeries.contains($0) }) {
            location = .point(point)
        } else {
            let numbers = shapes.indices.filter { shapes[$0] == .number && !declaredSeries.contains($0) }
            guard numbers.count >= 2 else {
                throw missing("[Longitude, Latitude] numeric columns or a GeoJSON point column")
            }
            location = .pair(numbers[0], numbers[1])
        }
        switch location {
        case .pair(let lon, let lat): used = [lon, lat]
        case .point(let p): used = [p]
        }

        var series = declaredSeries.filter { !used.contains($0) }
        var value: Int?
        if mark == .pie {
            // The colour axis: `series`, else the first string column; the size: the first other number.
            if series.isEmpty, let c = shapes.indices.first(where: { shapes[$0] == .text && !used.contains($0) }) {
                series = [c]
            }
            let ys = request.xColumn == nil ? request.yColumns : Array(request.yColumns.dropFirst())
            if let first = ys.first {
                let i = try index(of: first, for: .ycolumns)
                guard shapes[i] == .number else { throw wrongType(i, .ycolumns, needs: "a numeric column") }
                value = i
            } else {
                value = shapes.indices.first { shapes[$0] == .number && !used.contains($0) && !series.contains($0) }
            }
            guard value != nil else { throw missing("a numeric column for the pies' slices") }
        } else {
            series += shapes.indices.filter { shapes[$0] == .text && !used.contains($0) && !series.contains($0) }
        }

        var places: [MapChart.Place] = [], seriesNames: [String] = [], seen: Set<String> = []
        for row in 0..<table.rowCount {
            let lon: Double, lat: Double
            switch location {
            case .pair(let a, let b):
                guard let x = ChartValues.continuous(table.columns[a], row),
                    let y = ChartValues.continuous(table.columns[b], row)
                else { continue }
                lon = x; lat = y
            case .point(let p):
                guard case .dynamic(let d) = table.columns[p].value(row), let g = GeoPoint(d) else { continue }
                lon = g.longitude; lat = g.latitude
            }
            guard (-180...180).contains(lon), (-90...90).contains(lat) else { continue }
            let name = key(series, row).joined(separator: ", ")
            var size = 1.0
            if let value {
                guard let v = ChartValues.continuous(table.columns[value], row), v > 0 else { continue }
                size = v
            }
            if seen.insert(name).inserted { seriesNames.append(name) }
            places.append(MapChart.Place(longitude: lon, latitude: lat, series: name, value: size))
        }
        let x: String, y: [String]
        switch location {
        case .pair(let lon, let lat): x = names[lon]; y = [names[lat]] + (value.map { [names[$0]] } ?? [])
        case .point(let p): x = names[p]; y = value.map { [names[$0]] } ?? []
        }
        let roles = ChartRoles(
            x: x, series: series.map { names[$0] }, y: y,
            ignored: unused(used + series + (value.map { [$0] } ?? [])))
        return (roles, .map(MapChart(mark: mark, places: places, seriesNames: seriesNames)))
    }

    private enum Location { case pair(Int, Int), point(Int) }
}
