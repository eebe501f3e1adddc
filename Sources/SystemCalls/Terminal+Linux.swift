#if canImport(Glibc)
    import Glibc

    /// What a program asks of its terminal: whether a descriptor is one, and how wide it is.
    package enum Terminal {
        /// True when `fd` is a terminal (not a pipe or a file).
        package static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

        /// The terminal's width in columns (`TIOCGWINSZ` on `fd`), or nil when `fd` is not a terminal or
        /// the kernel does not know its size (a pseudo-terminal nobody sized reports 0).
        package static func columns(_ fd: Int32) -> Int? {
            var size = winsize()
            // ioctl is variadic in C, so it goes through the raw system call (x86-64 number 16).
            let request = 0x5413  // TIOCGWINSZ
            let done = try? withUnsafeMutablePointer(to: &size) { (p) throws(SystemCallError) -> Int in
                try Kernel.call(16, Int(fd), request, Int(bitPattern: UnsafeMutableRawPointer(p)))
            }
            guard done != nil, size.ws_col > 0 else { return nil }
            return Int(size.ws_col)
        }
    }
#endif
