import Columnar
import Conformance
import Foundation
import KQLEngine

/// Seeds of the text targets: the parser's are the queries of the engine's case files, the query
/// generator's are random bytes (every byte string is a query to it), the readers' are the files the
/// writer writes for the fuzz database's tables plus a few hand-made edges of each format.
extension ParserFuzzTarget {
    func seeds(packageRoot: String) -> [(name: String, bytes: [UInt8])] {
        let root = packageRoot + "/conformance/engine"
        let files = ((FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }) ?? [])
            .filter { $0.hasSuffix(".kqltest") }.sorted()
        var texts = Set<String>()
        for file in files {
            guard let text = try? String(contentsOfFile: root + "/" + file, encoding: .utf8),
                let parsed = try? KQLTestFile(parsing: text, path: file)
            else { continue }
            for record in parsed.records where record.text.utf8.count <= 600 { texts.insert(record.text) }
        }
        // An even sample of at most 160, so the corpus stays small but covers every case file's kind of query.
        let sorted = texts.sorted()
        let count = min(sorted.count, 160)
        return (0..<count).map { k in
            let bytes = Array(sorted[k * sorted.count / count].utf8)
            return ("case-" + ReplayDriver.fnv1a(bytes), bytes)
        }
    }
}

extension QueryFuzzTarget {
    func seeds(packageRoot: String) -> [(name: String, bytes: [UInt8])] {
        var random = FuzzRandom(seed: 2024)
        return (0..<24).map { k in
            let bytes = (0..<(32 + Int(random.next() % 480))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            return ("random-\(k)", bytes)
        }
    }
}

extension TableReaderFuzzTarget {
    func seeds(packageRoot: String) -> [(name: String, bytes: [UInt8])] {
        // The writer's own files for the fuzz tables (CSV with a typed header).
        var seeds: [(name: String, bytes: [UInt8])] = []
        let folder = NSTemporaryDirectory() + "/sandpiper-fuzz-seeds-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        if let database = try? FolderDatabase(path: folder) {
            for (name, table) in FuzzDatabase.tables {
                try? database.write(name, table: table, replace: true)
                if let data = FileManager.default.contents(atPath: folder + "/\(name).csv") {
                    seeds.append(("written-\(name).csv", [0] + [UInt8](data)))
                }
            }
        }
        let handMade: [(String, UInt8, String)] = [
            (
                "typed.csv", 0,
                "Id:long,Name:string,When:datetime,Bag:dynamic\n1,\"a, \"\"quoted\"\" b\",2024-01-01,\"{\"\"x\"\":1}\"\n2,,,\n"
            ),
            ("inferred.csv", 0, "a,b,c\n1,2.5,true\n-3,1e308,false\n,,\n"),
            ("crlf-bom.csv", 0, "\u{FEFF}x,y\r\n1,\"multi\nline\"\r\n"),
            ("typed.tsv", 1, "k:string\tv:long\tt:timespan\na\t1\t1.02:03:04\nb\t\t00:00:01\n"),
            ("inferred.tsv", 1, "name\tvalue\nx\t1\ny\t2.5\n"),
            (
                "objects.jsonl", 2,
                "{\"a\": 1, \"b\": \"x\", \"c\": [1, 2]}\n{\"a\": null, \"b\": \"y\", \"d\": {\"e\": true}}\n"
            ),
            (
                "mixed.jsonl", 2,
                "{\"t\": \"2024-01-01T00:00:00Z\", \"n\": 9223372036854775807}\n\n{\"t\": \"not a date\", \"n\": 1.5}\n"
            ),
        ]
        for (name, format, text) in handMade { seeds.append((name, [format] + Array(text.utf8))) }
        return seeds
    }
}
