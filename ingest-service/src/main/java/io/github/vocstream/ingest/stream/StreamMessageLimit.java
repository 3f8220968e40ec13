package io.github.vocstream.ingest.stream;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import jakarta.inject.Singleton;

/**
 * Joins a stream message sent in fragments (the JDK's client sends 16 KiB frames) before the framework sees it,
 * and closes the connection with 1009 as soon as the joined message passes {@link FeedbackStreamSocket#MAX_MESSAGE_BYTES}.
 * Without this the framework would gather fragments without bound. HTTP requests pass through untouched.
 */
@Singleton
public class StreamMessageLimit implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final String HANDLER = "voc-stream-message-limit";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new OnConnections(null));
        return event.getBean();
    }

    /** Adds the limit to each HTTP/1.1 connection, right after the codec the WebSocket decoder takes the place of. */
    private record OnConnections(Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new OnConnections(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER,
                        new Limit(FeedbackStreamSocket.MAX_MESSAGE_BYTES));
            }
        }
    }

    private static final class Limit extends WebSocketFrameAggregator {

        Limit(int maxBytes) {
            super(maxBytes);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, WebSocketFrame oversized) {
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG,
                    "a message may hold at most " + FeedbackStreamSocket.MAX_MESSAGE_BYTES + " bytes"))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }
}
