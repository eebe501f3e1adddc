/// A compiled seccomp filter: the classic-BPF program (`struct sock_filter` array, 8 bytes per
/// instruction, in the machine's byte order) that libseccomp generates for a `SeccompPolicy`.
///
/// Compiling takes libseccomp about half a millisecond of CPU; the warm worker compiles each policy
/// once before it forks, so every query child installs the same bytes with one `prctl` instead of
/// running libseccomp itself (`SeccompFilter.program(for:)`).
public struct SeccompProgram: Sendable, Hashable {
    /// The program's bytes, a whole number of 8-byte instructions.
    public let bytes: [UInt8]

    /// The number of BPF instructions.
    public var instructionCount: Int { bytes.count / 8 }

    /// A program from its bytes (as `seccomp_export_bpf` writes them).
    public init(bytes: [UInt8]) { self.bytes = bytes }
}
