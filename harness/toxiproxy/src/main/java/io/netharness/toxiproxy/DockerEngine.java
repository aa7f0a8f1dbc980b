package io.netharness.toxiproxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The Docker engine Testcontainers would use, asked directly with short timeouts before
 * Testcontainers is: whether it answers {@code /_ping}, and whether the images a run needs are
 * there (pulling a missing one once). Testcontainers' own check can take minutes where it fails
 * (inside a container it looks for a gateway by running {@code alpine}; it retries a pull for
 * two minutes; with Ryuk on and its image missing it does not return), so this answers first.
 */
record DockerEngine(URI endpoint) {
  static final Duration PING_TIMEOUT = Duration.ofSeconds(3);
  static final Duration IMAGE_TIMEOUT = Duration.ofSeconds(5);
  static final Duration PULL_TIMEOUT = Duration.ofSeconds(120);
  static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";
  static final String SSHD_IMAGE = "testcontainers/sshd:1.3.0";
  static final String TINY_IMAGE = "alpine:3.17";

  /** The endpoint from DOCKER_HOST, ~/.testcontainers.properties {@code docker.host}, or the default socket. */
  static DockerEngine fromEnvironment() {
    String host = System.getenv("DOCKER_HOST");
    if (host == null || host.isBlank()) {
      host = testcontainersProperties().getProperty("docker.host");
    }
    if (host == null || host.isBlank()) {
      host = "unix:///var/run/docker.sock";
    }
    return new DockerEngine(URI.create(host.trim()));
  }

  /** Whether Ryuk will be started: not when TESTCONTAINERS_RYUK_DISABLED or ryuk.disabled says so. */
  static boolean ryukEnabled() {
    return !"true".equalsIgnoreCase(testcontainersSetting("ryuk.disabled"));
  }

  /**
   * Whether Testcontainers runs its start-up checks, which start {@link #TINY_IMAGE}: not when
   * TESTCONTAINERS_CHECKS_DISABLE or checks.disable says so.
   */
  static boolean checksEnabled() {
    return !"true".equalsIgnoreCase(testcontainersSetting("checks.disable"));
  }

  /**
   * Whether Testcontainers will run {@link #TINY_IMAGE} to find the Docker host's address: it does
   * inside a container ({@code /.dockerenv}) with a local socket, no TESTCONTAINERS_HOST_OVERRIDE,
   * and a {@code bridge} network that names no gateway (e.g. dockerd with {@code --iptables=false}).
   */
  boolean looksForGatewayWithTinyImage() {
    String override = System.getenv("TESTCONTAINERS_HOST_OVERRIDE");
    if (!isUnixSocket() || !Files.exists(Path.of("/.dockerenv")) || override != null && !override.isBlank()) {
      return false;
    }
    try {
      Response bridge = request("GET", "/networks/bridge", IMAGE_TIMEOUT);
      return bridge.status() != 200 || !bridge.body().matches("(?s).*\"Gateway\"\\s*:\\s*\"[^\"]+\".*");
    } catch (IOException | TimeoutException e) {
      return true;
    }
  }

  private static @Nullable String testcontainersSetting(String key) {
    String env = System.getenv("TESTCONTAINERS_" + key.toUpperCase(Locale.ROOT).replace('.', '_'));
    return env != null ? env : testcontainersProperties().getProperty(key);
  }

  boolean isUnixSocket() {
    return "unix".equals(scheme());
  }

