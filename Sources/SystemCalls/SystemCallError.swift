/// A system call the kernel refused: which call, and the errno it returned.
///
/// The one failure shape of the system-call seam. Every function of this target that can fail throws
/// it, so a caller never reads the global `errno` after the fact (another call on the way may have
/// changed it) and each layer wraps it into its own coded error, keeping the errno.
package struct SystemCallError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The call and, where it helps, its argument (`"memfd_create"`, `"syscall 436"`).
    package let call: String
    /// The errno value.
    package let errno: Int32

    package init(_ call: String, errno: Int32) {
        self.call = call; self.errno = errno
    }

    /// `call failed: <strerror>`.
    package var description: String { "\(call) failed: \(reason)" }
}
