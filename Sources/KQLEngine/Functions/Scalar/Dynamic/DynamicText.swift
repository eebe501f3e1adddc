import Columnar

/// `dynamic_to_json(value)` and `treepath(value)`: a dynamic value's canonical JSON text, and the paths
/// of its leaves. Both walk the value with an explicit stack, since a value built by a long pipeline may
/// nest deeper than any parsed text.
enum DynamicText {
    /// JSON with every bag's keys sorted by ordinal order and no whitespace, so equal values give equal
    /// text (the reference's `dynamic_to_json()`); a top-level value of another type is its `tostring()`.
    static func canonicalJSON(_ v: Value) -> String {
        guard case .dynamic(let root) = v else { return v.text }
        enum Pending { case value(Dynamic), text(String) }
        var out = ""
        var stack: [Pending] = [.value(root)]
        while let next = stack.popLast() {
            switch next {
            case .text(let t): out += t
            case .value(.array(let items)):
                out += "["
                stack.append(.text("]"))
                for (i, item) in items.enumerated().reversed() {
                    stack.append(.value(item))
                    if i > 0 { stack.append(.text(",")) }
                }
            case .value(.bag(let bag)):
                out += "{"
                stack.append(.text("}"))
                let order = bag.keys.indices.sorted { bag.keys[$0].utf8.lexicographicallyPrecedes(bag.keys[$1].utf8) }
                for (n, i) in order.enumerated().reversed() {
                    stack.append(.value(bag.values[i]))
                    stack.append(.text((n > 0 ? "," : "") + Dynamic.string(bag.keys[i]).jsonText + ":"))
                }
            case .value(let scalar): out += scalar.jsonText
            }
        }
        return out
    }

    /// The paths (`['a'][0]['b']`) of every array and every leaf in `root`, in document order without
    /// repeats; an array's elements all share the path `[0]`, as the reference's examples show.
    static func treePaths(_ root: Dynamic) -> [String] {
        var out: [String] = [], seen: Set<String> = []
        var stack: [(Dynamic, String)] = [(root, "")]
        while let (d, path) = stack.popLast() {
            switch d {
            case .bag(let bag):
                for (k, v) in zip(bag.keys, bag.values).reversed() {
                    stack.append((v, path + "['" + k + "']"))
                }
            case .array(let items):
                if !path.isEmpty, seen.insert(path).inserted { out.append(path) }
                for item in items.reversed() { stack.append((item, path + "[0]")) }
            default:
                if !path.isEmpty, seen.insert(path).inserted { out.append(path) }
            }
        }
        return out
    }
}
