import Columnar
import Foundation
import SharedTable
import Testing

/// The worker's failure codes travel as text; each must name the catalogued code it maps to.
@Suite struct WorkerMessagesTests {
    @Test func everyFailureCodeTravelsAsItsCataloguedName() throws {
        for code in WorkerFailure.Code.allCases {
            let failure = WorkerFailure(code: code, message: "m")
            let json = String(decoding: try JSONEncoder().encode(failure), as: UTF8.self)
            #expect(json.contains("\"\(code.errorCode.rawValue)\""), "\(json)")
            #expect(try JSONDecoder().decode(WorkerFailure.self, from: Data(json.utf8)) == failure)
        }
    }

    @Test func aCodeNoWorkerReportsDoesNotDecode() throws {
        let valid = String(
            decoding: try JSONEncoder().encode(WorkerFailure(code: .python, message: "m")), as: UTF8.self)
        // Neither an uncatalogued name nor a catalogued code a worker never sends.
        for name in ["E_MADE_UP", ErrorCode.type.rawValue] {
            let json = valid.replacingOccurrences(of: ErrorCode.python.rawValue, with: name)
            #expect(throws: (any Error).self) { try JSONDecoder().decode(WorkerFailure.self, from: Data(json.utf8)) }
        }
    }
}
