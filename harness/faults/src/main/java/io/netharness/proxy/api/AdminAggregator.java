package io.netharness.proxy.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Whole requests up to {@link #MAX_BODY} bytes; a larger one is answered 413 with the API's JSON
 * error body (Netty's own 413 has none) and the connection is closed once the client has it.
 */
final class AdminAggregator extends HttpObjectAggregator {
  static final int MAX_BODY = 1 << 20;

  AdminAggregator() {
    super(MAX_BODY);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    // the aggregator discards the rest of this request; the client gets the answer before the close
    AdminHandler.writeThenLinger(ctx, Responses.error(413, "request body too large: the limit is " + MAX_BODY + " bytes"),
        java.time.Duration.ofSeconds(2));
  }
}
