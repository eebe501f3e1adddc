import Columnar
import KQLSyntax

/// `scan` after binding.
///
/// A record is the input's columns followed by the declared ones (`rowWidth` values). A step's
/// expressions are bound over a wide schema: the current record, then one record per step named
/// `step.column` (the scan's state), of which they read `reads`; they are stored remapped onto a table of
/// just those columns, so evaluating a step over one record builds only what it reads.
public struct BoundScan: Sendable {
    public struct Step: Sendable {
        public var name: String
        public var output: ScanSyntax.Output
        /// Over the table of `reads`.
        public var condition: BoundExpression
        /// Declared column (index in the record) and its new value, over the table of `reads`.
        public var assignments: [(column: Int, value: BoundExpression)]
        /// Wide-schema columns the step reads: `i < rowWidth` is the current record's column `i`,
        /// otherwise column `(i - rowWidth) % rowWidth` of step `(i - rowWidth) / rowWidth`'s record.
        public var reads: [Int]
        public var readTypes: [ScalarType]
    }
    public var steps: [Step]
    /// Input columns, then declared ones.
    public var rowWidth: Int
    public var inputWidth: Int
    /// The declared columns' types and values before any assignment.
    public var declaredTypes: [ScalarType]
    public var defaults: [Value]
    public var matchIdColumn: String?
    public var schema: Schema
}

extension Binder {
    func bindScan(_ s: ScanSyntax, schema: Schema, scope: Scope) throws(KQLError) -> BoundScan {
        var row = schema.fields
        var defaults: [Value] = []
        for d in s.declarations {
            guard !row.contains(where: { $0.name == d.name.name }) else {
                throw KQLError(
                    .argument, "scan declares column '\(d.name.name)', which already exists", span: d.name.span,
                    hint: "declare a column under a new name")
            }
            var value = Cast.null(d.type)
            if let e = d.defaultValue {
                let b = try bindScalar(e, schema: Schema([]), scope: scope)
                guard let v = b.constantValue else {
                    throw KQLError(.argument, "the default value of '\(d.name.name)' must be a constant", span: e.span)
                }
                guard let c = Cast.value(v, to: d.type, mode: .implicit) else {
                    throw KQLError(
                        .type, "the default value of '\(d.name.name)' is \(b.type.rawValue), not \(d.type.rawValue)",
                        span: e.span)
                }
                value = c.isNull ? Cast.null(d.type) : c
            }
            row.append(Field(d.name.name, d.type))
            defaults.append(value)
        }
        let width = row.count
        var stepNames: [String] = []
        for step in s.steps {
            guard !stepNames.contains(step.name.name) else {
                throw KQLError(
                    .argument, "scan has two steps named '\(step.name.name)'; step names must be unique",
                    span: step.name.span)
            }
            stepNames.append(step.name.name)
        }
        if let m = s.matchIdColumn, row.contains(where: { $0.name == m.name }) {
            throw KQLError(.argument, "with_match_id names column '\(m.name)', which already exists", span: m.span)
        }
        var steps: [BoundScan.Step] = []
        var wide = row
        for (k, step) in s.steps.enumerated() {
            // A step sees the state records of the steps up to itself.
            wide += row.map { Field("\(stepNames[k]).\($0.name)", $0.type) }
            let wideSchema = Schema(wide)
            let condition = try bindScalar(step.condition, schema: wideSchema, scope: scope)
            guard condition.type == .bool || condition.type == .dynamic else {
                throw KQLError(
                    .type,
                    "the condition of step '\(step.name.name)' must be bool, but it is \(condition.type.rawValue)",
                    span: step.condition.span)
            }
            var assignments: [(column: Int, value: BoundExpression)] = []
            for a in step.assignments {
                let name = a.names[0]
                guard let i = row.firstIndex(where: { $0.name == name.name }), i >= schema.fields.count else {
                    throw KQLError(
                        .argument, "step '\(step.name.name)' assigns '\(name.name)', which is not a declared column",
                        span: name.span, hint: "declare it first: scan declare (\(name.name): type) with (...)")
                }
                let value = try bindScalar(a.value, schema: wideSchema, scope: scope)
                guard Binder.scanAssignable(value.type, to: row[i].type) else {
                    throw KQLError(
                        .type,
                        "'\(name.name)' is \(row[i].type.rawValue), but the value assigned is \(value.type.rawValue)",
                        span: a.value.span)
                }
                assignments.append((i, value))
            }
            var used = Set<Int>()
            condition.collectColumns(into: &used)
            for a in assignments { a.value.collectColumns(into: &used) }
            let reads = used.sorted()
            var map = [Int](repeating: 0, count: wide.count)
            for (j, r) in reads.enumerated() { map[r] = j }
            steps.append(
                BoundScan.Step(
                    name: step.name.name, output: step.output, condition: condition.remapped(map),
                    assignments: assignments.map { ($0.column, $0.value.remapped(map)) },
                    reads: reads, readTypes: reads.map { wide[$0].type }))
        }
        var out = row
        if let m = s.matchIdColumn { out.append(Field(m.name, .long)) }
        return BoundScan(
            steps: steps, rowWidth: width, inputWidth: schema.fields.count,
            declaredTypes: s.declarations.map(\.type), defaults: defaults, matchIdColumn: s.matchIdColumn?.name,
            schema: Schema(out))
    }

    /// Whether a value of type `from` may be assigned to a declared column of type `to` (numbers convert among themselves).
    static func scanAssignable(_ from: ScalarType, to: ScalarType) -> Bool {
        let numbers: Set<ScalarType> = [.int, .long, .real, .decimal]
        return from == to || to == .dynamic || (numbers.contains(from) && numbers.contains(to))
    }
}
