import Foundation

/// How many threads a query may use, and from what size on.
///
/// A run of row-wise operators (`where`, `extend`, `project` over deterministic, row-local expressions),
/// optionally closed by a `summarize` whose aggregates decompose (`count`, `countif`, `sum`, `sumif`,
/// `min`, `max`, `minif`, `maxif`), runs over morsels of `morselRows` rows of its input when that input
/// has at least `minimumRows` rows: workers take morsels in turn, and the outputs are put together in
/// morsel order (partial aggregates merged), so the result is the same table whatever `threads` is.
/// Below the threshold, and for every other operator, the executor runs whole tables on one thread.
public struct QueryParallelism: Sendable, Equatable {
    /// Threads that work on the morsels of one operator run (the query's own thread is one of them).
    public var threads: Int
    /// Rows of one morsel. A multiple of 64 (the default) lets a morsel share its input's buffers; other
    /// sizes (tests use a few rows, to run every case file over morsels) copy the rows.
    public var morselRows: Int
    /// The fewest input rows for which a run goes over morsels at all.
    public var minimumRows: Int

    /// The environment variable that sets `threads` for every engine a process makes with the default
    /// (`SANDPIPER_QUERY_THREADS=1` forces one thread; results are the same table either way).
    public static let environmentVariable = "SANDPIPER_QUERY_THREADS"

    public init(threads: Int, morselRows: Int = 65_536, minimumRows: Int = 262_144) {
        self.threads = max(1, threads)
        self.morselRows = max(1, morselRows)
        self.minimumRows = max(1, minimumRows)
    }

    /// Whole tables on one thread, never morsels: what the executor did before morsels existed.
    public static let serial = QueryParallelism(threads: 1, minimumRows: .max)

    /// One thread per core, or `SANDPIPER_QUERY_THREADS` when it is set to a positive number.
    public static var `default`: QueryParallelism {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if let text = ProcessInfo.processInfo.environment[environmentVariable], let n = Int(text), n > 0 {
            return QueryParallelism(threads: n)
        }
        return QueryParallelism(threads: max(1, cores))
    }

    /// The most morsels one run is cut into: past it morsels grow, so tiny test morsels stay cheap on a
    /// large table (production morsels reach it only past 67 million rows).
    static let maximumMorsels = 1024

    /// Whether an input of `rows` rows goes over morsels.
    func splits(_ rows: Int) -> Bool { rows >= minimumRows && rows > morselRows }

    /// The rows of each morsel of an input of `rows` rows (the last may have fewer): `morselRows`, or
    /// more when that would make more than ``maximumMorsels``, kept a multiple of 8 when `morselRows` is.
    /// It depends on the input alone, never on `threads`, so partial sums add up the same way.
    func morselSize(for rows: Int) -> Int {
        let size = max(morselRows, (rows + Self.maximumMorsels - 1) / Self.maximumMorsels)
        return morselRows % 8 == 0 ? (size + 7) / 8 * 8 : size
    }
}
