import KQLEngine
import Sandbox

extension Sandpiper {
    /// One supervisor per CLI process: it keeps a warm worker per sandbox across the queries of a run.
    static let supervisor = Supervisor()

    /// The tabular plugins `sandpiper query` and `sandpiper conformance` register with the engine:
    /// the python plugin, resolving sandboxes by name in `$SANDPIPER_HOME`'s registry.
    static func queryPlugins() -> [any TabularPlugin] {
        [PythonPlugin.standard(supervisor: supervisor)]
    }
}
