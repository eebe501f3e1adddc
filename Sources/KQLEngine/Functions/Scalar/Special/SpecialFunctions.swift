/// The special functions: resolved by the binder itself rather than by a kernel (`Binding/Binder+Scalar.swift`,
/// `Binding/Binder+Tabular.swift` for the tabular ones — materialize, table, database —,
/// and `Binding/Binder+SchemaFunctions.swift` for those that read the row's columns; their kernels,
/// `PackAllFunction` and `EstimateDataSizeFunction`, are in this folder).
enum SpecialFunctions {
    static let all = FunctionFamily(
        "special",
        [
            .binder(
                "toscalar", "The first value of a tabular expression's first column, computed once for the query.",
                example: "print toscalar(range x from 1 to 3 step 1 | summarize sum(x))"),
            .binder(
                "typeof", "A type named where a function expects one, such as extract()'s result type.",
                example: "print extract('([0-9]+)', 1, 'abc 42', typeof(long))"),
            .binder(
                "column_ifexists", "A column of the row when it exists, otherwise a default expression.",
                example: "print x = 1 | project column_ifexists('y', x)"),
            .binder(
                "columnifexists", "Deprecated alias of column_ifexists().",
                example: "print x = 1 | project columnifexists('x', 0)"),
            .binder(
                "bag_pack_columns", "A property bag of the given columns, keyed by their names.",
                example: "print Id = 'A', Value = 1 | extend p = bag_pack_columns(Id, Value)"),
            .binder(
                "column_names_of", "The names of a tabular expression's columns, as a dynamic array of strings.",
                example: "let T = datatable(A:string, B:int) []; print c = column_names_of(T)"),
            .binder(
                "pack_all", "A property bag of every column of the row, optionally without null and empty values.",
                example: "print a = 1, b = '' | extend p = pack_all(true)"),
            .binder(
                "estimate_data_size", "An estimate of the bytes a row's given columns (or `*`) take.",
                example: "print x = 1, s = 'abc' | extend size = estimate_data_size(*)"),
            .binder(
                "materialize", "A tabular expression computed once per query, however often the query reads it.",
                example: "let m = materialize(range x from 1 to 3 step 1); m | union m | count"),
            .binder(
                "table", "The table, `let` name or stored function a string names.",
                example: "let T = range x from 1 to 3 step 1; table('T') | count"),
            .binder(
                "database", "The database a string names, whose tables follow a dot: the one database in scope here.",
                example: "database('Sandpiper').StormEvents | count"),
            .binder(
                "assert", "True, or a query error with the given message when a constant condition is false.",
                example: "print assert(1 < 2, 'one is less than two')"),
        ])
}
