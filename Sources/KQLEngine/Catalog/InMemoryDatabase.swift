import Columnar
import KQLSyntax
import Synchronization

/// A database held in memory: the embedded sample data, tests, and the working copy of a folder database.
/// Its stored functions last as long as it does (one command of the CLI without `--db`).
public final class InMemoryDatabase: Database {
    private let tables: Mutex<[String: Table]>
    private let order: Mutex<[String]>
    private let functions = Mutex<[String: StoredFunction]>([:])

    public init(tables: [(String, Table)] = []) {
        self.tables = Mutex(Dictionary(tables, uniquingKeysWith: { _, b in b }))
        self.order = Mutex(tables.map(\.0))
    }

    public var tableNames: [String] { order.withLock { $0 } }

    public func table(named name: String) -> Table? { tables.withLock { $0[name] } }

    public func createTable(_ name: String, schema: Schema) throws(KQLError) {
        let existing = table(named: name)
        if let existing {
            guard existing.schema == schema else {
                throw KQLError(
                    .command, "table '\(name)' already exists with a different schema",
                    hint: "drop it first with `.drop table \(name)`, or use another name")
            }
            return
        }
        put(name, Table.empty(schema))
    }

    public func write(_ name: String, table: Table, replace: Bool) throws(KQLError) {
        guard !replace, let existing = self.table(named: name) else { put(name, table); return }
        guard existing.schema.fields.map(\.type) == table.schema.fields.map(\.type) else {
            throw KQLError(
                .command,
                "cannot append to '\(name)': its columns are \(existing.schema.fields.map { "\($0.name):\($0.type)" }.joined(separator: ", ")), the data has \(table.schema.fields.map { "\($0.name):\($0.type)" }.joined(separator: ", "))",
                hint: "project the data to the table's schema first")
        }
        let columns = zip(existing.columns, table.columns).map { Column.concat([$0, $1], type: $0.type) }
        put(name, Table(schema: existing.schema, columns: columns, rowCount: existing.rowCount + table.rowCount))
    }

    public func dropTable(_ name: String) throws(KQLError) {
        guard table(named: name) != nil else {
            throw KQLError(.unknownName, "there is no table '\(name)'", hint: "`.show tables` lists the tables")
        }
        tables.withLock { _ = $0.removeValue(forKey: name) }
        order.withLock { $0.removeAll { $0 == name } }
    }

    public var functionNames: [String] { functions.withLock { $0.keys.sorted() } }

    public func function(named name: String) -> StoredFunction? { functions.withLock { $0[name] } }

    public func storeFunction(_ function: StoredFunction) throws(KQLError) {
        functions.withLock { $0[function.name] = function }
    }

    public func dropFunction(_ name: String) throws(KQLError) {
        guard functions.withLock({ $0.removeValue(forKey: name) }) != nil else {
            throw KQLError(
                .unknownName, "there is no function '\(name)'", hint: "`.show functions` lists the stored functions")
        }
    }

    private func put(_ name: String, _ table: Table) {
        tables.withLock { $0[name] = table }
        order.withLock { if !$0.contains(name) { $0.append(name) } }
    }
}
