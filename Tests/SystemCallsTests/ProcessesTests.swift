import Glibc
import Testing
@testable import SystemCalls

@Suite("Process calls and the clock", .serialized)
struct ProcessesTests {
    @Test("a forked child is watched through its pidfd, signalled, reaped, and then gone")
    func forkSignalReap() throws {
        let child = try Processes.fork()
        if child == 0 {
            while true { pause() }
        }
        let watch = ProcessWatch(child)
        defer { watch.close() }
        #expect(Processes.exists(child))
        #expect(!Processes.reapIfExited(child))
        watch.send(SIGKILL)
        let status = try Processes.waitForExit(child)
        #expect(status & 0x7f == SIGKILL)
        #expect(watch.hasExited != false)
        #expect(Processes.isGone(child))
    }

    @Test("signalling no process throws ESRCH")
    func signalError() {
        // Pids above pid_max (at most 2^22) name no process.
        #expect(throws: SystemCallError("kill(\(Int32(1 << 30)), 0)", errno: ESRCH)) {
            try Processes.signal(1 << 30, 0)
        }
    }

    @Test("the monotonic clock never goes back, and milliseconds follow nanoseconds")
    func clock() {
        let a = MonotonicClock.nanoseconds()
        Processes.sleep(milliseconds: 5)
        let b = MonotonicClock.nanoseconds()
        #expect(b >= a + 5_000_000)
        #expect(abs(MonotonicClock.milliseconds() - Int(b / 1_000_000)) < 1_000)
    }

    @Test("a socket pair carries bytes and a descriptor")
    func sockets() throws {
        let (a, b) = try Sockets.pair()
        defer { Descriptors.close(a); Descriptors.close(b) }
        let passed = try SharedMemory.createFile("systemcalls-test")
        defer { Descriptors.close(passed) }
        let message: [UInt8] = [1, 2, 3]
        #expect(try message.withUnsafeBytes { try Sockets.send(a, $0, descriptors: [passed]) } == 3)
        #expect(try Descriptors.waitReadable(b, milliseconds: 1_000))
        var got = [UInt8](repeating: 0, count: 3)
        var fds: [Int32] = []
        let n = try got.withUnsafeMutableBytes {
            try Sockets.receive(b, into: $0, nonBlocking: true, descriptors: &fds)
        }
        #expect(n == 3 && got == message && fds.count == 1)
        fds.forEach { Descriptors.close($0) }
        #expect(try !Descriptors.waitReadable(b, milliseconds: 0))
    }
}
