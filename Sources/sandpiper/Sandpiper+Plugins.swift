import KQLEngine

extension Sandpiper {
    /// The tabular plugins `sandpiper query` registers with the engine. The python plugin (wired by the
    /// Python*.swift files of this target) is added to this list.
    static func queryPlugins() -> [any TabularPlugin] {
        []
    }
}
