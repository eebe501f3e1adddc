import Columnar
import KQLSyntax
@testable import KQLEngine

/// Short-hands for building syntax trees by hand (spans are made up but distinct per name).
enum S {
    static func name(_ s: String, at offset: Int = 0) -> NameSyntax {
        NameSyntax(s, span: SourceSpan(offset, offset + s.utf8.count))
    }
    static func col(_ s: String, at offset: Int = 0) -> ExpressionSyntax { .name(name(s, at: offset)) }
    static func long(_ v: Int64) -> ExpressionSyntax { .literal(.long(v), .long, .none) }
    static func str(_ v: String) -> ExpressionSyntax { .literal(.string(v), .string, .none) }
    static func null(_ t: ScalarType) -> ExpressionSyntax { .literal(.null, t, .none) }
    static func dyn(_ json: String) -> ExpressionSyntax {
        .literal(.dynamic(try! Dynamic.parseJSON(json)), .dynamic, .none)
    }
    static func bin(_ op: BinaryOperator, _ l: ExpressionSyntax, _ r: ExpressionSyntax) -> ExpressionSyntax {
        .binary(op: op, left: l, right: r, span: .none)
    }
    static func call(_ f: String, _ args: ExpressionSyntax...) -> ExpressionSyntax {
        .call(name: name(f), arguments: args.map { ArgumentSyntax(value: $0) }, span: .none)
    }
    static func assign(_ n: String?, _ e: ExpressionSyntax) -> AssignmentSyntax {
        AssignmentSyntax(names: n.map { [name($0)] } ?? [], value: e)
    }
    static func op(_ k: OperatorSyntax.Kind) -> OperatorSyntax {
        OperatorSyntax(kind: k, span: .none, keywordSpan: .none)
    }
    static func pipe(_ source: ExpressionSyntax, _ ops: OperatorSyntax.Kind...) -> ExpressionSyntax {
        .pipeline(source: source, operators: ops.map(op), span: .none)
    }
    /// `datatable(cols)[values]`.
    static func datatable(_ cols: [(String, ScalarType)], _ values: [ExpressionSyntax]) -> ExpressionSyntax {
        .source(
            SourceSyntax(
                kind: .datatable(
                    columns: cols.map { ColumnDeclarationSyntax(name: name($0.0), type: $0.1) },
                    values: values), span: .none))
    }
    static func range(_ c: String, _ from: Int64, _ to: Int64, _ step: Int64 = 1) -> ExpressionSyntax {
        .source(
            SourceSyntax(kind: .range(column: name(c), from: long(from), to: long(to), step: long(step)), span: .none))
    }
}

/// Binds and runs tabular expressions over an in-memory database with the test function library.
struct TestHarness {
    let database: InMemoryDatabase
    let binder: Binder
    let executor: Executor

    init(tables: [(String, Table)] = []) {
        database = InMemoryDatabase(tables: tables)
        binder = Binder(database: database, functions: TestFunctions(), plugins: [])
        executor = Executor(context: ExecutionContext(database: database, now: 0))
        let e = executor
        binder.run = { (q: BoundQuery) throws(KQLError) -> Table in try e.run(q) }
        e.context.binder = binder
    }

    func run(_ e: ExpressionSyntax, scope: Scope = Scope()) throws(KQLError) -> Table {
        try executor.run(try binder.bindTabular(e, scope: scope))
    }

    /// Rows as text, KQL `tostring` style with `null` for nulls.
    static func text(_ t: Table) -> [[String]] {
        t.rows.map { $0.map { $0.isNull ? "null" : $0.text } }
    }
}
