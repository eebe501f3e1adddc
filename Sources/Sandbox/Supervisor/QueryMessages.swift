import Foundation
import SharedTable

/// What the supervisor sends a zygote, and a spare child, per query.
///
/// To the zygote, with a request: sent with the fds `[input memfd (read-only), result memfd, reply
/// socket] + extras` (the extras, such as input blocks, pass through to the child in order); the zygote
/// forks a child that applies `plan` and runs the request.
///
/// To the zygote, without a request (`request == nil`): sent with one fd, the spare's socket; the
/// zygote forks a *spare* child that applies `plan` at once and then waits on that socket for its one
/// request. The plan's `keepFileDescriptors` is completed by the child, which alone knows the numbers
/// its fds received.
///
/// To a spare, on its socket: a request with `plan == nil` (the spare is confined already) and the
/// fds `[input memfd (read-only), result memfd] + extras`; the spare answers on the same socket.
public struct ConfinedRequest: Codable, Sendable {
    /// The script, its kargs and input size; nil asks the zygote for a spare child.
    public var request: WorkerRequest?
    /// The confinement to apply before anything else; nil runs unconfined (only with `allowUnconfined`),
    /// or, sent to a spare, means it is applied already.
    public var plan: ConfinementPlan?

    /// A request and its plan.
    public init(request: WorkerRequest?, plan: ConfinementPlan?) {
        self.request = request; self.plan = plan
    }

    /// A request for a spare child confined by `plan`.
    public static func spare(_ plan: ConfinementPlan?) -> ConfinedRequest { ConfinedRequest(request: nil, plan: plan) }
}

/// Sent on the reply socket by the pid namespace's waiter after the confined child ended: its raw wait
/// status. When the child answered, the supervisor has already read its `WorkerResponse` and never
/// reads this; when it did not (killed), this says how it died.
public struct QueryExit: Codable, Sendable, Hashable {
    /// The `waitpid` status of the confined child.
    public var waitStatus: Int32

    /// The status as `waitpid` gave it.
    public init(waitStatus: Int32) { self.waitStatus = waitStatus }

    /// The signal that killed the child, or nil when it exited.
    public var signal: Int32? {
        let s = waitStatus & 0x7f
        return s == 0 ? nil : s
    }

    /// The exit code when it exited.
    public var exitCode: Int32? { signal == nil ? (waitStatus >> 8) & 0xff : nil }
}

/// The first message on a query's reply socket: the child's answer, or the waiter's report of its death.
enum QueryReply {
    case response(WorkerResponse)
    case exit(QueryExit)

    /// Decodes a reply frame.
    static func decode(_ payload: [UInt8]) -> QueryReply? {
        if let exit = try? JSONDecoder().decode(QueryExit.self, from: Data(payload)) { return .exit(exit) }
        if let response = try? JSONDecoder().decode(WorkerResponse.self, from: Data(payload)) {
            return .response(response)
        }
        return nil
    }
}

/// Signal names for messages.
enum SignalName {
    static func describe(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            1: "SIGHUP", 2: "SIGINT", 4: "SIGILL", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE",
            9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM", 24: "SIGXCPU",
            25: "SIGXFSZ", 31: "SIGSYS",
        ]
        return names[signal] ?? "signal \(signal)"
    }
}
