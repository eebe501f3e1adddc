#if canImport(Glibc)
    import Glibc
#endif

/// Runs a target under libFuzzer, when the executable was linked with it (`scripts/fuzz` builds so).
///
/// The ordinary build does not link libFuzzer, so the entry point is looked up at run time
/// (`dlsym`) instead of referenced: the same executable builds both ways.
public enum LibFuzzerDriver {
    typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    typealias RunDriver =
        @convention(c) (
            UnsafeMutablePointer<Int32>,
            UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
            Callback
        ) -> Int32

    /// The environment variable that names the target when libFuzzer starts this program again (fork mode).
    public static let targetVariable = "SANDPIPER_FUZZ_TARGET"

    /// Whether libFuzzer is linked in.
    public static var isAvailable: Bool { dlsym(nil, "LLVMFuzzerRunDriver") != nil }

    /// The target the callback runs: libFuzzer's callback is a C function and cannot capture it.
    nonisolated(unsafe) static var current: (any FuzzTarget)?

    /// Hands `arguments` (libFuzzer's own: corpus folders, `-max_total_time=N`, ...) to libFuzzer with
    /// `target` as the function under test; returns libFuzzer's exit status.
    public static func run(_ target: any FuzzTarget, programName: String, arguments: [String]) -> Int32 {
        guard let symbol = dlsym(nil, "LLVMFuzzerRunDriver") else { return 2 }
        current = target
        let runDriver = unsafeBitCast(symbol, to: RunDriver.self)
        let strings = ([programName] + arguments).map { strdup($0) }
        defer { strings.forEach { free($0) } }
        var argv = strings + [nil]
        var argc = Int32(strings.count)
        return argv.withUnsafeMutableBufferPointer { buffer in
            var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
            return runDriver(&argc, &pointer) { data, count in
                let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
                LibFuzzerDriver.current?.run(bytes)
                return 0
            }
        }
    }
}
