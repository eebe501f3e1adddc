import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct ServicePluginsTests {
    /// Every plugin the manifest marks refused has the sentence its error gives, and nothing else is refused
    /// by name except the `ai_*` family (whose members the reference keeps adding).
    @Test func refusedPluginsAreTheManifestsAndSayWhy() {
        let refused = Set(KQLManifest.plugins.filter { $0.status == .refused }.map(\.name))
        for name in refused { #expect(ServicePlugins.reason(name) != nil, "\(name) has no reason") }
        for name in Array(ServicePlugins.reasons.keys) + ServicePlugins.runtimes.keys where !name.hasPrefix("ai_") {
            #expect(refused.contains(name), "\(name) is refused but the manifest does not say so")
        }
        #expect(ServicePlugins.reason("bag_unpack") == nil)
        #expect(
            ServicePlugins.refusal("r")?.message
                == "plugin 'r' is not supported: it runs an R script, and Sandpiper embeds no R runtime")
    }
}
