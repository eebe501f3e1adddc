import Columnar
import Foundation

/// The file formats a chart is written in, chosen by the file's extension.
public enum ChartFormat: String, Sendable, CaseIterable {
    /// `.svg`: the chart as Sandpiper draws it.
    case svg
    /// `.png`: the SVG rasterised by `rsvg-convert` (Debian's librsvg2-bin).
    case png
    /// `.html`: a self-contained page with the SVG inline and the result as a table.
    case html
    /// `.vl.json`: an equivalent Vega-Lite v5 specification with the data inlined.
    case vegaLite = "vl.json"

    /// The format a path's extension names, or `E_CHART_OUTPUT`.
    public init(path: String) throws(ChartError) {
        let name = path.lowercased()
        // `.vl.json` before anything else: its last extension alone is `.json`.
        if name.hasSuffix(".vl.json") { self = .vegaLite; return }
        for format in [ChartFormat.svg, .png, .html] where name.hasSuffix("." + format.rawValue) {
            self = format; return
        }
        throw ChartError(
            .chartOutput, "cannot tell the chart format of '\(path)' from its extension",
            hint: "name the file .svg, .png, .html or .vl.json")
    }
}

/// Writes the chart a result's `render` asks for to a file.
public enum ChartFile {
    /// The bytes of `table`'s chart in `format`; `E_CHART_*` when the table cannot be drawn as asked.
    public static func contents(of table: Table, format: ChartFormat, style: ChartStyle = ChartStyle())
        throws(ChartError) -> Data
    {
        guard let visualization = table.visualization else {
            throw ChartError(
                .chartOutput, "the result has no chart: the query does not end in render",
                hint: "end the query with `| render timechart` (or another visualization)")
        }
        let model = try ChartModel(table: table, request: try ChartRequest(visualization))
        switch format {
        case .svg: return Data(model.svg(style: style).utf8)
        case .vegaLite: return Data(model.vegaLite(style: style).utf8)
        case .html: return Data(ChartHTML.page(model: model, table: table, style: style).utf8)
        case .png: return try PNGRasterizer.png(svg: model.svg(style: style))
        }
    }

    /// Writes `table`'s chart to `path` in the format its extension names. The file appears whole or not
    /// at all: it is written beside its destination and renamed into place.
    public static func write(_ table: Table, to path: String, style: ChartStyle = ChartStyle()) throws(ChartError) {
        let data = try contents(of: table, format: try ChartFormat(path: path), style: style)
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw ChartError(
                .chartOutput, "cannot write the chart to '\(path)': \(error.localizedDescription)",
                hint: "name a file in a folder that exists and is writable")
        }
    }

    /// The paths for `count` charts from one `--chart` path: the path itself, then `name-2.ext`, `name-3.ext`, ...
    public static func paths(_ path: String, count: Int) -> [String] {
        guard count > 1 else { return count == 1 ? [path] : [] }
        let ext: String
        if path.lowercased().hasSuffix(".vl.json") {
            ext = String(path.suffix(8))
        } else {
            let last = (path as NSString).pathExtension
            ext = last.isEmpty ? "" : "." + last
        }
        let stem = path.dropLast(ext.count)
        return (1...count).map { $0 == 1 ? path : "\(stem)-\($0)\(ext)" }
    }
}
