import Glibc
import SystemCalls

/// Tells whether a range of a private file mapping still holds the file's bytes, from
/// `/proc/self/pagemap` (one 64-bit entry per page of this process).
///
/// A page of a `MAP_PRIVATE` mapping that was written is a private anonymous copy: present (bit 63)
/// or swapped (bit 62) with bit 61 ("file page or shared anonymous") clear. A page never touched is
/// absent, and one only read maps the file's own page (bit 61 set): both still hold the file's
/// bytes. The flag bits need no privilege (only page frame numbers do).
///
/// A confined child runs under a changed uid, which made it non-dumpable: its /proc files then
/// belong to root and pagemap cannot be opened. The child turns dumpable on just to open the file
/// and off again (what a script could do itself with `prctl`, so nothing is given away; the open
/// file keeps working). When pagemap still cannot be read every range counts as modified, so
/// callers copy.
final class PageMap {
    private let fd: Int32
    private static let pageSize = SharedMemory.pageSize

    init?() {
        var fd: Int32?
        do { fd = try Descriptors.open("/proc/self/pagemap") } catch {
            if error.errno == EACCES, (try? Kernel.prctl(3 /* PR_GET_DUMPABLE */)) == 0,
                (try? Kernel.prctl(4 /* PR_SET_DUMPABLE */, 1)) != nil
            {
                fd = try? Descriptors.open("/proc/self/pagemap")
                _ = try? Kernel.prctl(4 /* PR_SET_DUMPABLE */, 0)
            }
        }
        guard let fd else { return nil }
        self.fd = fd
    }

    deinit { Descriptors.close(fd) }

    /// Whether no page of `count` bytes at `pointer` has been written since it was mapped.
    func unmodified(_ pointer: UnsafeRawPointer, count: Int) -> Bool {
        guard count > 0 else { return true }
        let first = Int(bitPattern: pointer) / Self.pageSize
        let last = (Int(bitPattern: pointer) + count - 1) / Self.pageSize
        let chunk = 4096
        var entries = [UInt64](repeating: 0, count: chunk)
        var page = first
        while page <= last {
            let n = min(chunk, last - page + 1)
            let wanted = n * 8
            let got = entries.withUnsafeMutableBytes {
                try? Descriptors.read(fd, wanted, at: page * 8, into: $0.baseAddress!)
            }
            guard got == wanted else { return false }
            for i in 0..<n {
                let e = entries[i]
                let present = e >> 63 & 1 == 1, swapped = e >> 62 & 1 == 1, filePage = e >> 61 & 1 == 1
                if swapped || (present && !filePage) { return false }
            }
            page += n
        }
        return true
    }
}
