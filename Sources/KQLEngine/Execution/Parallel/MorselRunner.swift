import Columnar
import KQLSyntax
import Synchronization

/// Runs a piece of work once per morsel on a few threads and hands back the outputs in morsel order.
///
/// Workers take the next morsel until none is left. When one fails, morsels after it are skipped and
/// the error of the first failing morsel is thrown, whichever thread met it first, so a failing query
/// reports the same error however many threads ran it.
///
/// `@unchecked Sendable`: the work closure reads the query's execution state (the executor and its
/// context), which row-wise operators only read (the budget they charge is itself thread-safe); the
/// outputs are written under `results`' lock and the counters are atomics.
final class MorselRunner: @unchecked Sendable {
    private let count: Int
    private let work: (Int) throws(KQLError) -> Table
    private let next = Atomic<Int>(0)
    private let firstFailure = Atomic<Int>(.max)
    private let results: Mutex<[Result<Table, KQLError>?]>

    private init(count: Int, work: @escaping (Int) throws(KQLError) -> Table) {
        self.count = count
        self.work = work
        self.results = Mutex([Result<Table, KQLError>?](repeating: nil, count: count))
    }

    /// `work(m)` for every morsel `m` in `0..<count`, on up to `threads` threads (this one included).
    static func run(
        count: Int, threads: Int, _ work: @escaping (Int) throws(KQLError) -> Table
    ) throws(KQLError) -> [Table] {
        let runner = MorselRunner(count: count, work: work)
        DeepStack.parallel(min(max(threads, 1), count)) { _ in runner.drain() }
        let results = runner.results.withLock { $0 }
        var tables: [Table] = []
        tables.reserveCapacity(count)
        for r in results {
            switch r {
            case .success(let t)?: tables.append(t)
            case .failure(let e)?: throw e
            // Skipped only after an earlier morsel failed, which was thrown above.
            case nil: throw KQLError(.runtime, "a morsel of the query was not run")
            }
        }
        return tables
    }

    /// Takes morsels until none is left (or one before it failed).
    private func drain() {
        while true {
            let m = next.wrappingAdd(1, ordering: .relaxed).oldValue
            if m >= count || m > firstFailure.load(ordering: .relaxed) { return }
            let r: Result<Table, KQLError>
            do { r = .success(try work(m)) } catch {
                r = .failure(error)
                var seen = firstFailure.load(ordering: .relaxed)
                while m < seen {
                    let (done, now) = firstFailure.compareExchange(expected: seen, desired: m, ordering: .relaxed)
                    if done { break }
                    seen = now
                }
            }
            results.withLock { $0[m] = r }
        }
    }
}
