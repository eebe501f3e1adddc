import Columnar
import Foundation

/// The bag functions of the dynamic family whose whole logic is one row kernel over a key or `$.a.b` path.
extension DynamicFunctions {
    static let bagKernels: [FunctionDeclaration] = [
        .row(
            "bag_keys", arity: 1...1, [.dynamic], out: .dynamic, strict: false,
            "The keys of a property bag, as an array.",
            example: "print bag_keys(dynamic({'a': 1, 'b': 2}))"
        ) { r in
            guard case .dynamic(.bag(let b)) = r[0] else { return .dynamic(.null) }
            return .dynamic(.array(b.keys.map { .string($0) }))
        },
        .row(
            "bag_has_key", arity: 2...2, [.dynamic, .string], out: .bool, strict: false,
            "Whether a bag has a key (or a `$.a.b` path).",
            example: "print bag_has_key(dynamic({'a': {'b': 1}}), '$.a.b')"
        ) { r in
            guard case .dynamic(.bag) = r[0] else { return .null }
            var d: Dynamic = r[0].asDynamic
            for k in path(r[1].text) {
                guard let next = d[key: k] else { return .bool(false) }
                d = next
            }
            return .bool(true)
        },
        .row(
            "bag_remove_keys", arity: 2...2, [.dynamic, .dynamic], out: .dynamic, strict: false,
            "A bag without the keys (or paths) listed in an array.",
            example: "print bag_remove_keys(dynamic({'a': 1, 'b': 2}), dynamic(['a']))"
        ) { r in
            guard let keys = array(r[1]) else { return .dynamic(.null) }
            // Top-level keys go in one pass over the bag; only nested paths are removed one at a time.
            let paths = keys.map { path(Value.dynamic($0).text) }
            guard case .dynamic(.bag(let bag)) = r[0] else { return .dynamic(.null) }
            var d = Dynamic.bag(bag.removing(Set(paths.filter { $0.count == 1 }.map { $0[0] })))
            for p in paths where p.count > 1 { d = updating(d, p[...], with: nil) }
            return .dynamic(d)
        },
        .row(
            "bag_set_key", arity: 3...3, [.dynamic, .string, .any], out: .dynamic, strict: false,
            "A bag with a key (or a path, creating nested bags) set to a value.",
            example: "print bag_set_key(dynamic({'a': 1}), 'b', 2)"
        ) { r in
            guard case .dynamic(.bag) = r[0] else { return .dynamic(.null) }
            let keys = path(r[1].text)
            // A path longer than any value may nest would build one deeper than parsing ever yields.
            guard keys.count <= Dynamic.maxNesting else { return .dynamic(.null) }
            return .dynamic(updating(r[0].asDynamic, keys[...], with: r[2].asDynamic))
        },
    ]

    /// The keys of a bag path: `key`, `$.a.b` or `$['a']['b']`.
    static func path(_ text: String) -> [String] {
        guard text.hasPrefix("$") else { return [text] }
        var keys: [String] = [], current = "", i = text.index(after: text.startIndex)
        while i < text.endIndex {
            let c = text[i]
            if c == "." {
                if !current.isEmpty { keys.append(current); current = "" }
            } else if c == "[" {
                if !current.isEmpty { keys.append(current); current = "" }
                guard let close = text[i...].firstIndex(of: "]") else { break }
                keys.append(
                    text[text.index(after: i)..<close].trimmingCharacters(in: CharacterSet(charactersIn: "'\"")))
                i = close
            } else {
                current.append(c)
            }
            i = text.index(after: i)
        }
        if !current.isEmpty { keys.append(current) }
        return keys
    }

    /// `d` with the value at `path` replaced (created as nested bags when missing), or removed for nil.
    static func updating(_ d: Dynamic, _ path: ArraySlice<String>, with value: Dynamic?) -> Dynamic {
        guard let k = path.first else { return value ?? d }
        guard case .bag(var b) = d else { return value == nil ? d : updating(.bag(PropertyBag()), path, with: value) }
        if path.count == 1 {
            b[k] = value
        } else if let child = b[k] {
            b[k] = updating(child, path.dropFirst(), with: value)
        } else if value != nil {
            b[k] = updating(.bag(PropertyBag()), path.dropFirst(), with: value)
        }
        return .bag(b)
    }
}
