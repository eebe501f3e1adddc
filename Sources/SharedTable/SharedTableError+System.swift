import SystemCalls

extension SharedTableError {
    /// A shared-memory or socket call the kernel refused; the call and its errno are kept in the kind.
    init(_ error: SystemCallError) {
        self.init(.system(call: error.call, errno: error.errno), error.description)
    }
}

/// Runs `body`, a few calls of the system-call seam, and reports a refusal as `SharedTableError`.
func system<T>(_ body: @autoclosure () throws(SystemCallError) -> T) throws(SharedTableError) -> T {
    do { return try body() } catch { throw SharedTableError(error) }
}
