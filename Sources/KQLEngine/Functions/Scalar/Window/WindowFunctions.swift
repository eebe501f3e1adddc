import Columnar

/// The window family: functions of a row's position in serialized input.
enum WindowFunctions {
    static let all = FunctionFamily("window", [
        .scalar(RowNumberFunction(), "The row's 1-based position, optionally restarting when a condition is true.",
                example: "range x from 1 to 3 step 1 | serialize | extend n = row_number()"),
        .scalar(NeighborFunction(name: "prev"), "A column's value a given number of rows before (default 1).",
                example: "range x from 1 to 3 step 1 | serialize | extend p = prev(x)"),
        .scalar(NeighborFunction(name: "next"), "A column's value a given number of rows after (default 1).",
                example: "range x from 1 to 3 step 1 | serialize | extend n = next(x)"),
        .scalar(RowCumsumFunction(), "The running sum of a column, optionally restarting when a condition is true.",
                example: "range x from 1 to 3 step 1 | serialize | extend s = row_cumsum(x)"),
    ])
}
