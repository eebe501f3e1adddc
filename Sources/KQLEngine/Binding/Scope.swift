import Columnar
import KQLSyntax
import Synchronization

/// The names a query can see besides columns: `let` bindings, query parameters and user functions.
///
/// A value type: a function body or a `let` adds names to a copy, so outer scopes never change. Every
/// user function keeps the scope it was defined in, so copies are many; they share one append-only log of
/// bindings and differ only in how much of it they see, which makes a copy free and a lookup a binary
/// search — a script of many functions costs linear memory, not one dictionary per function.
public struct Scope: Sendable {
    /// What a name stands for.
    public indirect enum Entry: Sendable {
        case scalar(BoundExpression)
        case tabular(BoundQuery)
        /// A user function with the scope it was defined in (KQL functions see the names before them).
        case function(FunctionDefinitionSyntax, Scope)
    }

    /// The bindings this scope sees: `log`'s first `visible`, then its parent's as the log saw them.
    private var log: ScopeLog?
    private var visible = 0

    public init() {}

    public subscript(name: String) -> Entry? {
        get {
            var log = self.log, visible = self.visible
            while let l = log {
                if let versions = l.versions[name], let entry = ScopeLog.latest(versions, before: visible) {
                    return entry
                }
                (log, visible) = (l.parent, l.parentVisible)
            }
            return nil
        }
        set {
            guard let newValue else { return }  // a binder only ever adds names
            // Append to the shared log while this scope is its newest version; a copy that fell behind
            // (another copy appended first) starts a log of its own on top.
            if log == nil || log!.count != visible {
                log = ScopeLog(parent: log, parentVisible: visible)
                visible = 0
            }
            log!.append(name, newValue)
            visible = log!.count
        }
    }

    /// Every visible name and what it stands for, for suggestions in error messages.
    public var entries: [String: Entry] {
        var out: [String: Entry] = [:]
        var log = self.log, visible = self.visible
        while let l = log {
            for (name, versions) in l.versions where out[name] == nil {
                if let entry = ScopeLog.latest(versions, before: visible) { out[name] = entry }
            }
            (log, visible) = (l.parent, l.parentVisible)
        }
        return out
    }

    /// Names of one kind, for "did you mean" suggestions.
    var tabularNames: [String] {
        entries.compactMap { if case .tabular = $0.value { return $0.key } else { return nil } }
    }
    var scalarNames: [String] {
        entries.compactMap { if case .scalar = $0.value { return $0.key } else { return nil } }
    }
}

/// The append-only bindings shared by copies of a `Scope`. Only the binder of one query touches it, on one
/// thread (the executor binds deferred operators on that thread too); the lock, uncontended, makes that
/// safe by construction rather than by that promise.
final class ScopeLog: Sendable {
    let parent: ScopeLog?
    /// How many of the parent's bindings this log's scopes see.
    let parentVisible: Int
    private let state = Mutex(State())

    private struct State {
        var versions: [String: [(position: Int, entry: Scope.Entry)]] = [:]
        var count = 0
    }

    init(parent: ScopeLog?, parentVisible: Int) { self.parent = parent; self.parentVisible = parentVisible }

    /// Every binding of each name, by position in the log, oldest first.
    var versions: [String: [(position: Int, entry: Scope.Entry)]] { state.withLock { $0.versions } }
    /// How many bindings the log holds.
    var count: Int { state.withLock { $0.count } }

    func append(_ name: String, _ entry: Scope.Entry) {
        state.withLock { s in
            s.versions[name, default: []].append((s.count, entry))
            s.count += 1
        }
    }

    /// The newest of `versions` among the first `visible` bindings.
    static func latest(_ versions: [(position: Int, entry: Scope.Entry)], before visible: Int) -> Scope.Entry? {
        if let last = versions.last, last.position < visible { return last.entry }
        var lo = 0, hi = versions.count  // first position >= visible
        while lo < hi {
            let mid = (lo + hi) / 2
            if versions[mid].position < visible { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? versions[lo - 1].entry : nil
    }
}

/// "did you mean" suggestions by edit distance (names in queries, and the CLI's commands and help topics).
public enum NameSuggestion {
    /// The closest candidate within a distance that still looks like a typo, or nil.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (String, Int)?
        for c in candidates {
            let d = distance(target, Array(c.lowercased()))
            let limit = max(1, min(3, target.count / 3 + 1))
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
            }
            prev2 = prev; prev = cur
        }
        return prev[b.count]
    }

    /// An `E_UNKNOWN_NAME` error; the closest candidate, if one looks like a typo, is named in the message.
    static func unknown(_ what: String, _ name: NameSyntax, among candidates: [String], otherwise hint: String? = nil)
        -> KQLError
    {
        if let c = closest(to: name.name, among: candidates) {
            return KQLError(.unknownName, "unknown \(what) '\(name.name)'; did you mean '\(c)'?", span: name.span)
        }
        return KQLError(.unknownName, "unknown \(what) '\(name.name)'", span: name.span, hint: hint)
    }

    /// A hint naming the closest candidate, or nil.
    static func hint(for name: String, among candidates: [String]) -> String? {
        closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
    }
}
