import Foundation

/// Equality and hashing of dynamic values, written with an explicit stack instead of the compiler's
/// recursive synthesis: a value built by a long pipeline (`| extend d = pack_array(d)` repeated) can nest
/// deeper than any stack frame per level would allow. Property bags compare and hash regardless of key
/// order, as JSON objects do.
extension Dynamic {
    public static func == (a: Dynamic, b: Dynamic) -> Bool {
        var pending: [(Dynamic, Dynamic)] = [(a, b)]
        while let (x, y) = pending.popLast() {
            switch (x, y) {
            case (.null, .null): continue
            case (.bool(let p), .bool(let q)): if p != q { return false }
            case (.long(let p), .long(let q)): if p != q { return false }
            case (.real(let p), .real(let q)): if p != q { return false }
            case (.decimal(let p), .decimal(let q)): if p != q { return false }
            case (.string(let p), .string(let q)): if p != q { return false }
            case (.datetime(let p), .datetime(let q)): if p != q { return false }
            case (.timespan(let p), .timespan(let q)): if p != q { return false }
            case (.guid(let p), .guid(let q)): if p != q { return false }
            case (.array(let p), .array(let q)):
                guard p.count == q.count else { return false }
                for i in p.indices { pending.append((p[i], q[i])) }
            case (.bag(let p), .bag(let q)):
                guard p.count == q.count else { return false }
                for (key, value) in p.pairs {
                    guard let other = q[key] else { return false }
                    pending.append((value, other))
                }
            default: return false
            }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        var pending: [Dynamic] = [self]
        while let v = pending.popLast() {
            switch v {
            case .null: hasher.combine(0)
            case .bool(let b): hasher.combine(1); hasher.combine(b)
            case .long(let x): hasher.combine(2); hasher.combine(x)
            case .real(let x): hasher.combine(3); hasher.combine(x)
            case .decimal(let x): hasher.combine(4); hasher.combine(x)
            case .string(let s): hasher.combine(5); hasher.combine(s)
            case .datetime(let x): hasher.combine(6); hasher.combine(x)
            case .timespan(let x): hasher.combine(7); hasher.combine(x)
            case .guid(let g): hasher.combine(8); hasher.combine(g)
            case .array(let items):
                hasher.combine(9); hasher.combine(items.count)
                pending.append(contentsOf: items.reversed())
            case .bag(let bag):
                hasher.combine(10); hasher.combine(bag.count)
                // Keys in sorted order, so bags equal regardless of key order hash alike.
                let pairs = bag.pairs.sorted { $0.key < $1.key }
                for pair in pairs { hasher.combine(pair.key) }
                pending.append(contentsOf: pairs.reversed().map(\.value))
            }
        }
    }
}
