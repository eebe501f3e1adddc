import Columnar
import KQLSyntax

/// One node of a physical plan: an operator ready to run over the table its input produced.
///
/// Sources are nodes too: they ignore their input (the executor gives them none) and produce the first
/// table of a pipeline. A node that reads other tables (a `join`'s right side, `union` legs, an `mv-apply`
/// subquery) holds their plans, so a plan is a tree whose nodes know everything they run.
///
/// Everything a node holds is a `Sendable` value, so a plan can be handed to other threads; what is
/// per-run (the database, `materialize` results, the budget, the binder for deferred operators) stays in
/// the executor's ``ExecutionContext``.
protocol PhysicalOperator: Sendable {
    /// The operator's KQL name, as budget errors name it (a plugin's name for `evaluate`).
    var name: String { get }
    /// What an executor may do with this node besides running it over its whole input at once.
    var traits: OperatorTraits { get }
    /// Whether the executor runs it in a budget account of its own, settled against what its output
    /// holds beyond its input. False for nodes that only run other nodes (which are accounted one by
    /// one) or hand over tables they did not make.
    var isAccounted: Bool { get }
    /// The node's output for `input` (an empty table for a source).
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table
}

extension PhysicalOperator {
    var isAccounted: Bool { true }
}

/// Properties of a node that a scheduler may rely on. Nothing uses them yet: they are where morsel-driven
/// parallel execution will ask whether a node can run over slices of its input.
struct OperatorTraits: OptionSet, Sendable {
    let rawValue: UInt8

    /// Running the node over consecutive slices of its input and concatenating the outputs gives the
    /// same table as running it over the whole input: it looks at one row at a time (`where`, `extend`
    /// without window functions, `parse`, `mv-expand`). For a source: it can produce its rows in slices.
    static let parallelSafe = OperatorTraits(rawValue: 1 << 0)
    /// Its output rows come in the order of the input rows they come from, so a serialized input stays
    /// serialized (the binder's `isSerialized` follows the same rule).
    static let preservesOrder = OperatorTraits(rawValue: 1 << 1)

    /// Both: the node works row by row.
    static let rowWise: OperatorTraits = [.parallelSafe, .preservesOrder]
}
