import Columnar
import KQLSyntax

/// The words and symbols of KQL, for the parser's mutation dictionary: every name the manifest lists
/// (implemented or not), the operators' spellings, the type names and the literal forms.
enum KQLVocabulary {
    static let keywords = [
        "let", "by", "on", "with", "kind=", "to", "from", "step", "asc", "desc", "nulls first", "nulls last", "typeof(",
        "and", "or", "not(", "true", "false", "null", "dynamic(", "withsource=", "bagexpansion=", "with_itemindex=",
        "hint.", "$left.", "$right.", "set ", "declare query_parameters(", ".create table", ".set-or-append",
        ".ingest inline into table",
        ".drop table", ".show tables", "<|", "materialize(", "toscalar(",
    ]
    static let symbols = [
        "|", "(", ")", "[", "]", "{", "}", ",", ";", ":", "=", "==", "=~", "!=", "..", ".", "*", "-", "+", "/", "%",
        "<", ">",
        "'", "\"", "@\"", "h\"", "```", "'''", "//", "\n", "\\", "['", "']",
    ]

    /// Every entry, one token each.
    static var words: [String] {
        let manifest =
            (KQLManifest.operators + KQLManifest.plugins).map(\.name)
            + (KQLManifest.scalarFunctions + KQLManifest.aggregateFunctions).map(\.name)
        let operators =
            BinaryOperator.allCases.map(\.rawValue) + SetOperator.allCases.map(\.rawValue) + ["between", "!between"]
        let types =
            ScalarType.allCases.map(\.rawValue) + ["boolean", "double", "date", "time", "int64", "int32", "uniqueid"]
        let literals = ScalarType.allCases.flatMap { LiteralCatalog.literals($0) }
        return Array(Set(manifest + operators + types + keywords + symbols + literals)).sorted()
    }
}