  /** Empty when the engine answers {@code GET /_ping} within {@link #PING_TIMEOUT}; else why not. */
  Optional<String> whyUnreachable() {
    if (!askable()) {
      return Optional.empty(); // npipe, TLS: left to Testcontainers
    }
    if (isUnixSocket() && !Files.exists(Path.of(endpoint.getPath()))) {
      return Optional.of("no Docker engine: " + endpoint + " does not exist (DOCKER_HOST, docker.host in"
          + " ~/.testcontainers.properties)");
    }
    try {
      Response ping = request("GET", "/_ping", PING_TIMEOUT);
      if (ping.status() == 200) {
        return Optional.empty();
      }
      return Optional.of("the Docker engine at " + endpoint + " answered /_ping with HTTP " + ping.status());
    } catch (IOException | TimeoutException e) {
      return Optional.of("no Docker engine answers at " + endpoint + " within " + PING_TIMEOUT.toSeconds() + " s ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
  }

  /** Empty when {@code image} is on the engine or one pull of it succeeds; else why it is not there. */
  Optional<String> whyImageMissing(String image) {
    if (!askable()) {
      return Optional.empty();
    }
    try {
      if (request("GET", "/images/" + image + "/json", IMAGE_TIMEOUT).status() == 200) {
        return Optional.empty();
      }
      int colon = image.lastIndexOf(':');
      boolean tagged = colon > image.lastIndexOf('/');
      String query = "fromImage=" + encode(tagged ? image.substring(0, colon) : image)
          + "&tag=" + encode(tagged ? image.substring(colon + 1) : "latest");
      Response pull = request("POST", "/images/create?" + query, PULL_TIMEOUT);
      String body = pull.body();
      if (pull.status() == 200 && !body.contains("\"error")) {
        return Optional.empty();
      }
      return Optional.of("image " + image + " is not on the Docker engine and could not be pulled (HTTP "
          + pull.status() + ": " + firstLine(body) + ")");
    } catch (IOException | TimeoutException e) {
      return Optional.of("could not check or pull image " + image + " on " + endpoint + " ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
  }

  /** A unix socket, or plain HTTP over TCP (not TLS: DOCKER_TLS_VERIFY set, or port 2376). */
  private boolean askable() {
    if (isUnixSocket()) {
      return true;
    }
    String tls = System.getenv("DOCKER_TLS_VERIFY");
    boolean tlsOn = tls != null && !tls.isBlank() && !tls.equals("0") || endpoint.getPort() == 2376;
    return "tcp".equals(scheme()) && !tlsOn;
  }

  private String scheme() {
    return endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
  }

  private record Response(int status, String body) {}

  private Response request(String method, String path, Duration timeout) throws IOException, TimeoutException {
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "netharness-docker-probe");
      t.setDaemon(true);
      return t;
    });
    Channel channel = new Channel();
    try {
      Future<Response> answer = executor.submit(() -> channel.exchange(method, path));
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      channel.close();
      executor.shutdownNow();
    }
  }

  /** One HTTP/1.0 exchange over the engine's socket; closing it from another thread ends a stuck read. */
  private final class Channel {
    private volatile @Nullable AutoCloseable open;

    Response exchange(String method, String path) throws IOException {
      String request = method + " " + path + " HTTP/1.0\r\nHost: docker\r\nContent-Length: 0\r\n\r\n";
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      if (isUnixSocket()) {
        try (SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX)) {
          open = socket;
          socket.connect(UnixDomainSocketAddress.of(endpoint.getPath()));
          socket.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
          ByteBuffer buffer = ByteBuffer.allocate(8192);
          while (socket.read(buffer.clear()) >= 0) {
            received.write(buffer.array(), 0, buffer.position());
          }
        }
      } else {
        try (Socket socket = new Socket()) {
          open = socket;
          socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()),
              (int) PING_TIMEOUT.toMillis());
          OutputStream out = socket.getOutputStream();
          out.write(request.getBytes(StandardCharsets.US_ASCII));
          out.flush();
          InputStream in = socket.getInputStream();
          in.transferTo(received);
        }
      }
      String text = received.toString(StandardCharsets.UTF_8);
      String[] statusLine = text.split("\r\n", 2)[0].split(" ");
      if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP answer: " + firstLine(text));
      }
      int bodyStart = text.indexOf("\r\n\r\n");
      return new Response(Integer.parseInt(statusLine[1]), bodyStart < 0 ? "" : text.substring(bodyStart + 4));
    }

    void close() {
      AutoCloseable socket = open;
      if (socket != null) {
        try {
          socket.close();
        } catch (Exception ignored) {
          // closing to end a read; nothing to report
        }
      }
    }
  }

  private static String firstLine(String text) {
    String trimmed = text.strip();
    int end = trimmed.indexOf('\n');
    return end < 0 ? trimmed : trimmed.substring(0, end);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Properties testcontainersProperties() {
    Properties properties = new Properties();
    Path file = Path.of(System.getProperty("user.home"), ".testcontainers.properties");
    if (Files.isReadable(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        properties.load(in);
      } catch (IOException ignored) {
        // unreadable: the defaults apply, as they do for Testcontainers
      }
    }
    return properties;
  }
}
