import Foundation

/// The system's IANA time zone database (Debian's `tzdata`: TZif files under `/usr/share/zoneinfo`, or
/// under `$TZDIR` when set), read on first use of each zone and kept for the process.
final class TimeZoneDatabase: @unchecked Sendable {
    // Guarded by `lock`; the class is Sendable because every access takes it. A zone that could not be
    // read is remembered as nil so a bad name costs one lookup.
    private var zones: [String: TimeZoneRules?] = [:]
    private let lock = NSLock()
    private let directory: String

    static let shared = TimeZoneDatabase(
        directory: ProcessInfo.processInfo.environment["TZDIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "/usr/share/zoneinfo")

    init(directory: String) { self.directory = directory }

    /// The rules of the zone called `name` (`Europe/Paris`, `US/Pacific`, `UTC`), or nil when the
    /// database has no such zone. Names are case-sensitive as in the reference's list.
    func zone(_ name: String) -> TimeZoneRules? {
        guard Self.isZoneName(name) else { return nil }
        if let cached = lock.withLock({ zones[name] }) { return cached }
        let rules = FileManager.default.contents(atPath: directory + "/" + name)
            .flatMap { try? TimeZoneRules(tzif: [UInt8]($0)) }
        lock.withLock { if zones.count < 4096 { zones[name] = .some(rules) } }
        return rules
    }

    /// True for text that can only name a file inside the database: letters, digits, `_+-` and
    /// slashes between non-dot components (no `..`, no absolute path).
    static func isZoneName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 64 else { return false }
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        return components.allSatisfy { c in
            !c.isEmpty && c.first != "."
                && c.utf8.allSatisfy { b in
                    (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b == 43
                        || b == 45
                }
        }
    }
}
