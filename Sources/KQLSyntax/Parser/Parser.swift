import Columnar

/// Turns KQL text into a `ScriptSyntax`.
public enum Parser {
    /// Parses a whole query text: statements separated by `;`, or one management command.
    ///
    /// Errors are `E_PARSE` (or `E_UNSUPPORTED` for KQL this engine does not have) with the offending span,
    /// located in the text so they print `line:column` and a caret; nesting past `QueryLimits.maxNestingDepth`
    /// is `E_QUERY_TOO_COMPLEX`. The parser recurses once per level of nesting, so it runs on `DeepStack`.
    /// Releasing the returned tree recurses too, about 100 bytes a level: a caller on a small stack should
    /// let it go on `DeepStack` (as `Engine.execute` does) when the query may be near the limit.
    public static func parse(_ text: String, sourceName: String? = nil) throws(KQLError) -> ScriptSyntax {
        try DeepStack.run { () throws(KQLError) -> ScriptSyntax in
            let source = SourceText(text, name: sourceName)
            let parser = SyntaxParser(source: source)
            do throws(KQLError) {
                return ScriptSyntax(statements: try parser.parseScript(), source: source)
            } catch {
                throw error.located(in: source)
            }
        }
    }

    /// Parses a single scalar or tabular expression (a pipeline is allowed); for tests and tools.
    public static func parseExpression(_ text: String, sourceName: String? = nil) throws(KQLError) -> ExpressionSyntax {
        try DeepStack.run { () throws(KQLError) -> ExpressionSyntax in
            let source = SourceText(text, name: sourceName)
            let parser = SyntaxParser(source: source)
            do throws(KQLError) {
                let e = try parser.parseTabular()
                try parser.expectEnd(after: "the expression")
                return e
            } catch {
                throw error.located(in: source)
            }
        }
    }
}

/// The recursive-descent parser's state: the token list and a cursor.
final class SyntaxParser {
    let source: SourceText
    let tokens: [Token]
    var position = 0
    /// Levels of nesting around the cursor (see `nested`).
    var depth = 0
    /// The deepest level reached since the innermost `measured` began.
    var deepest = 0
    /// Inside a `search`/`find` predicate: whether its terms are case-sensitive (nil elsewhere), so that
    /// `Column:"term"` reads as a term (`Parser+Find`).
    var searchCaseSensitive: Bool?

    init(source: SourceText) {
        self.source = source
        self.tokens = Lexer.tokenize(source.text)
    }

    // MARK: cursor

    var current: Token { tokens[min(position, tokens.count - 1)] }
    func peek(_ offset: Int = 1) -> Token { tokens[min(position + offset, tokens.count - 1)] }
    var previous: Token { tokens[max(0, min(position, tokens.count) - 1)] }

    @discardableResult
    func advance() -> Token {
        let t = current
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    func isPunct(_ s: String, _ offset: Int = 0) -> Bool { peek(offset).isPunct(s) }
    func isWord(_ w: String, _ offset: Int = 0) -> Bool { peek(offset).isWord(w) }

    func eatPunct(_ s: String) -> Bool {
        if isPunct(s) { advance(); return true }
        return false
    }

    func eatWord(_ w: String) -> Bool {
        if isWord(w) { advance(); return true }
        return false
    }

    /// True when the token at `offset` touches the one before it (no space): `!has`, `in~`, `project-away`.
    func adjacent(_ offset: Int) -> Bool { !peek(offset).spaceBefore }

    // MARK: nesting

    /// Parses one level deeper. Every way back into the grammar from inside an expression — a
    /// parenthesis, an argument list, a subquery, a unary operator, a function body — goes through here,
    /// so the parser's recursion is bounded by `QueryLimits.maxNestingDepth`.
    func nested<T>(_ body: () throws(KQLError) -> T) throws(KQLError) -> T {
        guard depth < QueryLimits.maxNestingDepth else { throw QueryLimits.tooDeep("expressions", span: current.span) }
        depth += 1
        deepest = max(deepest, depth)
        defer { depth -= 1 }
        return try body()
    }

    /// Parses a part of a node that a loop stacks onto what came before (`d.a.b[0]`, `x in (1) in (2)`)
    /// and returns it with its height: the levels it reaches below the current depth.
    ///
    /// Such a node is built after its inner part was parsed, so `nested` never saw it; its height is
    /// measured instead and passed to `grew`, so a tree is never taller than the limit either.
    func measured<T>(_ body: () throws(KQLError) -> T) throws(KQLError) -> (T, height: Int) {
        let outer = deepest
        deepest = depth
        let result = try body()
        let height = deepest - depth
        deepest = max(outer, deepest)
        return (result, height)
    }

    /// Records a node stacked onto the tree at the current depth, `height` levels tall.
    func grew(to height: Int) throws(KQLError) {
        guard depth + height <= QueryLimits.maxNestingDepth else {
            throw QueryLimits.tooDeep(
                "expressions (counting member accesses, indexes and `in`/`between` tests)", span: previous.span)
        }
        deepest = max(deepest, depth + height)
    }

    // MARK: errors

    /// A parse error at the current token; a lexer error there wins, since it says what is really wrong.
    func error(_ message: String, at token: Token? = nil) -> KQLError {
        let t = token ?? current
        if case .error(let lexMessage) = t.kind { return KQLError(.parse, lexMessage, span: t.span) }
        return KQLError(.parse, message, span: t.span)
    }

    /// "expected X after Y, found Z".
    func expected(_ what: String, after context: String? = nil) -> KQLError {
        let ctx = context.map { " after \($0)" } ?? ""
        return error("expected \(what)\(ctx), found \(current.display)")
    }

    @discardableResult
    func expectPunct(_ s: String, after context: String? = nil) throws(KQLError) -> Token {
        guard isPunct(s) else { throw expected("'\(s)'", after: context) }
        return advance()
    }

    @discardableResult
    func expectWord(_ w: String, after context: String? = nil) throws(KQLError) -> Token {
        guard isWord(w) else { throw expected("'\(w)'", after: context) }
        return advance()
    }

    /// The end of the current statement: `;` or the end of the text.
    var atStatementEnd: Bool { current.isEnd || isPunct(";") }

    func expectEnd(after context: String) throws(KQLError) {
        guard current.isEnd else { throw error("unexpected \(current.display) after \(context)") }
    }

    func span(from start: Token) -> SourceSpan { SourceSpan(start.span.start, max(start.span.end, previous.span.end)) }
    func span(from start: SourceSpan) -> SourceSpan { SourceSpan(start.start, max(start.end, previous.span.end)) }
}
