import KQLEngine
import KQLSyntax
import Sandbox

extension Sandpiper {
    /// One supervisor per CLI process: it keeps a warm worker per sandbox across the queries of a run.
    static let supervisor = Supervisor()

    /// The tabular plugins `sandpiper query` and `sandpiper conformance` register with the engine.
    static func queryPlugins() -> [any TabularPlugin] {
        [PythonPlugin(supervisor: supervisor, resolveEnvironment: resolveSandbox)]
    }

    /// The site-packages of a registered sandbox (nil: the default one), as the python plugin needs it.
    @Sendable static func resolveSandbox(_ name: String?) throws(KQLError) -> [String] {
        do {
            return [try SandboxRegistry().resolve(name).sitePackages.path]
        } catch {
            throw KQLError(error.code, error.message, hint: error.hint)
        }
    }
}
