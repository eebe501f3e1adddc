import Columnar

/// `parse_path(path)`: a bag of Scheme, RootPath (a drive such as `C:`), DirectoryPath, DirectoryName, Filename,
/// Extension and AlternateDataStreamName (after a `:` in the file name); either slash separates directories.
struct ParsePathFunction: ScalarFunction {
    let name = "parse_path"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string]); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .string(let s) = r[0] else { return .dynamic(.null) }
            return .dynamic(ParsePathFunction.parse(s))
        }
    }

    static func parse(_ text: String) -> Dynamic {
        var rest = Substring(text), scheme = ""
        if let r = rest.range(of: "://") { scheme = String(rest[..<r.lowerBound]); rest = rest[r.upperBound...] }
        func isSeparator(_ c: Character) -> Bool { c == "/" || c == "\\" }
        var directory = Substring(""), file = rest
        if let last = rest.lastIndex(where: isSeparator) {
            directory = rest[..<last]; file = rest[rest.index(after: last)...]
        }
        var stream = ""
        if let colon = file.firstIndex(of: ":") {
            stream = String(file[file.index(after: colon)...]); file = file[..<colon]
        }
        var ext = ""
        if let dot = file.lastIndex(of: ".") { ext = String(file[file.index(after: dot)...]) }
        let directoryName =
            directory.lastIndex(where: isSeparator).map { String(directory[directory.index(after: $0)...]) }
            ?? String(directory)
        var root = ""
        // A drive letter, possibly after the `\\?\` long-path prefix.
        let unprefixed = directory.hasPrefix(#"\\?\"#) ? directory.dropFirst(4) : directory
        let chars = Array(unprefixed.prefix(2))
        if chars.count == 2, chars[0].isLetter, chars[1] == ":" { root = String(chars) }
        return .bag(
            PropertyBag([
                ("Scheme", .string(scheme)), ("RootPath", .string(root)), ("DirectoryPath", .string(String(directory))),
                ("DirectoryName", .string(directoryName)), ("Filename", .string(String(file))),
                ("Extension", .string(ext)),
                ("AlternateDataStreamName", .string(stream)),
            ]))
    }
}
