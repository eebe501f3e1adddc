import Synchronization

/// A small pool of memfd regions, reused instead of recreated.
///
/// New shared memory costs a zeroed page per 4 KiB on first touch (~2.5 µs per page here); a region
/// that comes back from the pool keeps its resident pages. Idle regions beyond `maxIdle` (or above
/// `maxIdleBytes` together) are freed, so the pool never holds more than a bounded amount of memory.
public final class RegionPool: Sendable {
    private let idle = Mutex<[SharedRegion]>([])
    public let maxIdle: Int
    public let maxIdleBytes: Int
    /// The name its regions' memfds carry (`/proc/PID/fd` shows `memfd:NAME`): unique per pool, so
    /// what one pool leaves open can be told from another's.
    public let name: String
    private static let serials = Atomic<Int>(0)

    public init(maxIdle: Int = 8, maxIdleBytes: Int = 1 << 30) {
        self.maxIdle = maxIdle; self.maxIdleBytes = maxIdleBytes
        name = "sandpiper-pool-\(Self.serials.add(1, ordering: .relaxed).newValue)"
    }

    /// A region of at least `bytes` bytes: the smallest idle one that fits, else the largest grown, else a new one.
    public func checkout(minimumBytes bytes: Int) throws(SharedTableError) -> RegionLease {
        let reused: SharedRegion? = idle.withLock { regions in
            if let i = regions.indices.filter({ regions[$0].capacity >= bytes }).min(by: {
                regions[$0].capacity < regions[$1].capacity
            }) {
                return regions.remove(at: i)
            }
            if let i = regions.indices.max(by: { regions[$0].capacity < regions[$1].capacity }) {
                return regions.remove(at: i)
            }
            return nil
        }
        // A reused region is cleared of what its last user left; one that cannot be is dropped.
        if let reused, (try? reused.prepareForReuse()) != nil, (try? reused.ensureCapacity(bytes)) != nil {
            return RegionLease(region: reused, pool: self)
        }
        return RegionLease(region: try SharedRegion.create(name: name, capacity: bytes), pool: self)
    }

    fileprivate func checkin(_ region: SharedRegion) {
        idle.withLock { regions in
            regions.append(region)
            regions.sort { $0.capacity > $1.capacity }
            var total = regions.reduce(0) { $0 + $1.capacity }
            while regions.count > maxIdle || (total > maxIdleBytes && regions.count > 1) {
                total -= regions.removeFirst().capacity
            }
        }
    }

    /// Frees every idle region (their memfds are closed).
    public func drain() { idle.withLock { $0.removeAll() } }

    /// Number of idle regions (for tests and diagnostics).
    public var idleCount: Int { idle.withLock { $0.count } }
}

/// A region borrowed from a pool; it goes back when the lease (and every buffer adopting it) is gone.
public final class RegionLease: Sendable {
    public let region: SharedRegion
    private let pool: RegionPool?
    private let discarded = Atomic<Bool>(false)

    init(region: SharedRegion, pool: RegionPool?) { self.region = region; self.pool = pool }

    /// A lease on a region that belongs to no pool (freed when the lease goes).
    public convenience init(unpooled region: SharedRegion) { self.init(region: region, pool: nil) }

    /// Keeps the region out of the pool: it is freed when the lease goes (for a region a process that
    /// could not be confirmed gone may still change).
    public func discard() { discarded.store(true, ordering: .sequentiallyConsistent) }

    deinit { if !discarded.load(ordering: .sequentiallyConsistent) { pool?.checkin(region) } }
}
