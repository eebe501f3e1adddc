import Synchronization

/// Counts of what the server answered since it started: requests answered, failed (an error answer)
/// and cancelled (the client went away first). Read by tests and the leak check.
public final class ServerStatistics: Sendable {
    private let answered = Atomic<Int>(0), failed = Atomic<Int>(0), cancelled = Atomic<Int>(0)

    public init() {}

    func count(_ outcome: Outcome) {
        switch outcome {
        case .answered: answered.add(1, ordering: .relaxed)
        case .failed: failed.add(1, ordering: .relaxed)
        case .cancelled: cancelled.add(1, ordering: .relaxed)
        }
    }

    enum Outcome { case answered, failed, cancelled }

    /// (answered, failed, cancelled).
    public var snapshot: (answered: Int, failed: Int, cancelled: Int) {
        (answered.load(ordering: .relaxed), failed.load(ordering: .relaxed), cancelled.load(ordering: .relaxed))
    }
}
