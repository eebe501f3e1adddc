import Testing
@testable import Fuzzing

/// Reading the known-findings list and matching it against a backtrace; the dictionary format.
@Suite struct KnownFindingsTests {
    static let backtrace = """
        *** Program crashed: Illegal instruction at 0x00007f ***

        Thread 0 "sandpiper-fuzz" crashed:

          0 [inlined] [system] 0x01 Swift runtime failure: arithmetic overflow in sandpiper-fuzz at //<compiler-generated>
          1                    0x02 static TimespanFormat.parse(_:) + 10864 in sandpiper-fuzz at /w/Sources/Columnar/TimespanFormat.swift:73:52
          2 [ra]               0x03 SyntaxParser.typedLiteral(type:body:token:) + 3149 in sandpiper-fuzz at /w/Sources/KQLSyntax/Parser/Parser+Literals.swift:25:42

        Thread 1 "worker":

          0 [ra]               0x04 MakeSeriesOperator.execute(_:_:) + 1 in sandpiper-fuzz at /w/Sources/KQLEngine/Execution/Operators/MakeSeriesOperator.swift:1:1

        Registers:
        rax 0x0000000000000000  0
        """

    @Test func framesOfTheCrashedThreadOrOfAll() {
        let crashed = KnownFindings.frames(inBacktrace: Self.backtrace, crashedThreadOnly: true)
        #expect(crashed.count == 2)
        #expect(crashed[0].contains("TimespanFormat.parse"))
        let all = KnownFindings.frames(inBacktrace: Self.backtrace, crashedThreadOnly: false)
        #expect(all.count == 3)
    }

    @Test func entriesMatchByTargetKindAndFrame() {
        let known = KnownFindings(
            text: """
                # TARGET KIND FRAME NOTE
                query    crash   TimespanFormat.parse   overflow; fuzz/pending/x.kqltest

                parser   timeout SyntaxParser.parse     deep nesting
                """)
        #expect(known.entries.count == 2)
        #expect(known.entries[0].note == "overflow; fuzz/pending/x.kqltest")
        let frames = KnownFindings.frames(inBacktrace: Self.backtrace, crashedThreadOnly: true)
        #expect(known.match(target: "query", kind: "crash", frames: frames)?.frame == "TimespanFormat.parse")
        #expect(known.match(target: "parser", kind: "crash", frames: frames) == nil)
        #expect(known.match(target: "query", kind: "timeout", frames: frames) == nil)
        // A frame of another thread does not explain a crash.
        #expect(
            KnownFindings(text: "query crash MakeSeriesOperator x").match(
                target: "query", kind: "crash", frames: frames) == nil)
    }

    @Test func dictionaryEscapesQuotesBackslashesAndNonASCII() {
        #expect(FuzzDictionary.text(["a\"b", "ü", "", "\\n"]) == "\"a\\x22b\"\n\"\\xc3\\xbc\"\n\"\\x5cn\"\n")
    }

    @Test func inputChoicesAreZeroOnceExhausted() {
        var input = FuzzInput([7, 1, 2])
        #expect(input.choose(5) == 2)
        #expect(input.take(upTo: 10) == [1, 2])
        #expect(input.isExhausted && input.choose(9) == 0 && !input.chance(100) && input.int64() == 0)
    }
}
