import Columnar
import Foundation
import KQLEngine
import KQLSyntax
import Testing
@testable import Server

/// The parts under the endpoints: the token check, the status of each error, the pool's cancellation.
@Suite struct ServerPartsTests {
    @Test func bearerTokenMatchesExactly() {
        let token = BearerToken("abc")
        #expect(token.accepts("Bearer abc"))
        #expect(token.accepts("bearer abc"))
        #expect(!token.accepts("Bearer ab"))
        #expect(!token.accepts("Bearer abcd"))
        #expect(!token.accepts("Basic abc"))
        #expect(!token.accepts(nil))
    }

    @Test func statusFollowsTheCode() {
        #expect(OneApiError(KQLError(.parse, "x")).status == 400)
        #expect(OneApiError(KQLError(.queryTimeout, "x")).status == 504)
        #expect(OneApiError(ServerError(.unauthorized, "x", status: 401)).status == 401)
        // A python() call that found no free sandbox is wrapped by the plugin; the request is still a 429.
        let throttled = KQLError(.python, "wrapped", cause: KQLError(.sandboxThrottled, "no free slot"))
        let error = OneApiError(throttled)
        #expect(error.status == 429)
        #expect(!error.permanent)
        let body = error.body(clientRequestID: "c", activityID: "a")
        #expect(body.contains(#""code":"TooManyRequests""#) && body.contains(#""@permanent":false"#))
    }

    @Test func loopbackAddresses() {
        #expect(
            ServerConfiguration.isLoopback("127.0.0.1") && ServerConfiguration.isLoopback("::1")
                && ServerConfiguration.isLoopback("localhost"))
        #expect(!ServerConfiguration.isLoopback("0.0.0.0") && !ServerConfiguration.isLoopback("192.168.1.2"))
    }

    @Test func cancellingTheCallerCancelsTheWork() async {
        let pool = QueryPool(limit: 1)
        let started = Flag(false)
        let task = Task {
            await pool.run { cancellation -> Bool in
                started.set(true)
                let deadline = Date().addingTimeInterval(30)
                while !cancellation.isCancelled && Date() < deadline { usleep(1000) }
                return cancellation.isCancelled
            }
        }
        while !started.get() { try? await Task.sleep(nanoseconds: 1_000_000) }
        task.cancel()
        #expect(await task.value)
    }

    /// A flag shared with a pool thread.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Bool
        init(_ v: Bool) { value = v }
        func set(_ v: Bool) { lock.lock(); value = v; lock.unlock() }
        func get() -> Bool { lock.lock(); defer { lock.unlock() }; return value }
    }
}
