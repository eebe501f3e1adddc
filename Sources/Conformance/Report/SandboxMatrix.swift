/// The compatibility matrix of a multi-sandbox run: one row per python example, one column per sandbox,
/// each cell the example's status in that sandbox.
public enum SandboxMatrix {
    /// The matrix as a text table; examples without python() are left out (they run once, sandbox-free).
    public static func render(_ report: RunReport) -> String {
        var order: [String] = []
        var cells: [String: [String: ExampleStatus]] = [:]
        for r in report.results {
            guard let sandbox = r.sandbox else { continue }
            let key = r.example.location
            if cells[key] == nil { order.append(key); cells[key] = [:] }
            cells[key]?[sandbox] = r.status
        }
        let rows = order.map { key in [key] + report.sandboxes.map { cells[key]?[$0]?.rawValue ?? "-" } }
        return TextTable.render(header: ["EXAMPLE"] + report.sandboxes, rows: rows)
    }
}
