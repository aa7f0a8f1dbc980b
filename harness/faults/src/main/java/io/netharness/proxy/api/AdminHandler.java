package io.netharness.proxy.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One admin connection: refuses browsers (403), hands each request to the worker pool (proxy
 * changes block briefly on binds, never on an event loop), and writes exactly one response per
 * request, in order, with an {@code X-Toxiproxy-Request-Id}. {@code GET /version} is answered on
 * the admin event loop itself when nothing is ahead of it, so the health check never waits for a
 * worker that waits for the data path.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final char[] XID = "0123456789abcdefghijklmnopqrstuv".toCharArray();
  private final Routes routes;
  private final ExecutorService workers;
  private final Deque<Runnable> queue = new ArrayDeque<>();
  private boolean running;

  AdminHandler(Routes routes, ExecutorService workers) {
    this.routes = routes;
    this.workers = workers;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (request.decoderResult().isFailure()) {
      enqueue(ctx, () -> write(ctx, Responses.malformedHttp(), false));
      return;
    }
    String agent = request.headers().get(HttpHeaderNames.USER_AGENT, "");
    if (agent.startsWith("Mozilla/")) {
      enqueue(ctx, () -> write(ctx, Responses.browserRefused(), keepAlive));
      return;
    }
    String method = request.method().name();
    String uri = request.uri();
    byte[] body = ByteBufUtil.getBytes(request.content());
    if (method.equals("GET") && uri.equals("/version") && idle()) {
      write(ctx, Responses.version(), keepAlive); // the health check never waits for a worker
      return;
    }
    enqueue(ctx, () -> write(ctx, answer(method, uri, body), keepAlive));
  }

  private boolean idle() {
    synchronized (queue) {
      return !running && queue.isEmpty();
    }
  }

  /** Runs this connection's requests one at a time, in arrival order, off the event loop. */
  private void enqueue(ChannelHandlerContext ctx, Runnable task) {
    synchronized (queue) {
      queue.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    runNext(ctx);
  }

  private void runNext(ChannelHandlerContext ctx) {
    Runnable next;
    synchronized (queue) {
      next = queue.poll();
      if (next == null) {
        running = false;
        return;
      }
    }
    try {
      workers.execute(() -> {
        try {
          next.run();
        } finally {
          runNext(ctx);
        }
      });
    } catch (RejectedExecutionException shuttingDown) {
      synchronized (queue) {
        queue.clear();
        running = false;
      }
      write(ctx, Responses.error(503, "the admin server is shutting down"), false);
    }
  }

  private ApiResponse answer(String method, String uri, byte[] body) {
    try {
      return routes.dispatch(method, uri, body);
    } catch (ApiException e) {
      return Responses.error(e);
    } catch (RuntimeException | Error e) {
      return Responses.error(500, Responses.message(e));
    }
  }

  static void write(ChannelHandlerContext ctx, ApiResponse answer, boolean keepAlive) {
    ctx.writeAndFlush(response(answer, keepAlive)).addListener((ChannelFutureListener) f -> {
      if (!keepAlive || !f.isSuccess()) {
        f.channel().close();
      }
    });
  }

  /**
   * Answers, then ends the connection without losing the answer while the client is still sending
   * a request that will not be read (a body over the limit): FIN after the answer, the rest of the
   * request read and discarded, the socket closed when the client closes or after {@code linger}.
   * Closing at once with unread bytes would send RST, and the client would never see the answer.
   */
  static void writeThenLinger(ChannelHandlerContext ctx, ApiResponse answer, java.time.Duration linger) {
    ctx.writeAndFlush(response(answer, false)).addListener((ChannelFutureListener) f -> {
      if (f.isSuccess() && f.channel() instanceof io.netty.channel.socket.SocketChannel socket) {
        socket.shutdownOutput();
        ctx.executor().schedule(() -> ctx.close(), linger.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } else {
        f.channel().close();
      }
    });
  }

  private static FullHttpResponse response(ApiResponse answer, boolean keepAlive) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
    if (answer.contentType() != null) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
    }
    if (answer.noSniff()) {
      response.headers().set("X-Content-Type-Options", "nosniff");
    }
    response.headers().set("X-Toxiproxy-Request-Id", requestId());
    response.headers().set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
    HttpUtil.setContentLength(response, answer.body().length);
    HttpUtil.setKeepAlive(response, keepAlive);
    return response;
  }

  /** 20 characters of base32hex, like the xid Toxiproxy uses. */
  private static String requestId() {
    char[] id = new char[20];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < id.length; i++) {
      id[i] = XID[random.nextInt(XID.length)];
    }
    return new String(id);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
