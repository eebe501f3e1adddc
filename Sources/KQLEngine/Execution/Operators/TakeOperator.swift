import Columnar

/// `take`/`limit`: the first `count` rows (in input order; KQL promises no order for unsorted input).
struct TakeOperator {
    let count: Int

    func execute(_ input: Table) -> Table {
        guard input.rowCount > count else { return input }
        return input.gather(Array(0..<count))
    }
}
