import Columnar

/// `scan [with_match_id=Id] [declare (c:type [= default], ...)] with (step s [output=all|last|none]: cond [=> c = e, ...]; ...)`.
public struct ScanSyntax: Sendable {
    /// A column `declare` adds to the input's, with the value it holds until a step assigns it.
    public struct Declaration: Sendable {
        public var name: NameSyntax
        public var type: ScalarType
        /// Null when nil.
        public var defaultValue: ExpressionSyntax?
        public init(name: NameSyntax, type: ScalarType, defaultValue: ExpressionSyntax?) {
            self.name = name; self.type = type; self.defaultValue = defaultValue
        }
    }

    /// Which records matching a step go to the output.
    public enum Output: String, Sendable {
        case all, last, none
    }

    /// One `step`: a condition over the record and the scan's state, and assignments to declared columns.
    public struct Step: Sendable {
        public var name: NameSyntax
        public var output: Output
        public var condition: ExpressionSyntax
        /// `column = expression` pairs after `=>`; each assignment has exactly one name.
        public var assignments: [AssignmentSyntax]
        public var span: SourceSpan
        public init(
            name: NameSyntax, output: Output, condition: ExpressionSyntax, assignments: [AssignmentSyntax],
            span: SourceSpan
        ) {
            self.name = name; self.output = output; self.condition = condition; self.assignments = assignments;
            self.span = span
        }
    }

    /// The `with_match_id=` column, if written.
    public var matchIdColumn: NameSyntax?
    public var declarations: [Declaration]
    public var steps: [Step]
    public init(matchIdColumn: NameSyntax?, declarations: [Declaration], steps: [Step]) {
        self.matchIdColumn = matchIdColumn; self.declarations = declarations; self.steps = steps
    }
}
