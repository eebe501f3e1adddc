import Foundation
import Sandbox
import Testing

/// Where the host tests find the package and an environment with numpy and pandas.
enum HostTestEnvironment {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `minimal` test sandbox's site-packages (numpy 1.26, pandas 2.2 for CPython 3.11), when
    /// `scripts/test` (or the plugin tests) built it into the package's `.build/sandpiper-test-home`.
    static let sitePackages: String? = {
        let registry = SandboxRegistry(
            home: SandboxHome(root: packageRoot.appendingPathComponent(".build/sandpiper-test-home")))
        return try? registry.resolve("minimal").sitePackages.path
    }()

    static let skip: Comment = "the `minimal` test sandbox is not built (scripts/test builds it)"
}
