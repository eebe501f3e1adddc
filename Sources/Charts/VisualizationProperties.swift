import Columnar

extension Visualization {
    /// ADX's Visualization property bag for this `render`: what a v2 response carries in `@ExtendedProperties`
    /// (`Key` = `Visualization`) and `sandpiper query --format json` prints as `{"visualization": ...}`.
    ///
    /// Every key ADX sends, in its order, unset ones null (`Ymin`/`Ymax` the text `NaN`, `Accumulate` and
    /// `IsQuerySorted` false): `Visualization`, `Title`, `XColumn`, `Series`, `YColumns`, `AnomalyColumns`,
    /// `XTitle`, `YTitle`, `XAxis`, `YAxis`, `Legend`, `YSplit`, `Accumulate`, `IsQuerySorted`, `Kind`, `Ymin`,
    /// `Ymax`, `Xmin`, `Xmax`. Column lists are comma-delimited names, as the query writes them.
    public var adxPropertyBag: Dynamic {
        func text(_ name: String) -> Dynamic {
            guard let v = property(name) else { return .null }
            return .string(v)
        }
        func list(_ name: String) -> Dynamic {
            guard let v = property(name) else { return .null }
            let names = ChartRequest.names(v)
            return names.isEmpty ? .null : .string(names.joined(separator: ","))
        }
        func word(_ name: String) -> Dynamic {
            guard let v = property(name) else { return .null }
            return .string(v.trimmingCharacters(in: .whitespaces).lowercased())
        }
        func bound(_ name: String) -> Dynamic {
            guard let v = property(name), let d = Double(v.trimmingCharacters(in: .whitespaces)), d.isFinite else {
                return .string("NaN")
            }
            return .real(d)
        }
        let accumulate = property("accumulate")?.trimmingCharacters(in: .whitespaces).lowercased() == "true"
        return .bag(
            PropertyBag([
                ("Visualization", .string(kind)),
                ("Title", text("title")),
                ("XColumn", property("xcolumn").map { .string($0.trimmingCharacters(in: .whitespaces)) } ?? .null),
                ("Series", list("series")),
                ("YColumns", list("ycolumns")),
                ("AnomalyColumns", list("anomalycolumns")),
                ("XTitle", text("xtitle")),
                ("YTitle", text("ytitle")),
                ("XAxis", word("xaxis")),
                ("YAxis", word("yaxis")),
                ("Legend", word("legend")),
                ("YSplit", word("ysplit")),
                ("Accumulate", .bool(accumulate)),
                ("IsQuerySorted", .bool(isQuerySorted)),
                ("Kind", word("kind")),
                ("Ymin", bound("ymin")),
                ("Ymax", bound("ymax")),
                ("Xmin", .null),
                ("Xmax", .null),
            ]))
    }

    /// `adxPropertyBag` as compact JSON text.
    public var adxPropertyBagJSON: String { adxPropertyBag.jsonText }

    /// A property by name, any case (`render` property names are case-insensitive).
    func property(_ name: String) -> String? {
        if let v = properties[name] { return v }
        return properties.first { $0.key.lowercased() == name }?.value
    }
}
