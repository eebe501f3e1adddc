import Columnar
import KQLSyntax

/// Where a query's tables come from: the embedded sample database, a folder given with `--db`, or both.
///
/// Writes go through management commands; an implementation makes each write atomic.
public protocol Database: AnyObject, Sendable {
    /// Table names in a stable order.
    var tableNames: [String] { get }
    /// The table's current contents, or nil when there is no such table.
    func table(named name: String) -> Table?
    /// Creates an empty table; throws `E_COMMAND` when it exists with another schema or the store is read-only.
    func createTable(_ name: String, schema: Schema) throws(KQLError)
    /// Replaces (`replace`) or appends to a table, creating it when absent.
    func write(_ name: String, table: Table, replace: Bool) throws(KQLError)
    /// Drops a table.
    func dropTable(_ name: String) throws(KQLError)
    /// Why the store holds a table by this name that cannot be read (a malformed file), or nil: a query
    /// that names it fails with this error, while the other tables stay usable.
    func unavailableReason(forTable name: String) -> KQLError?

    /// Stored function names in a stable order.
    var functionNames: [String] { get }
    /// The stored function, or nil when there is none by this name.
    func function(named name: String) -> StoredFunction?
    /// Creates or replaces a stored function.
    func storeFunction(_ function: StoredFunction) throws(KQLError)
    /// Drops a stored function; `E_UNKNOWN_NAME` when there is none.
    func dropFunction(_ name: String) throws(KQLError)
    /// Why the store holds a function by this name that cannot be read (a malformed file), or nil.
    func unavailableReason(forFunction name: String) -> KQLError?
    /// Whether what commands write outlives this process (a folder), rather than the engine's memory.
    var isPersistent: Bool { get }
    /// Entries `.show tables` lists besides the tables, with why they are not tables: files that could
    /// not be read and files of unknown formats.
    var notes: [(name: String, note: String)] { get }
}

extension Database {
    public func unavailableReason(forTable name: String) -> KQLError? { nil }
    public func unavailableReason(forFunction name: String) -> KQLError? { nil }
    public var isPersistent: Bool { false }
    public var notes: [(name: String, note: String)] { [] }
}
