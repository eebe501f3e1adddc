import Columnar
import Foundation
import Testing
@testable import KQLEngine

@Suite struct SampleDatabaseTests {
    let now = DateTimeFormat.parse("2025-01-01T00:00:00Z")!

    @Test func tablesAndRowCounts() {
        let db = SampleDatabase.make(now: now)
        #expect(db.tableNames == ["Events", "StormEvents", "Customers", "Sales"])
        #expect(db.table(named: "Events")?.rowCount == 100_000)
        #expect(db.table(named: "StormEvents")?.rowCount == 4_000)
        #expect(db.table(named: "Customers")?.rowCount == 200)
        #expect(db.table(named: "Sales")?.rowCount == 5_000)
    }

    @Test func eventsSchemaMatchesTheSeedDocument() throws {
        let events = try #require(SampleDatabase.make(now: now).table(named: "Events"))
        #expect(
            events.schema.fields.map { "\($0.name):\($0.type)" } == [
                "Timestamp:datetime", "Id:long", "Value:real", "Feature1:real", "Feature2:real", "Feature3:real",
                "Label:long",
            ])
    }

    @Test func eventsCoverTheFourteenDaysBeforeNow() throws {
        let events = try #require(SampleDatabase.make(now: now).table(named: "Events"))
        let ts = events.columns[0].longs
        let day = DateTimeFormat.nanosPerDay
        #expect(ts.first! >= now - 14 * day && ts.first! < now - 14 * day + day / 24)
        #expect(ts.last! < now && ts.last! > now - day / 24)
        #expect(zip(ts, ts.dropFirst()).allSatisfy { $0 <= $1 })
        // Half the rows fall in the last 7 days, so the seed's train/test split has data on both sides.
        let recent = ts.filter { $0 >= now - 7 * day }.count
        #expect(abs(recent - 50_000) < 500)
    }

    @Test func labelsDependOnFeatures() throws {
        let events = try #require(SampleDatabase.make(now: now).table(named: "Events"))
        let f1 = events.columns[3].reals, labels = events.columns[6].longs
        let positives = labels.filter { $0 == 1 }.count
        #expect(positives > 30_000 && positives < 55_000)
        // Mean of Feature1 differs clearly between the classes.
        var sum = [0.0, 0.0], count = [0.0, 0.0]
        for i in 0..<events.rowCount { sum[Int(labels[i])] += f1[i]; count[Int(labels[i])] += 1 }
        #expect(sum[1] / count[1] - sum[0] / count[0] > 0.8)
    }

    @Test func sameAnchorGivesSameData() {
        let a = SampleDatabase.make(now: now), b = SampleDatabase.make(now: now)
        for name in a.tableNames {
            let x = a.table(named: name)!, y = b.table(named: name)!
            #expect(x.rows == y.rows, "table \(name) differs between two builds")
        }
        // Moving the anchor by a whole day moves every timestamp by that day and changes nothing else.
        let day = DateTimeFormat.nanosPerDay
        let shifted = SampleDatabase.make(now: now + day).table(named: "Events")!
        let original = a.table(named: "Events")!
        #expect(shifted.columns[0].longs.elementsEqual(original.columns[0].longs.map { $0 + day }))
        #expect(shifted.columns[2].reals.elementsEqual(original.columns[2].reals))
    }

    @Test func salesHaveCustomersWithoutAMatch() throws {
        let db = SampleDatabase.make(now: now)
        let ids = Set(try #require(db.table(named: "Customers")).columns[0].longs)
        let sales = try #require(db.table(named: "Sales")).columns[1].longs
        #expect(sales.contains { !ids.contains($0) })
        #expect(sales.filter { ids.contains($0) }.count > 4_800)
    }
}
