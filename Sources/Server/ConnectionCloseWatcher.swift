import NIOCore

/// One per connection, in the channel pipeline after HTTP decoding: notices when the client closes its
/// side of the connection (Hummingbird allows half-closure, so the channel itself stays open until the
/// answer is written) or the connection drops, and calls what the request in progress registered —
/// cancelling its query — without reading the request stream, so keep-alive connections keep working.
final class ConnectionCloseWatcher: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    typealias InboundIn = NIOAny

    // Touched only on the channel's event loop.
    private var closed = false
    private var actions: [@Sendable () -> Void] = []

    /// Calls `action` once the client's side closes (at once if it already has). A connection carries one
    /// request at a time, so a new registration replaces the finished request's.
    func register(_ action: @escaping @Sendable () -> Void, on loop: any EventLoop) {
        loop.execute { [self] in
            if closed { action() } else { actions = [action] }
        }
    }

    private func fire() {
        guard !closed else { return }
        closed = true
        let pending = actions
        actions = []
        for action in pending { action() }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) { context.fireChannelRead(data) }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let e = event as? ChannelEvent, e == .inputClosed { fire() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fire()
        context.fireChannelInactive()
    }
}
