#if canImport(Glibc)
    import Glibc

    /// Unix stream sockets that carry file descriptors (`SCM_RIGHTS`): the engine↔worker channel.
    package enum Sockets {
        /// The kernel's `SCM_MAX_FD`: the most descriptors one message may carry.
        package static let maxDescriptors = 253

        /// A connected pair of close-on-exec unix stream sockets.
        package static func pair() throws(SystemCallError) -> (Int32, Int32) {
            var fds: [Int32] = [-1, -1]
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
                throw .last("socketpair")
            }
            return (fds[0], fds[1])
        }

        /// Whether a failed send means the peer is gone (it closed its end or died).
        package static func peerClosed(_ error: SystemCallError) -> Bool {
            error.errno == EPIPE || error.errno == ECONNRESET
        }

        /// One `sendmsg` of `bytes` with `descriptors` attached (they stay open here; the peer gets
        /// duplicates), retried when interrupted; returns the bytes sent. Never raises SIGPIPE. With
        /// `nonBlocking`, a full socket is an error (EAGAIN) instead of a wait.
        package static func send(
            _ fd: Int32, _ bytes: UnsafeRawBufferPointer, descriptors: [Int32],
            nonBlocking: Bool = false
        ) throws(SystemCallError) -> Int {
            precondition(descriptors.count <= maxDescriptors)
            let controlBytes = descriptors.isEmpty ? 0 : controlSpace(descriptors.count)
            let control = UnsafeMutableRawPointer.allocate(byteCount: max(controlBytes, 1), alignment: 8)
            defer { control.deallocate() }
            if !descriptors.isEmpty {
                control.initializeMemory(as: UInt8.self, repeating: 0, count: controlBytes)
                control.storeBytes(of: 16 + 4 * descriptors.count, toByteOffset: 0, as: Int.self)
                control.storeBytes(of: SOL_SOCKET, toByteOffset: 8, as: Int32.self)
                control.storeBytes(of: Int32(SCM_RIGHTS), toByteOffset: 12, as: Int32.self)
                for (i, f) in descriptors.enumerated() {
                    control.storeBytes(of: f, toByteOffset: 16 + 4 * i, as: Int32.self)
                }
            }
            var iov = iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress), iov_len: bytes.count)
            var msg = msghdr()
            let sent: Int = withUnsafeMutablePointer(to: &iov) { iovp in
                msg.msg_iov = iovp
                msg.msg_iovlen = 1
                if !descriptors.isEmpty { msg.msg_control = control; msg.msg_controllen = controlBytes }
                var r: Int
                let flags = Int32(MSG_NOSIGNAL) | (nonBlocking ? Int32(MSG_DONTWAIT) : 0)
                repeat { r = sendmsg(fd, &msg, flags) } while r < 0 && errno == EINTR
                return r
            }
            if sent < 0 { throw .last("sendmsg") }
            return sent
        }

        /// One `recvmsg` into `bytes`; descriptors that arrive with it are close-on-exec and appended to
        /// `descriptors`. Returns the bytes received (0: the peer closed), or nil when interrupted or, with
        /// `nonBlocking`, when nothing is there yet (the caller waits and tries again).
        package static func receive(
            _ fd: Int32, into bytes: UnsafeMutableRawBufferPointer, nonBlocking: Bool,
            descriptors: inout [Int32]
        ) throws(SystemCallError) -> Int? {
            let controlBytes = controlSpace(maxDescriptors)
            let control = UnsafeMutableRawPointer.allocate(byteCount: controlBytes, alignment: 8)
            defer { control.deallocate() }
            var iov = iovec(iov_base: bytes.baseAddress, iov_len: bytes.count)
            var msg = msghdr()
            let got: Int = withUnsafeMutablePointer(to: &iov) { iovp in
                msg.msg_iov = iovp
                msg.msg_iovlen = 1
                msg.msg_control = control
                msg.msg_controllen = controlBytes
                return recvmsg(fd, &msg, Int32(MSG_CMSG_CLOEXEC) | (nonBlocking ? Int32(MSG_DONTWAIT) : 0))
            }
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { return nil }
                throw .last("recvmsg")
            }
            collect(control, length: Int(msg.msg_controllen), into: &descriptors)
            return got
        }

        /// The fds of the SCM_RIGHTS messages in a received control buffer of `length` bytes.
        private static func collect(_ control: UnsafeMutableRawPointer, length: Int, into fds: inout [Int32]) {
            var offset = 0
            while offset + 16 <= length {
                let len = control.load(fromByteOffset: offset, as: Int.self)
                let level = control.load(fromByteOffset: offset + 8, as: Int32.self)
                let type = control.load(fromByteOffset: offset + 12, as: Int32.self)
                guard len >= 16, len <= length - offset else { break }
                if level == SOL_SOCKET, type == Int32(SCM_RIGHTS) {
                    for i in 0..<((len - 16) / 4) {
                        fds.append(control.load(fromByteOffset: offset + 16 + 4 * i, as: Int32.self))
                    }
                }
                offset += (len + 7) / 8 * 8
            }
        }

        /// `CMSG_SPACE` of `n` descriptors.
        private static func controlSpace(_ n: Int) -> Int { 16 + (4 * n + 7) / 8 * 8 }
    }
#endif
