package io.netharness.proxy;

/**
 * What went through a proxy: connections and bytes per direction, counted at the sockets.
 *
 * <pre>{@code
 * ProxyStats s = proxy.stats();
 * assertThat(s.bytesReceived(Direction.UPSTREAM)).isEqualTo(s.bytesSent(Direction.UPSTREAM));
 * }</pre>
 *
 * @param connectionsAccepted clients accepted so far
 * @param connectionsOpen clients connected now
 * @param upstreamBytesReceived bytes read from clients
 * @param upstreamBytesSent bytes written to the upstream
 * @param downstreamBytesReceived bytes read from the upstream
 * @param downstreamBytesSent bytes written to clients
 */
public record ProxyStats(
    long connectionsAccepted,
    long connectionsOpen,
    long upstreamBytesReceived,
    long upstreamBytesSent,
    long downstreamBytesReceived,
    long downstreamBytesSent) {

  public long bytesReceived(Direction direction) {
    return direction == Direction.UPSTREAM ? upstreamBytesReceived : downstreamBytesReceived;
  }

  public long bytesSent(Direction direction) {
    return direction == Direction.UPSTREAM ? upstreamBytesSent : downstreamBytesSent;
  }
}
