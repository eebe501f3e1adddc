import Columnar
import Foundation

/// `format_bytes(size [, precision [, units]])`: a size in bytes as text with a unit (`Bytes`, `KB`, `MB`,
/// `GB`, `TB`, `PB`, `EB`, powers of 1024): the value in `units`, or in the largest unit it reaches at
/// least 1 of when `units` is empty or absent, rounded to `precision` decimals (default 0) and written
/// without trailing zeros (`10.1 KB`, `19 MB`). An unknown unit or a null size gives the empty string.
struct FormatBytesFunction: ScalarFunction {
    let name = "format_bytes"
    static let units = ["Bytes", "KB", "MB", "GB", "TB", "PB", "EB"]

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.number, .integer, .string], arity: 1...3)
        if args.count > 2, let u = args[2].constant?.text, !u.isEmpty, Self.unitIndex(u) == nil {
            throw FunctionError(
                .argument, "format_bytes(): unknown unit '\(u)'", argument: 2,
                hint: "use Bytes, KB, MB, GB, TB, PB or EB")
        }
        return .string
    }

    static func unitIndex(_ u: String) -> Int? { units.firstIndex { $0.caseInsensitiveCompare(u) == .orderedSame } }

    static func format(_ size: Double, precision: Int, unit: String) -> String? {
        guard size.isFinite else { return nil }
        var k: Int
        if unit.isEmpty {
            k = 0
            while k + 1 < units.count, abs(size) >= pow(1024, Double(k + 1)) { k += 1 }
        } else {
            guard let i = unitIndex(unit) else { return nil }
            k = i
        }
        let scale = pow(10, Double(min(max(precision, 0), 15)))
        let value = (size / pow(1024, Double(k)) * scale).rounded() / scale
        return RealFormat.string(value == 0 ? 0 : value) + " " + units[k]
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            guard let size = Numeric.double(r[0]) else { return .string("") }
            let precision = r.count > 1 ? Numeric.long(r[1]).map { Int(clamping: $0) } ?? 0 : 0
            let unit = r.count > 2 ? r[2].text : ""
            return .string(Self.format(size, precision: precision, unit: unit) ?? "")
        }
    }
}
