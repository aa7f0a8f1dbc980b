package io.netharness.toxiproxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.netharness.toxiproxy.ToxiproxyApiException.Failure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP half of {@link ToxiproxyApi}: one request, bounded by the connect and read timeouts,
 * answered with JSON or turned into a {@link ToxiproxyApiException} that names the call.
 */
final class ApiCall {
  /** One client per scheme and connect timeout, for the whole JVM: building one costs a second on a cold JVM. */
  private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();

  private final String baseUrl;
  private final Duration readTimeout;
  private final Duration connectTimeout;
  private final HttpClient http;

  ApiCall(String baseUrl, Duration connectTimeout, Duration readTimeout) {
    this.baseUrl = baseUrl;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    boolean tls = baseUrl.regionMatches(true, 0, "https:", 0, 6);
    this.http = CLIENTS.computeIfAbsent((tls ? "https " : "http ") + connectTimeout, key -> newClient(tls, connectTimeout));
  }

  private static HttpClient newClient(boolean tls, Duration connectTimeout) {
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout);
    if (!tls) {
      // never used over http://, and it spares loading the default trust store (most of a cold client's cost)
      try {
        SSLContext unused = SSLContext.getInstance("TLS");
        unused.init(new KeyManager[0], new TrustManager[0], null);
        builder.sslContext(unused);
      } catch (GeneralSecurityException e) {
        // keep the default context
      }
    }
    return builder.build();
  }

  /** The answer's JSON body ({@code null} node when empty) for a 2xx status; otherwise throws. */
  JsonNode send(String method, String path, @Nullable JsonNode body) {
    String call = method + " " + baseUrl + path;
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(readTimeout)
        .header("User-Agent", "netharness")   // Toxiproxy refuses browsers ("Mozilla/…")
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = exchange(call, request);
    String text = response.body() == null ? "" : response.body();
    int status = response.statusCode();
    JsonNode json;
    try {
      json = text.isBlank() ? NullNode.getInstance() : Json.MAPPER.readTree(text);
    } catch (IOException notJson) {
      throw new ToxiproxyApiException(call + ": answered " + status + " with a body that is not JSON ("
          + firstLine(text) + "); is it a Toxiproxy API?", Failure.NOT_JSON, status, "", text, null);
    }
    if (status / 100 != 2) {
      String error = json.path("error").asText("");
      throw new ToxiproxyApiException(call + ": Toxiproxy answered " + status + (error.isEmpty() ? "" : " " + error)
          + (text.isBlank() ? "" : " (" + text.strip() + ")"), Failure.REFUSED, status, error, text, null);
    }
    return json;
  }

  private HttpResponse<String> exchange(String call, HttpRequest request) {
    CompletableFuture<HttpResponse<String>> answer =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      // the request timeout ends at the headers; this bounds the body too
      return answer.get(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw timedOut(call, e);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new ToxiproxyApiException(call + ": interrupted", Failure.IO, 0, "", "", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
        throw new ToxiproxyApiException(call + ": nothing accepts connections there (" + describe(cause) + ")",
            Failure.NOT_LISTENING, 0, "", "", cause);
      }
      if (cause instanceof HttpTimeoutException) {
        throw timedOut(call, cause);
      }
      throw new ToxiproxyApiException(call + ": " + describe(cause), Failure.IO, 0, "", "", cause);
    }
  }

  private ToxiproxyApiException timedOut(String call, Throwable cause) {
    return new ToxiproxyApiException(call + ": no answer within " + readTimeout.toMillis() + " ms", Failure.TIMED_OUT,
        0, "", "", cause);
  }

  private static String describe(Throwable cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("");
  }

  /** Created on the first answer, not before: an ObjectMapper takes a second to build on a cold, busy JVM. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
