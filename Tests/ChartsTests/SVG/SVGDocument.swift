import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG parsed as XML (a parse error fails the test), flattened into its elements in document
/// order, for checking what a chart contains.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// The classes of the enclosing elements and its own, outermost first.
        var classes: [String]
        var ancestors: [String]
    }

    private(set) var elements: [Element] = []
    private(set) var error: String?
    private var stack: [Int] = []

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError.map { "\($0)" } ?? "XML parse failed" }
        if error == nil, elements.first?.name != "svg" { error = "the root element is not <svg>" }
    }

    var isValid: Bool { error == nil }
    var root: Element? { elements.first }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let parent = stack.last.map { elements[$0] }
        let own = (attributes["class"] ?? "").split(separator: " ").map(String.init)
        elements.append(
            Element(
                name: name, attributes: attributes, text: "", classes: (parent?.classes ?? []) + own,
                ancestors: (parent?.ancestors ?? []) + (parent.map { [$0.name] } ?? [])))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = stack.last { elements[i].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = "\(parseError) at line \(parser.lineNumber)"
    }

    /// Elements named `name` with `cls` among their own classes.
    func all(_ name: String, class cls: String? = nil) -> [Element] {
        elements.filter { e in
            e.name == name
                && (cls == nil || (e.attributes["class"] ?? "").split(separator: " ").contains(Substring(cls!)))
        }
    }

    /// Texts of `<text>` elements inside an element of class `within` with class `cls`.
    func texts(_ cls: String, within: String? = nil) -> [String] {
        all("text", class: cls).filter { within == nil || $0.classes.contains(within!) }.map(\.text)
    }

    /// The `data-series` names of the series groups, in order.
    var seriesNames: [String] { all("g", class: "series").compactMap { $0.attributes["data-series"] } }
    var title: String? { all("text", class: "title").first?.text }
    var legend: [String] { texts("legend-label") }
}
