/// How a process is stopped, as data: an ordered list of steps, run until the process is gone.
///
/// Keeping the sequence a value lets tests check it and lets each kind of process have its own
/// (a zygote gets a chance to exit on its own; a query child that overran is killed at once).
public struct Teardown: Sendable, Hashable {
    public enum Step: Sendable, Hashable {
        /// Close the process's control socket (a zygote exits when it reads end-of-file).
        case closeControl
        /// Send a signal.
        case signal(Int32)
        /// Wait up to this many milliseconds for the process to exit.
        case wait(milliseconds: Int)
    }

    public var steps: [Step]
    public init(_ steps: [Step]) { self.steps = steps }

    /// A zygote: let it go by closing its socket, then SIGTERM, then SIGKILL.
    public static let zygote = Teardown([
        .closeControl, .wait(milliseconds: 500), .signal(15), .wait(milliseconds: 500),
        .signal(9), .wait(milliseconds: 5_000),
    ])
    /// A query child over its limit: SIGKILL now.
    public static let overrun = Teardown([.signal(9)])
}
