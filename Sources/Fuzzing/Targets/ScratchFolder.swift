import Foundation
import Synchronization

/// A target's private folder under `/dev/shm` (or the temporary directory), one per process, removed when the
/// process exits: replay children and smoke tests are many processes, and tmpfs folders they left behind
/// would hold memory until reboot. A child that crashes leaves its folder, beside the finding it reports.
enum ScratchFolder {
    private static let paths = Mutex<[String]>([])
    private static let removalAtExit: Void = {
        atexit {
            for path in ScratchFolder.paths.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
        }
    }()

    /// `/dev/shm/NAME-PID` (or under the temporary directory), registered for removal at exit.
    static func path(_ name: String) -> String {
        _ = removalAtExit
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = base + "/\(name)-\(getpid())"
        paths.withLock { $0.append(path) }
        return path
    }
}
