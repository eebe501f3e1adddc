import Columnar
import Foundation
import KQLEngine
import PythonPlugin
import Sandbox
import Testing

/// The `minimal` sandbox `scripts/test` builds into `.build/sandpiper-test-home` before the tests run
/// (PythonPluginTests builds it too when run alone), for the server tests whose queries call python().
enum ServerTestSandbox {
    static let home = SandboxHome(root: ClientVenv.package.appendingPathComponent(".build/sandpiper-test-home"))
    static let available = (try? SandboxRegistry(home: home).resolve("minimal")) != nil
    static let skip: Comment = "needs the `minimal` sandbox that scripts/test builds in .build/sandpiper-test-home"

    /// An engine over the harness's sample database whose python() calls run in `minimal`, with the
    /// plugins that own its supervisor (shut down by the caller).
    static func engine() -> (Engine, EnginePlugins) {
        let plugins = EnginePlugins(PythonPluginConfiguration(home: home))
        let now = DateTimeFormat.parse("2025-01-01T00:00:00Z")!
        return (
            plugins.engine(database: SampleDatabase.make(now: now), defaultSandbox: "minimal", now: { now }), plugins
        )
    }
}
