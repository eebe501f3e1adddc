import Testing
@testable import KQLEngine

/// The shipped ua-parser rule set and its reader (the case file `functions/string/parse_user_agent.kqltest`
/// covers the function through the engine).
@Suite struct UserAgentRulesTests {
    @Test func everyShippedRuleCompiles() {
        let rules = UserAgentRules.shipped
        #expect(rules.rejected.isEmpty)
        // The shipped regexes.yaml's entries per list (`grep -c '^  - regex:'` within each section).
        #expect(rules.browser.count == 433)
        #expect(rules.os.count == 204)
        #expect(rules.device.count == 633)
    }

    @Test func readsQuotesCommentsAndFlags() {
        let yaml = """
            user_agent_parsers:
              # a comment
              - regex: '(It''s) (\\d+)'  # trailing comment
                v1_replacement: '$2.x'
            os_parsers:
              - regex: 'Win(95)'
                os_replacement: 'Windows $1'
            device_parsers:
              - regex: 'pedi'
                regex_flag: 'i'
                device_replacement: 'Odys'
            """
        let rules = UserAgentRules.parse(yaml)
        #expect(rules.browser.count == 1 && rules.os.count == 1 && rules.device.count == 1)
        let m = UserAgentRules.firstMatch(rules.browser, in: "x It's 7 y")
        #expect(m?.value("family_replacement", orGroup: 1) == "It's")
        #expect(m?.value("v1_replacement", orGroup: 2) == "7.x")
        #expect(UserAgentRules.firstMatch(rules.os, in: "Win95")?.value("os_replacement", orGroup: 1) == "Windows 95")
        #expect(
            UserAgentRules.firstMatch(rules.device, in: "PEDI_PLUS")?.value("device_replacement", orGroup: 1) == "Odys")
    }
}
