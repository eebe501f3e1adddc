#if canImport(Glibc)
import Glibc
#endif

/// One end of a unix stream socket carrying length-prefixed frames with attached file descriptors.
///
/// A frame is a little-endian UInt32 length and that many bytes; its fds travel (SCM_RIGHTS) with
/// the length bytes, so a reader that reads exactly one frame never mixes fds of two frames.
public struct MessageChannel: Sendable, Hashable {
    public let fd: Int32
    public init(fd: Int32) { self.fd = fd }

    /// Largest frame accepted, so a corrupt length cannot make the reader allocate without bound.
    public static let maxFrameBytes = 1 << 30
    /// The kernel's SCM_MAX_FD: a request carries its three fds and one per referenced column block.
    static let maxFDs = 253

    /// A connected pair of close-on-exec stream sockets.
    public static func pair() throws(SharedTableError) -> (MessageChannel, MessageChannel) {
        var fds: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
            throw SystemSeam.failure("socketpair")
        }
        return (MessageChannel(fd: fds[0]), MessageChannel(fd: fds[1]))
    }

    public func close() { _ = Glibc.close(fd) }

    /// Sends one frame with `fds` attached (the fds stay open here; the peer gets duplicates).
    public func send(_ payload: [UInt8], fds: [Int32] = []) throws(SharedTableError) {
        precondition(fds.count <= Self.maxFDs)
        var length = UInt32(payload.count).littleEndian
        let controlBytes = fds.isEmpty ? 0 : Self.controlSpace(fds.count)
        let control = UnsafeMutableRawPointer.allocate(byteCount: max(controlBytes, 1), alignment: 8)
        defer { control.deallocate() }
        if !fds.isEmpty {
            control.initializeMemory(as: UInt8.self, repeating: 0, count: controlBytes)
            control.storeBytes(of: Self.controlLength(fds.count), toByteOffset: 0, as: Int.self)
            control.storeBytes(of: SOL_SOCKET, toByteOffset: 8, as: Int32.self)
            control.storeBytes(of: Int32(SCM_RIGHTS), toByteOffset: 12, as: Int32.self)
            for (i, f) in fds.enumerated() { control.storeBytes(of: f, toByteOffset: 16 + 4 * i, as: Int32.self) }
        }
        let sent: Int = withUnsafeMutableBytes(of: &length) { lengthBytes in
            var iov = iovec(iov_base: lengthBytes.baseAddress, iov_len: 4)
            var msg = msghdr()
            return withUnsafeMutablePointer(to: &iov) { iovp in
                msg.msg_iov = iovp
                msg.msg_iovlen = 1
                if !fds.isEmpty { msg.msg_control = control; msg.msg_controllen = controlBytes }
                var r: Int
                repeat { r = sendmsg(fd, &msg, Int32(MSG_NOSIGNAL)) } while r < 0 && errno == EINTR
                return r
            }
        }
        guard sent == 4 else { throw sent < 0 ? Self.sendFailure() : SystemSeam.failure("sendmsg") }
        let result = payload.withUnsafeBytes { p in Result { () throws(SharedTableError) in try writeAll(p) } }
        try result.get()
    }

    private static func sendFailure() -> SharedTableError {
        if errno == EPIPE || errno == ECONNRESET { return SharedTableError(.closed, "the peer process closed the connection") }
        return SystemSeam.failure("sendmsg")
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SharedTableError) {
        var done = 0
        while done < bytes.count {
            let r = Glibc.send(fd, bytes.baseAddress! + done, bytes.count - done, Int32(MSG_NOSIGNAL))
            if r < 0 {
                if errno == EINTR { continue }
                throw Self.sendFailure()
            }
            done += r
        }
    }

    /// Receives one frame; waits at most `timeoutMilliseconds` (nil: forever) for all of it — one
    /// deadline for the whole frame, however the peer cuts it into pieces, so a peer trickling a byte at
    /// a time cannot hold the reader past it. A frame longer than `maxBytes` is refused before anything
    /// is allocated for it. Received fds are close-on-exec and owned by the caller.
    public func receive(timeoutMilliseconds: Int? = nil, maxBytes: Int = MessageChannel.maxFrameBytes) throws(SharedTableError) -> (payload: [UInt8], fds: [Int32]) {
        let deadline = timeoutMilliseconds.map { Self.monotonicMilliseconds() + max($0, 0) }
        var fds: [Int32] = []
        func fail(_ error: SharedTableError) -> SharedTableError {
            for f in fds { _ = Glibc.close(f) }
            return error
        }
        var length: UInt32 = 0
        let header = withUnsafeMutableBytes(of: &length) { p in
            Result { () throws(SharedTableError) in try receiveExactly(p, deadline: deadline, timeout: timeoutMilliseconds, fds: &fds, header: true) }
        }
        if case .failure(let error) = header { throw fail(error) }
        let n = Int(UInt32(littleEndian: length))
        guard n <= min(maxBytes, Self.maxFrameBytes) else {
            throw fail(SharedTableError(.message, "frame of \(n) bytes exceeds the limit of \(min(maxBytes, Self.maxFrameBytes)) bytes"))
        }
        var payload = [UInt8](repeating: 0, count: n)
        let body = payload.withUnsafeMutableBytes { p in
            Result { () throws(SharedTableError) in try receiveExactly(p, deadline: deadline, timeout: timeoutMilliseconds, fds: &fds, header: false) }
        }
        if case .failure(let error) = body { throw fail(error) }
        return (payload, fds)
    }

    /// Fills `bytes` from the socket by `recvmsg` calls, never waiting past `deadline` (monotonic ms; nil:
    /// forever); fds that arrive with any piece are appended to `fds`.
    private func receiveExactly(_ bytes: UnsafeMutableRawBufferPointer, deadline: Int?, timeout: Int?, fds: inout [Int32],
                                header: Bool) throws(SharedTableError) {
        let controlBytes = Self.controlSpace(Self.maxFDs)
        let control = UnsafeMutableRawPointer.allocate(byteCount: controlBytes, alignment: 8)
        defer { control.deallocate() }
        var done = 0
        while done < bytes.count {
            if let deadline {
                let left = deadline - Self.monotonicMilliseconds()
                guard left >= 0 else { throw SharedTableError(.timeout, "no message within \(timeout ?? 0) ms") }
                try waitReadable(left, reported: timeout ?? left)
            }
            var iov = iovec(iov_base: bytes.baseAddress! + done, iov_len: bytes.count - done)
            var msg = msghdr()
            let got: Int = withUnsafeMutablePointer(to: &iov) { iovp in
                msg.msg_iov = iovp
                msg.msg_iovlen = 1
                msg.msg_control = control
                msg.msg_controllen = controlBytes
                // With a deadline the socket was just seen readable: never block in the call itself.
                return recvmsg(fd, &msg, Int32(MSG_CMSG_CLOEXEC) | (deadline == nil ? 0 : Int32(MSG_DONTWAIT)))
            }
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw SystemSeam.failure("recvmsg")
            }
            Self.collect(control, length: Int(msg.msg_controllen), into: &fds)
            if got == 0 {
                throw SharedTableError(.closed, done == 0 && header ? "the peer process closed the connection"
                                                                    : "the peer process closed the connection mid-message")
            }
            done += got
        }
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
                for i in 0..<((len - 16) / 4) { fds.append(control.load(fromByteOffset: offset + 16 + 4 * i, as: Int32.self)) }
            }
            offset += (len + 7) / 8 * 8
        }
    }

    /// Waits until the socket is readable (or closed); nil waits forever.
    public func waitReadable(_ timeoutMilliseconds: Int?) throws(SharedTableError) {
        guard let timeoutMilliseconds else { return }
        try waitReadable(timeoutMilliseconds, reported: timeoutMilliseconds)
    }

    private func waitReadable(_ milliseconds: Int, reported: Int) throws(SharedTableError) {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var r: Int32
        repeat { r = poll(&p, 1, Int32(clamping: max(milliseconds, 0))) } while r < 0 && errno == EINTR
        if r < 0 { throw SystemSeam.failure("poll") }
        if r == 0 { throw SharedTableError(.timeout, "no message within \(reported) ms") }
    }

    static func monotonicMilliseconds() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Int(t.tv_sec) * 1000 + Int(t.tv_nsec) / 1_000_000
    }

    static func controlLength(_ n: Int) -> Int { 16 + 4 * n }
    static func controlSpace(_ n: Int) -> Int { 16 + (4 * n + 7) / 8 * 8 }
}
