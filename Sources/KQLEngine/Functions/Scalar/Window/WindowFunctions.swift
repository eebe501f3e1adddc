import Columnar

/// The window family: functions of a row's position in serialized input.
enum WindowFunctions {
    static let all = FunctionFamily(
        "window",
        [
            .scalar(
                RowNumberFunction(), "The row's 1-based position, optionally restarting when a condition is true.",
                example: "range x from 1 to 3 step 1 | serialize | extend n = row_number()"),
            .scalar(
                NeighborFunction(name: "prev"), "A column's value a given number of rows before (default 1).",
                example: "range x from 1 to 3 step 1 | serialize | extend p = prev(x)"),
            .scalar(
                NeighborFunction(name: "next"), "A column's value a given number of rows after (default 1).",
                example: "range x from 1 to 3 step 1 | serialize | extend n = next(x)"),
            .scalar(
                RowCumsumFunction(), "The running sum of a column, optionally restarting when a condition is true.",
                example: "range x from 1 to 3 step 1 | serialize | extend s = row_cumsum(x)"),
            .scalar(
                RowRankFunction.min,
                "The rank of a row of sorted input, equal terms taking the first one's row number.",
                example: "range x from 1 to 3 step 1 | serialize | extend r = row_rank_min(x / 2)"),
            .scalar(
                RowRankFunction.dense, "The dense rank of a row of sorted input: the count of distinct terms so far.",
                example: "range x from 1 to 3 step 1 | serialize | extend r = row_rank_dense(x / 2)"),
            .scalar(
                RowWindowSessionFunction(),
                "The start of the session a row's datetime belongs to, by gap and span limits.",
                example:
                    "range t from datetime(2024-01-01) to datetime(2024-01-01 01:00) step 10m | serialize | extend s = row_window_session(t, 30m, 15m)"
            ),
        ])
}
