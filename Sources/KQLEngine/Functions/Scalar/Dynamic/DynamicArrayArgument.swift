import Columnar

extension RowFunction {
    /// The elements of a dynamic array argument; nil for anything else (the row function then gives null).
    static func array(_ v: Value) -> [Dynamic]? {
        if case .dynamic(.array(let a)) = v { return a }
        return nil
    }
}
