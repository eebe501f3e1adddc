import Columnar
import Foundation
import KQLEngine
import KQLSyntax
import SystemCalls

/// `set query_python_debug;`: instead of running the script, writes what it would have run on.
///
/// As in ADX, three files go into a fresh folder: `df.txt` (the input table), `kargs.txt` (the
/// parameters as JSON) and `debug_python.py`, which rebuilds `df` with the dtypes the plugin would
/// have given it, loads `kargs`, then runs the script, so it can be stepped through in a debugger
/// (`python3 debug_python.py`, or VS Code). External artifacts are copied next to them, and the
/// script runs in that folder. The query's result is one row naming the folder; the plugin's output
/// says the same.
enum PythonDebugDump {
    static let option = "query_python_debug"
    static let schema = Schema([Field("python_debug_folder", .string)])

    /// True for `set query_python_debug;` (or `= true`, or a non-zero number).
    static func isRequested(_ options: [String: Value]) -> Bool {
        guard let v = options.first(where: { $0.key.lowercased() == option })?.value else { return false }
        switch v {
        case .bool(let b): return b
        case .long(let n): return n != 0
        case .int(let n): return n != 0
        case .string(let s): return !["false", "0"].contains(s.lowercased())
        default: return !v.isNull
        }
    }

    static func write(input: Table, call: PythonCall, span: SourceSpan) throws(KQLError) -> PluginResult {
        let made: String
        do { made = try Files.makeTemporaryDirectory(NSTemporaryDirectory() + "/sandpiper-python-debug-XXXXXX") } catch
        {
            throw KQLError(
                .io, "cannot make a folder for the python debug files: \(error.reason)", span: span, cause: error)
        }
        let folder = URL(fileURLWithPath: made).standardizedFileURL
        do {
            try dfText(input).write(to: folder.appendingPathComponent("df.txt"), atomically: true, encoding: .utf8)
            try call.kargsJSON.write(to: folder.appendingPathComponent("kargs.txt"), atomically: true, encoding: .utf8)
            try script(call.script).write(
                to: folder.appendingPathComponent("debug_python.py"), atomically: true, encoding: .utf8)
            for (name, location) in call.artifacts {
                try PythonArtifacts.checkName(name, span: span)
                let path = try PythonArtifacts.localPath(location, name: name, span: span)
                try FileManager.default.copyItem(atPath: path, toPath: folder.appendingPathComponent(name).path)
            }
        } catch let e as KQLError {
            try? FileManager.default.removeItem(at: folder)
            throw e
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw KQLError(
                .io, "cannot write the python debug files: \(error.localizedDescription)", span: span, cause: error)
        }
        var b = ColumnBuilder(type: .string, capacity: 1)
        b.append(string: folder.path)
        let message =
            "python debug files written to \(folder.path) (df.txt, kargs.txt, debug_python.py); the script was not run. "
            + "Run it with: cd \(folder.path) && python3 debug_python.py\n"
        return PluginResult(table: Table(schema: schema, columns: [b.finish()]), output: message)
    }

    /// The table as JSON: `{"columns": [{"name", "type", "values": [...]}]}`; datetimes and timespans in
    /// nanoseconds, nulls as null, reals' NaN and infinities as Python's json reads them.
    static func dfText(_ t: Table) -> String {
        var out = "{\"columns\": [\n"
        for (k, field) in t.schema.fields.enumerated() {
            out += k == 0 ? "" : ",\n"
            out += "{\"name\": \(JSONText.quoted(field.name)), \"type\": \"\(field.type.rawValue)\", \"values\": ["
            let column = t.columns[k]
            for row in 0..<t.rowCount {
                if row > 0 { out += ", " }
                out += json(column.value(row))
            }
            out += "]}"
        }
        return out + "\n]}\n"
    }

    static func json(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let x): return String(x)
        case .long(let x): return String(x)
        case .real(let x): return x.isNaN ? "NaN" : x.isInfinite ? (x > 0 ? "Infinity" : "-Infinity") : "\(x)"
        case .decimal(let d): return JSONText.quoted("\(d)")
        case .datetime(let ns), .timespan(let ns): return String(ns)
        case .guid(let g): return JSONText.quoted(g.uuidString.lowercased())
        case .string(let s): return JSONText.quoted(s)
        case .dynamic(let d): return d.jsonText
        }
    }

    /// `debug_python.py`: the loader, then the script as written.
    static func script(_ userScript: String) -> String {
        loader + "\n# ---- the script of the python() call ----\n" + userScript
            + "\n# ---- end of the script ----\n\nif 'result' in dir():\n    print(result)\n"
    }

    /// The loader's Python, `Python/debug_loader.py`, embedded at build time.
    static let loader = String(decoding: PackageResources.debug_loader_py, as: UTF8.self)
}
