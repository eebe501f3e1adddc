import Columnar

extension SyntaxParser {
    /// `[with_itemindex=i] [name =] expr [to typeof(t)], ... [limit n] on ( op | op ... )`, after `mv-apply`.
    func parseMvApply() throws(KQLError) -> MvApplySyntax {
        let head = try parseMvExpand(operatorName: "'mv-apply'", allowing: ["with_itemindex"])
        try expectWord("on", after: "the expanded columns of 'mv-apply'")
        guard isPunct("(") else { throw expected("'('", after: "'on'") }
        // The subquery is one level deeper, like any parenthesized query (its operators may hold another mv-apply).
        let operators = try parseOperatorList(of: "'mv-apply'")
        return MvApplySyntax(options: head.options, items: head.items, limit: head.limit, subquery: operators)
    }
}
