import SystemCalls

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
    static let maxFDs = Sockets.maxDescriptors

    /// A connected pair of close-on-exec stream sockets.
    public static func pair() throws(SharedTableError) -> (MessageChannel, MessageChannel) {
        let (a, b) = try system(Sockets.pair())
        return (MessageChannel(fd: a), MessageChannel(fd: b))
    }

    public func close() { Descriptors.close(fd) }

    /// Sends one frame with `fds` attached (the fds stay open here; the peer gets duplicates).
    public func send(_ payload: [UInt8], fds: [Int32] = []) throws(SharedTableError) {
        precondition(fds.count <= Self.maxFDs)
        var length = UInt32(payload.count).littleEndian
        let sent = withUnsafeBytes(of: &length) { header in
            Result { () throws(SystemCallError) in try Sockets.send(fd, header, descriptors: fds) }
        }
        switch sent {
        case .failure(let error): throw Self.sendFailure(error)
        case .success(let n) where n != 4: throw SharedTableError(SystemCallError("sendmsg", errno: 5 /* EIO */))
        case .success: break
        }
        let result = payload.withUnsafeBytes { p in Result { () throws(SharedTableError) in try writeAll(p) } }
        try result.get()
    }

    private static func sendFailure(_ error: SystemCallError) -> SharedTableError {
        if Sockets.peerClosed(error) { return SharedTableError(.closed, "the peer process closed the connection") }
        return SharedTableError(error)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SharedTableError) {
        var done = 0
        while done < bytes.count {
            do { done += try Sockets.send(fd, UnsafeRawBufferPointer(rebasing: bytes[done...]), descriptors: []) } catch
            { throw Self.sendFailure(error) }
        }
    }

    /// Receives one frame; waits at most `timeoutMilliseconds` (nil: forever) for all of it — one
    /// deadline for the whole frame, however the peer cuts it into pieces, so a peer trickling a byte at
    /// a time cannot hold the reader past it. A frame longer than `maxBytes` is refused before anything
    /// is allocated for it. Received fds are close-on-exec and owned by the caller.
    public func receive(timeoutMilliseconds: Int? = nil, maxBytes: Int = MessageChannel.maxFrameBytes)
        throws(SharedTableError) -> (payload: [UInt8], fds: [Int32])
    {
        let deadline = timeoutMilliseconds.map { MonotonicClock.milliseconds() + max($0, 0) }
        var fds: [Int32] = []
        func fail(_ error: SharedTableError) -> SharedTableError {
            for f in fds { Descriptors.close(f) }
            return error
        }
        var length: UInt32 = 0
        let header = withUnsafeMutableBytes(of: &length) { p in
            Result { () throws(SharedTableError) in
                try receiveExactly(p, deadline: deadline, timeout: timeoutMilliseconds, fds: &fds, header: true)
            }
        }
        if case .failure(let error) = header { throw fail(error) }
        let n = Int(UInt32(littleEndian: length))
        guard n <= min(maxBytes, Self.maxFrameBytes) else {
            throw fail(
                SharedTableError(
                    .message, "frame of \(n) bytes exceeds the limit of \(min(maxBytes, Self.maxFrameBytes)) bytes"))
        }
        var payload = [UInt8](repeating: 0, count: n)
        let body = payload.withUnsafeMutableBytes { p in
            Result { () throws(SharedTableError) in
                try receiveExactly(p, deadline: deadline, timeout: timeoutMilliseconds, fds: &fds, header: false)
            }
        }
        if case .failure(let error) = body { throw fail(error) }
        return (payload, fds)
    }

    /// Fills `bytes` from the socket by `recvmsg` calls, never waiting past `deadline` (monotonic ms; nil:
    /// forever); fds that arrive with any piece are appended to `fds`.
    private func receiveExactly(
        _ bytes: UnsafeMutableRawBufferPointer, deadline: Int?, timeout: Int?, fds: inout [Int32],
        header: Bool
    ) throws(SharedTableError) {
        var done = 0
        while done < bytes.count {
            if let deadline {
                let left = deadline - MonotonicClock.milliseconds()
                guard left >= 0 else { throw SharedTableError(.timeout, "no message within \(timeout ?? 0) ms") }
                try waitReadable(left, reported: timeout ?? left)
            }
            // With a deadline the socket was just seen readable: never block in the call itself.
            let piece = UnsafeMutableRawBufferPointer(rebasing: bytes[done...])
            let got: Int?
            do { got = try Sockets.receive(fd, into: piece, nonBlocking: deadline != nil, descriptors: &fds) } catch {
                throw SharedTableError(error)
            }
            guard let got else { continue }
            if got == 0 {
                throw SharedTableError(
                    .closed,
                    done == 0 && header
                        ? "the peer process closed the connection"
                        : "the peer process closed the connection mid-message")
            }
            done += got
        }
    }

    /// Waits until the socket is readable (or closed); nil waits forever.
    public func waitReadable(_ timeoutMilliseconds: Int?) throws(SharedTableError) {
        guard let timeoutMilliseconds else { return }
        try waitReadable(timeoutMilliseconds, reported: timeoutMilliseconds)
    }

    private func waitReadable(_ milliseconds: Int, reported: Int) throws(SharedTableError) {
        guard try system(Descriptors.waitReadable(fd, milliseconds: milliseconds)) else {
            throw SharedTableError(.timeout, "no message within \(reported) ms")
        }
    }
}
