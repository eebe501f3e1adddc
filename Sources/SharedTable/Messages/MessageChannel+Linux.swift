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

    /// Receives one frame; waits at most `timeoutMilliseconds` (nil: forever) for each part of it.
    /// Received fds are close-on-exec and owned by the caller.
    public func receive(timeoutMilliseconds: Int? = nil) throws(SharedTableError) -> (payload: [UInt8], fds: [Int32]) {
        try waitReadable(timeoutMilliseconds)
        var length: UInt32 = 0
        let controlBytes = Self.controlSpace(Self.maxFDs)
        let control = UnsafeMutableRawPointer.allocate(byteCount: controlBytes, alignment: 8)
        defer { control.deallocate() }
        var msg = msghdr()
        let got: Int = withUnsafeMutableBytes(of: &length) { lengthBytes in
            var iov = iovec(iov_base: lengthBytes.baseAddress, iov_len: 4)
            return withUnsafeMutablePointer(to: &iov) { iovp in
                msg.msg_iov = iovp
                msg.msg_iovlen = 1
                msg.msg_control = control
                msg.msg_controllen = controlBytes
                var r: Int
                repeat { r = recvmsg(fd, &msg, Int32(MSG_CMSG_CLOEXEC) | Int32(MSG_WAITALL)) } while r < 0 && errno == EINTR
                return r
            }
        }
        var fds: [Int32] = []
        if msg.msg_controllen >= 16 {
            let len = control.load(as: Int.self)
            let level = control.load(fromByteOffset: 8, as: Int32.self)
            let type = control.load(fromByteOffset: 12, as: Int32.self)
            if level == SOL_SOCKET, type == Int32(SCM_RIGHTS) {
                for i in 0..<max(0, (len - 16) / 4) { fds.append(control.load(fromByteOffset: 16 + 4 * i, as: Int32.self)) }
            }
        }
        if got == 0 { for f in fds { _ = Glibc.close(f) }; throw SharedTableError(.closed, "the peer process closed the connection") }
        guard got == 4 else {
            for f in fds { _ = Glibc.close(f) }
            throw got < 0 ? SystemSeam.failure("recvmsg") : SharedTableError(.message, "truncated frame header")
        }
        let n = Int(UInt32(littleEndian: length))
        guard n <= Self.maxFrameBytes else {
            for f in fds { _ = Glibc.close(f) }
            throw SharedTableError(.message, "frame of \(n) bytes exceeds the limit")
        }
        var payload = [UInt8](repeating: 0, count: n)
        let result = payload.withUnsafeMutableBytes { p in Result { () throws(SharedTableError) in try readAll(p, timeoutMilliseconds) } }
        if case .failure(let error) = result {
            for f in fds { _ = Glibc.close(f) }
            throw error
        }
        return (payload, fds)
    }

    private func readAll(_ bytes: UnsafeMutableRawBufferPointer, _ timeout: Int?) throws(SharedTableError) {
        var done = 0
        while done < bytes.count {
            try waitReadable(timeout)
            let r = recv(fd, bytes.baseAddress! + done, bytes.count - done, 0)
            if r < 0 {
                if errno == EINTR { continue }
                throw SystemSeam.failure("recv")
            }
            if r == 0 { throw SharedTableError(.closed, "the peer process closed the connection mid-message") }
            done += r
        }
    }

    /// Waits until the socket is readable (or closed); nil waits forever.
    public func waitReadable(_ timeoutMilliseconds: Int?) throws(SharedTableError) {
        guard let timeoutMilliseconds else { return }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var r: Int32
        repeat { r = poll(&p, 1, Int32(clamping: max(timeoutMilliseconds, 0))) } while r < 0 && errno == EINTR
        if r < 0 { throw SystemSeam.failure("poll") }
        if r == 0 { throw SharedTableError(.timeout, "no message within \(timeoutMilliseconds) ms") }
    }

    static func controlLength(_ n: Int) -> Int { 16 + 4 * n }
    static func controlSpace(_ n: Int) -> Int { 16 + (4 * n + 7) / 8 * 8 }
}
