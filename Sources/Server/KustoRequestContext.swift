import Hummingbird
import NIOCore

/// The request context of `sandpiper serve`: Hummingbird's basic context plus a way to learn that the
/// client's connection closed (through the connection's `ConnectionCloseWatcher`), which cancels the
/// request's query. Watching the connection, rather than reading the request stream, keeps HTTP
/// keep-alive working for the clients that reuse connections.
struct KustoRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Calls its argument once the connection the request came on is closed (at once if it already is).
    let onConnectionClose: @Sendable (@escaping @Sendable () -> Void) -> Void

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        let channel = source.channel
        onConnectionClose = { action in
            channel.pipeline.handler(type: ConnectionCloseWatcher.self).whenSuccess {
                $0.register(action, on: channel.eventLoop)
            }
        }
    }
}
