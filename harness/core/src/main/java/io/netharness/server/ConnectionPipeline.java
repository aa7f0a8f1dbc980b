package io.netharness.server;

import io.netharness.Framing;
import io.netharness.internal.WireRecorder;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import java.util.function.Consumer;

/** The handlers of an accepted connection, in order: wire recorder, read tap, the framing's decoder, the behavior. */
final class ConnectionPipeline {
  private ConnectionPipeline() {}

  static void install(ChannelPipeline pipeline, ServerConnection connection, Framing framing, Behavior behavior,
      Consumer<ServerConnection> ended) {
    pipeline.addLast("wire", new WireRecorder(connection.transcript()));
    pipeline.addLast("reads", new ReadTap(connection));
    ChannelHandler decoder = framing.newDecoder();
    if (decoder != null) {
      pipeline.addLast("framing", decoder);
    }
    pipeline.addLast("behavior", new BehaviorHandler(connection, behavior, ended));
  }
}
