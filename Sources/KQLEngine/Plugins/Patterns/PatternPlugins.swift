/// The pattern-mining plugins built into the engine (`basket`, `autocluster`, `diffpatterns`,
/// `diffpatterns_text`), the list the engine registers.
enum PatternPlugins {
    static let all: [any TabularPlugin] = [
        BasketPlugin(), AutoclusterPlugin(), DiffPatternsPlugin(), DiffPatternsTextPlugin(),
    ]
}
