package io.netharness.proxy.api;

import io.netharness.faults.internal.AcceptBackoff;
import io.netharness.faults.internal.ControlLoop;
import io.netharness.internal.Connect;
import io.netharness.internal.Transports;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Toxiproxy 2.12.0's HTTP API over embedded fault proxies: the same paths, status codes, JSON
 * and error bodies, so toxiproxy-java, the Go and Node clients and Testcontainers' wait on
 * {@code /version} work against it unchanged. Listens on 127.0.0.1:8474 unless told otherwise
 * (Toxiproxy's port; use port 0 in tests).
 *
 * <pre>{@code
 * try (AdminServer admin = AdminServer.builder().port(0).build().start()) {
 *   ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", admin.getPort());
 *   client.createProxy("db", "127.0.0.1:0", "127.0.0.1:5432");
 * }
 * }</pre>
 *
 * <p>Standalone, as a drop-in Toxiproxy server (from jshell, or a main method of your own):
 *
 * <pre>{@code
 * AdminServer admin = AdminServer.builder().build().start();   // 127.0.0.1:8474
 * System.out.println("toxiproxy API on " + admin.address());
 * admin.awaitClose();                                          // serve until close() or JVM exit
 * }</pre>
 *
 * <p>The API runs on an event loop of its own, so it answers in milliseconds however busy the
 * proxied connections are. Idle connections are closed after 60 s, and a request must arrive
 * whole within 15 s of its first line, as Toxiproxy's server does.
 *
 * <p>Differences from Toxiproxy: an empty {@code listen} binds 127.0.0.1 (not every interface);
 * proxy JSON has no stray {@code "Logger":{}}; no 25 s handler timeout (every operation is
 * bounded by the proxy's own 5 s control timeout); no {@code /metrics}; toxicity outside 0..1 is
 * echoed as sent but applied clamped; negative attributes are shown as 0; the extra
 * {@code packet_loss} toxic is accepted.
 */
public final class AdminServer implements AutoCloseable {
  /** The longest request line and header block, as Go's net/http allows (1 MiB): long names stay addressable. */
  static final int MAX_REQUEST_LINE = 1 << 20;
  private final Duration idleTimeout;
  private final Duration readTimeout;
  private final String host;
  private final int port;
  private final ProxyRegistry registry;
  private final boolean ownsRegistry;
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private @Nullable Channel listener;
  private @Nullable ExecutorService workers;
  private boolean closed;

  private AdminServer(Builder builder) {
    this.host = builder.host;
    this.idleTimeout = builder.idleTimeout;
    this.readTimeout = builder.readTimeout;
    this.port = builder.port;
    this.ownsRegistry = builder.registry == null;
    this.registry = builder.registry != null ? builder.registry : new ProxyRegistry();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds and serves. Idempotent; fails with a clear message if the port is taken. */
  public synchronized AdminServer start() {
    if (closed) {
      throw new IllegalStateException("admin server is closed");
    }
    if (listener != null) {
      return this;
    }
    ExecutorService pool = Executors.newFixedThreadPool(4, daemonThreads());
    Routes routes = AdminRoutes.of(registry);
    InetSocketAddress address = new InetSocketAddress(host, port);
    ChannelFuture bind = new ServerBootstrap()
        .group(ControlLoop.group()) // its own event loop: the API answers whatever the data path does
        .channel(Transports.serverChannel())
        .option(ChannelOption.SO_REUSEADDR, true)
        .handler(new AcceptBackoff("admin API"))
        .childOption(ChannelOption.ALLOCATOR, Transports.allocator())
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline()
                .addLast("http", new HttpServerCodec(MAX_REQUEST_LINE, MAX_REQUEST_LINE, 8192))
                .addLast("timeouts", new AdminTimeouts(idleTimeout, readTimeout))
                .addLast("aggregate", new AdminAggregator())
                .addLast("api", new AdminHandler(routes, pool));
          }
        })
        .bind(address)
        .awaitUninterruptibly();
    if (!bind.isSuccess()) {
      pool.shutdownNow();
      Throwable cause = bind.cause();
      throw Connect.bindFailure("TCP", address, cause == null ? new IOException("bind cancelled") : cause);
    }
    workers = pool;
    listener = bind.channel();
    return this;
  }

  /** The bound port. */
  public synchronized int getPort() {
    return address().getPort();
  }

  public synchronized InetSocketAddress address() {
    if (listener == null) {
      throw new IllegalStateException("call start() first");
    }
    return (InetSocketAddress) listener.localAddress();
  }

  /** {@code http://host:port}, for clients that take a URL. */
  public String url() {
    InetSocketAddress a = address();
    return "http://" + Connect.describe(a);
  }

  /** The proxies this server manages; the same {@link io.netharness.proxy.FaultProxy} objects. */
  public ProxyRegistry registry() {
    return registry;
  }

  public synchronized boolean isRunning() {
    return listener != null && listener.isActive();
  }

  /** Blocks until {@link #close()} is called: for running the server standalone. */
  public void awaitClose() {
    try {
      closedLatch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops serving; closes the registry (and every proxy) if this server created it. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (listener != null) {
        listener.close().awaitUninterruptibly();
        listener = null;
      }
      if (workers != null) {
        workers.shutdownNow();
        workers = null;
      }
    }
    if (ownsRegistry) {
      registry.close();
    }
    closedLatch.countDown();
  }

  @Override
  public String toString() {
    return "AdminServer[" + (listener != null ? Connect.describe(listener.localAddress()) : host + ":" + port) + "]";
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "netharness-admin-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Defaults: 127.0.0.1, port 8474, a registry of its own (closed with the server). */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8474;
    private @Nullable ProxyRegistry registry;
    private Duration idleTimeout = Duration.ofSeconds(60);
    private Duration readTimeout = Duration.ofSeconds(15);

    private Builder() {}

    /** An admin connection idle this long between requests is closed (Toxiproxy: 60 s). */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = positive("idleTimeout", idleTimeout);
      return this;
    }

    /** A request must arrive whole within this time once it started (Toxiproxy: 15 s). */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = positive("readTimeout", readTimeout);
      return this;
    }

    private static Duration positive(String what, Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, not " + value);
      }
      return value;
    }

    /** Address to listen on; loopback unless you name another (e.g. 0.0.0.0 in a container). */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** 0 picks a free port (use it in tests). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535, not " + port);
      }
      this.port = port;
      return this;
    }

    /** Serve these proxies; the caller keeps ownership and closes the registry. */
    public Builder registry(ProxyRegistry registry) {
      this.registry = registry;
      return this;
    }

    public AdminServer build() {
      return new AdminServer(this);
    }
  }
}
