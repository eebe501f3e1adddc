import Columnar

/// `parse_command_line(command_line, "windows")`: a command line cut into its arguments as Windows'
/// `CommandLineToArgvW` cuts it, as a dynamic array of strings.
///
/// Arguments are separated by spaces and tabs. The first (the program) ends at the first space or tab
/// outside double quotes and keeps backslashes as they are. In later arguments, 2n backslashes before a
/// double quote give n backslashes and the quote opens or closes a quoted part; 2n+1 give n and a
/// literal quote; `""` inside a quoted part is a literal quote; other backslashes are literal.
struct ParseCommandLineFunction: ScalarFunction {
    let name = "parse_command_line"

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .string])
        if let c = args[1].constant, !Self.isWindows(c) {
            throw FunctionError(
                .argument, "parse_command_line() supports only the parser type \"windows\", not \"\(c.text)\"",
                argument: 1)
        }
        return .dynamic
    }

    static func isWindows(_ v: Value) -> Bool { v.text.lowercased() == "windows" }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxedStrict(args, out: .dynamic, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            guard Self.isWindows(r[1]) else {
                throw FunctionError(
                    .argument, "parse_command_line() supports only the parser type \"windows\", not \"\(r[1].text)\"",
                    argument: 1)
            }
            return .dynamic(.array(Self.windowsArguments(r[0].text).map { .string($0) }))
        }
    }

    static func windowsArguments(_ line: String) -> [String] {
        let c = Array(line.unicodeScalars)
        var args: [String] = []
        var i = 0
        func isBlank(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\t" }
        // The program name: quotes group, nothing escapes.
        var first = String.UnicodeScalarView(), quoted = false
        while i < c.count, quoted || !isBlank(c[i]) {
            if c[i] == "\"" { quoted.toggle() } else { first.append(c[i]) }
            i += 1
        }
        if i > 0 { args.append(String(first)) }
        while true {
            while i < c.count, isBlank(c[i]) { i += 1 }
            guard i < c.count else { break }
            var arg = String.UnicodeScalarView()
            quoted = false
            while i < c.count, quoted || !isBlank(c[i]) {
                if c[i] == "\\" {
                    var n = 0
                    while i < c.count, c[i] == "\\" { n += 1; i += 1 }
                    if i < c.count, c[i] == "\"" {
                        arg.append(contentsOf: repeatElement("\\", count: n / 2))
                        if n % 2 == 1 { arg.append("\""); i += 1 }
                    } else {
                        arg.append(contentsOf: repeatElement("\\", count: n))
                    }
                } else if c[i] == "\"" {
                    if quoted, i + 1 < c.count, c[i + 1] == "\"" {
                        arg.append("\""); i += 2
                    } else {
                        quoted.toggle(); i += 1
                    }
                } else {
                    arg.append(c[i]); i += 1
                }
            }
            args.append(String(arg))
        }
        return args
    }
}
