import Charts
import Columnar
import KQLEngine
import Testing

@testable import Shell

/// The shell's own commands and their errors.
@Suite struct DotCommandTests {
    @Test func parsesEachCommand() throws {
        #expect(try DotCommand.parse(".quit") == .quit)
        #expect(try DotCommand.parse(".exit;") == .quit)
        #expect(try DotCommand.parse("  .help ") == .help)
        #expect(try DotCommand.parse(".timer off") == .timer(false))
        #expect(try DotCommand.parse(".TIMER ON") == .timer(true))
        #expect(try DotCommand.parse(".format csv") == .format(.csv))
        #expect(try DotCommand.parse(".db /tmp/my data") == .database("/tmp/my data"))
        #expect(try DotCommand.parse(".db") == .database(nil))
        #expect(try DotCommand.parse(".chart png") == .chart(.png))
        #expect(try DotCommand.parse(".chart vl.json") == .chart(.vegaLite))
        #expect(try DotCommand.parse(".chart off") == .chart(nil))
        #expect(try DotCommand.parse(".width 0") == .width(0))
        #expect(try DotCommand.parse(".rows 100") == .rows(100))
    }

    @Test func managementCommandsAndKQLAreNotShellCommands() throws {
        #expect(try DotCommand.parse(".show tables") == nil)
        #expect(try DotCommand.parse(".create function f() { 1 }") == nil)
        #expect(try DotCommand.parse("print 1") == nil)
        // A word that only starts like a command is not one.
        #expect(try DotCommand.parse(".dbx") == nil)
    }

    @Test func badArgumentsAreCodedErrors() {
        for line in [".timer maybe", ".format xml", ".chart jpg", ".width -1", ".width 5", ".rows many", ".quit now"] {
            #expect(throws: ShellError.self, "\(line)") { try DotCommand.parse(line) }
            do { _ = try DotCommand.parse(line) } catch {
                #expect(error.code == .shellCommand)
                #expect(error.hint != nil)
            }
        }
    }
}
