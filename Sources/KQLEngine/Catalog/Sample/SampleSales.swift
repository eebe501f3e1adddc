import Columnar
import Foundation

/// A small `Customers`/`Sales` pair for `join` and `lookup` demos.
///
/// - `Customers` (200 rows): `CustomerId:long` (1–200), `Name:string`, `Country:string`,
///   `Segment:string` (Consumer, Corporate, Small Business).
/// - `Sales` (5,000 rows): `SaleId:long`, `CustomerId:long` (a few ids, 201–205, have no customer, so
///   inner and left-outer joins differ), `Product:string`, `Quantity:long`, `UnitPrice:real`,
///   `Timestamp:datetime` spread over the 90 days before `now`.
enum SampleSales {
    static let customerCount = 200
    static let saleCount = 5_000

    private static let firstNames = [
        "Ada", "Ben", "Chloe", "Dev", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas",
        "Kemal", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara",
    ]
    private static let lastNames = [
        "Abbott", "Berg", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito",
        "Jensen", "Kowalski", "Larsen",
    ]
    private static let countries = [
        "United States", "Germany", "France", "Japan", "Brazil", "India", "Canada", "Spain",
    ]
    private static let countryWeights: [Double] = [6, 3, 2, 2, 1.5, 1.5, 1, 1]
    private static let segments = ["Consumer", "Corporate", "Small Business"]
    private static let products: [(name: String, price: Double)] = [
        ("Notebook", 4.5), ("Pen", 1.2), ("Backpack", 39.9), ("Desk Lamp", 24.0), ("Monitor", 189.0),
        ("Keyboard", 49.0), ("Mouse", 19.5), ("Headphones", 79.0), ("Chair", 149.0), ("Webcam", 59.0),
    ]

    static func makeCustomers(seed: UInt64 = 0x5EED_0003) -> Table {
        var rng = SplitMix64(seed: seed)
        var ids = [Int64](), names = [String?](), countryNames = [String?](), segmentNames = [String?]()
        for i in 1...customerCount {
            ids.append(Int64(i))
            names.append(firstNames[rng.below(firstNames.count)] + " " + lastNames[rng.below(lastNames.count)])
            countryNames.append(rng.pick(countries, weights: countryWeights))
            segmentNames.append(rng.pick(segments, weights: [5, 3, 2]))
        }
        return Table([
            ("CustomerId", Column(type: .long, int64s: ids)),
            ("Name", Column(strings: names)),
            ("Country", Column(strings: countryNames)),
            ("Segment", Column(strings: segmentNames)),
        ])
    }

    static func makeSales(now: Int64, seed: UInt64 = 0x5EED_0004) -> Table {
        var rng = SplitMix64(seed: seed)
        let span = 90 * DateTimeFormat.nanosPerDay
        let second = DateTimeFormat.nanosPerSecond
        var saleIds = [Int64](), customers = [Int64](), productNames = [String?](), quantities = [Int64]()
        var prices = [Double](), times = [Int64]()
        for i in 0..<saleCount {
            saleIds.append(Int64(100_001 + i))
            // Skewed toward low ids: a few customers buy much more than the rest.
            let customer =
                rng.unit() < 0.01
                ? Int64(customerCount + 1 + rng.below(5))
                : Int64(1 + Int(Double(customerCount) * pow(rng.unit(), 1.6)))
            customers.append(customer)
            let product = products[rng.below(products.count)]
            productNames.append(product.name)
            quantities.append(Int64(1 + rng.below(product.price < 10 ? 20 : 3)))
            prices.append(product.price)
            let offset = Int64(Double(span) * Double(i) / Double(saleCount)) + Int64(rng.below(3600)) * second
            times.append(now - span + offset - (now - span + offset) % second)
        }
        return Table([
            ("SaleId", Column(type: .long, int64s: saleIds)),
            ("CustomerId", Column(type: .long, int64s: customers)),
            ("Product", Column(strings: productNames)),
            ("Quantity", Column(type: .long, int64s: quantities)),
            ("UnitPrice", Column(reals: prices)),
            ("Timestamp", Column(type: .datetime, int64s: times)),
        ])
    }
}
