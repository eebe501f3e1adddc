import Columnar

/// The forms `sandpiper query --format` prints results in.
public enum ResultFormat: String, Sendable, CaseIterable {
    /// Aligned columns with a typed header, for people.
    case table
    /// RFC 4180 CSV with a header of column names, one block per result table.
    case csv
    /// One JSON object per result table and line (the machine-readable contract; see ``JSONResultFormatter``).
    case json
    /// A GitHub-flavored markdown table per result table.
    case markdown
}

/// One result table to print, the plugin output (the python plugin's prints) that belongs to it, its
/// partial-result notice when it was truncated, and where its chart was written when it ends in `render`.
public struct PrintableResult: Sendable {
    public var table: Table
    public var pluginOutput: [String]
    public var truncation: TruncationNotice?
    /// The file the `render` chart was written to (`sandpiper query --chart`), or nil when none was.
    public var chartFile: String?
    /// The files plugins wrote for the user (python scripts' `outputs/`, copied to `--python-output`).
    public var pluginFiles: [String]
    public init(
        table: Table, pluginOutput: [String] = [], truncation: TruncationNotice? = nil, chartFile: String? = nil,
        pluginFiles: [String] = []
    ) {
        self.table = table; self.pluginOutput = pluginOutput; self.truncation = truncation; self.chartFile = chartFile
        self.pluginFiles = pluginFiles
    }
}

/// What to write to standard output and standard error.
public struct RenderedResult: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
}

/// Turns result tables into text in one of the ``ResultFormat``s.
public enum ResultRenderer {
    /// The header plugin output is printed under (on standard error) in the table, csv and markdown forms.
    public static let pluginOutputHeader = "--- python output ---"

    /// Renders every result in order. In the `json` form plugin output is a `{"python_output": ...}` line
    /// after its table on standard output, exact; in the other forms it goes to standard error under a
    /// header, with control characters other than line breaks and tabs escaped (`DisplayText.forTerminal`).
    /// A truncated table's notice goes to standard error in every form (naming the table when there are
    /// several), and in the `json` form also into the table's object as `truncation`.
    /// A table that ends in `render` is followed, in the `json` form, by a `{"visualization": {...}}` line
    /// with ADX's Visualization properties, and in the `table` form by a line saying where its chart was
    /// written or how to draw it. Files plugins wrote are listed in a `{"python_files": [...]}` line in the
    /// `json` form, and on standard error in the others. `maxRows` caps the rows of the table format (0: all of
    /// them), and `maxTableWidth` its width in characters (0: no limit), as ``TextTableFormatter`` fits it.
    public static func render(
        _ results: [PrintableResult], format: ResultFormat, maxCellWidth: Int = 48,
        maxRows: Int = 0, maxTableWidth: Int = 0
    ) -> RenderedResult {
        var out = "", err = ""
        for (i, result) in results.enumerated() {
            if let notice = result.truncation {
                err += (results.count > 1 ? "result \(i + 1): " : "") + notice.description + "\n"
            }
            switch format {
            case .json:
                out += JSONResultFormatter.line(result.table, truncation: result.truncation) + "\n"
                if let visualization = result.table.visualization {
                    out += JSONResultFormatter.visualizationLine(visualization) + "\n"
                }
                if !result.pluginOutput.isEmpty {
                    out += JSONResultFormatter.pluginOutputLine(result.pluginOutput.joined()) + "\n"
                }
                if !result.pluginFiles.isEmpty {
                    out += JSONResultFormatter.pluginFilesLine(result.pluginFiles) + "\n"
                }
                continue
            case .table:
                if i > 0 { out += "\n" }
                out += TextTableFormatter.text(
                    result.table, maxCellWidth: maxCellWidth, maxRows: maxRows, maxTableWidth: maxTableWidth)
                if let visualization = result.table.visualization {
                    out += chartLine(visualization, file: result.chartFile) + "\n"
                }
            case .csv:
                if i > 0 { out += "\n" }
                out += CSVResultFormatter.text(result.table)
            case .markdown:
                if i > 0 { out += "\n" }
                out += MarkdownFormatter.text(result.table)
            }
            if !result.pluginOutput.isEmpty {
                // A script's print output reaches a terminal: no escape sequence of it does.
                var text = DisplayText.forTerminal(result.pluginOutput.joined())
                if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
                err += pluginOutputHeader + "\n" + text
            }
            if !result.pluginFiles.isEmpty { err += filesNotice(result.pluginFiles) }
        }
        return RenderedResult(stdout: out, stderr: err)
    }

    /// The lines that say where a result's python files went: `python(): 2 files written:` and a path each.
    public static func filesNotice(_ files: [String]) -> String {
        "python(): \(files.count) file\(files.count == 1 ? "" : "s") written:\n"
            + files.map { "  " + DisplayText.forTerminal($0) + "\n" }.joined()
    }

    /// The table form's line under a result that ends in `render`.
    public static func chartLine(_ visualization: Visualization, file: String?) -> String {
        let kind = DisplayText.forTerminal(visualization.kind)
        if let file { return "render \(kind): chart written to \(DisplayText.forTerminal(file))" }
        return "render \(kind): draw it with --chart FILE.svg (or .png, .html, .vl.json)"
    }
}
