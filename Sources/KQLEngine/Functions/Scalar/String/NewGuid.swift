import Columnar
import Foundation

/// `new_guid()`: a random guid per row.
struct NewGuidFunction: ScalarFunction {
    let name = "new_guid"
    var isDeterministic: Bool { false }
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 0...0); return .guid
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var b = ColumnBuilder(type: .guid, capacity: context.rowCount)
        for _ in 0..<context.rowCount { b.append(.guid(UUID())) }
        return .column(b.finish())
    }
}
