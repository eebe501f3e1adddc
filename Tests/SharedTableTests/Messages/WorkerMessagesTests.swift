import Columnar
import Foundation
import SharedTable
import Testing

/// The worker's failure codes travel as text; each must name the catalogued code it maps to.
@Suite struct WorkerMessagesTests {
    @Test func everyFailureCodeIsItsCataloguedCodeOnTheWire() {
        for code in WorkerFailure.Code.allCases {
            #expect(ErrorCode.named(code.rawValue) == code.errorCode, "\(code)")
        }
    }

    @Test func anUncataloguedCodeDoesNotDecode() {
        let json = #"{"code":"E_MADE_UP","type":"","message":"","traceback":""}"#
        #expect(throws: (any Error).self) { try JSONDecoder().decode(WorkerFailure.self, from: Data(json.utf8)) }
    }
}
