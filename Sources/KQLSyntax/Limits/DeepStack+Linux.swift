#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the engine's recursive work (parsing, binding, executing a query) on a thread whose stack size is
/// known, so `QueryLimits` can be sized against it whatever thread the caller is on: the main thread has
/// what `ulimit -s` gives (often 8 MiB), a Swift concurrency or Foundation thread as little as 512 KiB.
public enum DeepStack {
    /// Bytes of stack of the thread `run` uses. Only touched pages cost memory; the deepest query
    /// `QueryLimits` admits uses a few MiB of it in a debug build (docs/limits.md has the measurements).
    public static let stackSize = 256 << 20

    /// Runs `body` on a thread with `stackSize` bytes of stack and returns what it returned or threw.
    /// The caller waits; when it already is on such a thread, `body` runs right there.
    public static func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        if isDeepThread { return try body() }
        var result: Result<T, E>?
        withoutActuallyEscaping(body) { escapable in
            let work = Work { result = Result { () throws(E) -> T in try escapable() } }
            // A thread that cannot be created (out of memory or thread ids) runs the work here: the
            // depth limits still hold, only their margin is smaller.
            if !work.runOnDeepThread() { work.body() }
        }
        return try result!.get()
    }

    /// Runs `body(0)` on this thread and `body(1)` ... `body(count - 1)` each on a new thread with
    /// `stackSize` bytes of stack, and returns once every one has returned. The engine's morsel workers
    /// run here, so an expression evaluated on any of them has the stack `QueryLimits` counts on.
    /// A thread that cannot be created has its call made here, after `body(0)`.
    public static func parallel(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        var started: [Started] = []
        var leftOver: [Int] = []
        for w in 1..<max(count, 1) {
            let work = Work { body(w) }
            if let s = work.startDeepThread() { started.append(s) } else { leftOver.append(w) }
        }
        body(0)
        for w in leftOver { body(w) }
        for s in started { s.join() }
    }

    /// True on a thread `run` started.
    static var isDeepThread: Bool { pthread_getspecific(marker) != nil }

    /// A thread-specific key that is non-nil on deep threads.
    private static let marker: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The work handed to the new thread; the creating thread waits for it before touching anything again.
    private final class Work: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }

        func runOnDeepThread() -> Bool {
            guard let started = startDeepThread() else { return false }
            started.join()
            return true
        }

        /// Starts `body` on a new deep thread; nil when none could be created (nothing ran).
        func startDeepThread() -> Started? {
            var attributes = pthread_attr_t()
            guard pthread_attr_init(&attributes) == 0 else { return nil }
            defer { pthread_attr_destroy(&attributes) }
            guard pthread_attr_setstacksize(&attributes, DeepStack.stackSize) == 0 else { return nil }
            let retained = Unmanaged.passRetained(self)
            #if canImport(Glibc)
                var thread = pthread_t()
            #else
                var thread: pthread_t?
            #endif
            let created = pthread_create(
                &thread, &attributes,
                { context in
                    let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
                    pthread_setspecific(DeepStack.marker, UnsafeRawPointer(bitPattern: 1))
                    work.body()
                    return nil
                }, retained.toOpaque())
            guard created == 0 else {
                retained.release()
                return nil
            }
            #if canImport(Glibc)
                return Started(thread: thread)
            #else
                return Started(thread: thread!)
            #endif
        }
    }

    /// A deep thread that was started and must be joined.
    private struct Started {
        let thread: pthread_t
        func join() { pthread_join(thread, nil) }
    }
}
