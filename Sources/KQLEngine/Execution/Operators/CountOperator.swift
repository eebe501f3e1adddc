import Columnar

/// `count`: one row holding the number of input rows.
struct CountOperator {
    let name: String

    func execute(_ input: Table) -> Table {
        Table([(name, Column(int64s: [Int64(input.rowCount)]))])
    }
}
