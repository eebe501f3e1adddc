#if canImport(Glibc)
    import Glibc

    extension SystemCallError {
        /// The failure of `call` that just happened, from the thread's `errno`.
        package static func last(_ call: String) -> SystemCallError { SystemCallError(call, errno: Glibc.errno) }

        /// The C library's text for the errno.
        package var reason: String { String(cString: strerror(errno)) }
    }
#endif
