import Columnar

/// The embedded sample database, built in code so `sandpiper query` has data with no files at all.
///
/// Tables (see each builder for the columns and how values are drawn):
/// - `Events` (100,000 rows): the seed document's table — `Timestamp`, `Id`, `Value`,
///   `Feature1`–`Feature3`, `Label` — over the 14 days before `now` (``SampleEvents``);
/// - `StormEvents` (4,000 rows): shaped like the Azure Data Explorer docs' table, in 2007 (``SampleStormEvents``);
/// - `Customers` (200 rows) and `Sales` (5,000 rows, the 90 days before `now`) for joins (``SampleSales``).
///
/// Every value comes from a seeded generator: two databases made with the same `now` are identical.
public enum SampleDatabase {
    /// The table names, in the order `.show tables` lists them.
    public static let tableNames = ["Events", "StormEvents", "Customers", "Sales"]

    /// Builds the sample tables; `now` (nanoseconds since the Unix epoch) anchors the time columns
    /// that are relative to the present, so `ago(7d)` finds rows.
    public static func make(now: Int64) -> InMemoryDatabase {
        let anchor = anchor(now)
        return InMemoryDatabase(tables: [
            ("Events", SampleEvents.make(now: anchor)),
            ("StormEvents", SampleStormEvents.make()),
            ("Customers", SampleSales.makeCustomers()),
            ("Sales", SampleSales.makeSales(now: anchor)),
        ])
    }

    /// `now`, moved inside the datetime range far enough that every sample timestamp fits: the tables
    /// reach 90 days before the anchor (Sales) and an hour after it (Sales' jitter). A clock within
    /// that distance of 1677-09-21 or 2262-04-11 gets data near the range's end instead of wrapped data.
    static func anchor(_ now: Int64) -> Int64 {
        let day = DateTimeFormat.nanosPerDay
        return min(max(now, Int64.min + 91 * day), Int64.max - day)
    }
}
