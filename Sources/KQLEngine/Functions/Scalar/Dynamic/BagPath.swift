import Columnar
import Foundation

extension RowFunction {
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
                keys.append(text[text.index(after: i)..<close].trimmingCharacters(in: CharacterSet(charactersIn: "'\"")))
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
