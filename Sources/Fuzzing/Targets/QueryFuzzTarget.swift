import Columnar
import KQLEngine
import Synchronization

/// The binder and executor: each input is turned into a script by `QueryGenerator` (so nearly every
/// input is a plausible query) and run over the fuzz database, then its results are printed in every
/// output format. The clock is fixed, so an input means the same query and result every time.
struct QueryFuzzTarget: FuzzTarget {
    let name = "query"
    let summary = "binder + executor on generated queries over a small database (grammar from the catalogue)"

    /// 2025-01-01T00:00:00Z.
    static let now: Int64 = 1_735_689_600_000_000_000

    /// Scripts run in this process, and how each ended ("ok" or an error code).
    static let outcomes = Mutex<[String: Int]>([:])

    func run(_ input: [UInt8]) {
        let script = describe(input)
        let engine = Engine(database: FuzzDatabase.make(), now: { Self.now })
        do {
            let result = try engine.execute(script, sourceName: "fuzz")
            Self.outcomes.withLock { $0["ok", default: 0] += 1 }
            // Printing is part of answering a query; skip it for results too large to print quickly.
            guard result.tables.reduce(0, { $0 + $1.table.rowCount }) <= 10_000 else { return }
            let printable = result.tables.map { PrintableResult(table: $0.table, pluginOutput: $0.pluginOutput) }
            for format in ResultFormat.allCases { _ = ResultRenderer.render(printable, format: format) }
        } catch {
            _ = error.description
            Self.outcomes.withLock { $0[error.code.rawValue, default: 0] += 1 }
        }
    }

    /// `N scripts, K ran; errors: E_TYPE 12, ...`: the share that runs tells whether the generator
    /// still writes queries that reach the executor.
    var statistics: String? {
        let outcomes = Self.outcomes.withLock { $0 }
        let total = outcomes.values.reduce(0, +)
        let errors = outcomes.filter { $0.key != "ok" }.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
        return "\(total) scripts, \(outcomes["ok"] ?? 0) ran; errors: \(errors.joined(separator: ", "))"
    }

    /// The script an input generates.
    func describe(_ input: [UInt8]) -> String {
        var generator = QueryGenerator(input)
        return generator.script()
    }
}
