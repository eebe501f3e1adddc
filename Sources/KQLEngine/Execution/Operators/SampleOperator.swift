import Columnar
import KQLSyntax

/// `sample n`: up to `n` rows picked uniformly at random, without repetition.
struct SampleOperator {
    let count: Int

    func execute(_ input: Table) -> Table {
        guard input.rowCount > count else { return input }
        var rng = SystemRandomNumberGenerator()
        var indices = Array(0..<input.rowCount)
        // Partial Fisher-Yates: only the first `count` places are shuffled.
        for i in 0..<count {
            let j = Int.random(in: i..<indices.count, using: &rng)
            indices.swapAt(i, j)
        }
        return input.gather(Array(indices[0..<count]))
    }
}

extension SampleOperator: PhysicalOperator {
    var name: String { "sample" }
    var traits: OperatorTraits { [] }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table { execute(input) }
}
