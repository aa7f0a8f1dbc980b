package io.netharness.bench.robustness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Calls the admin API with a deadline; a call that gets no answer in time is a hang (status -1),
 * a connection that fails is status 0. Bodies are raw bytes, so the fuzz can send anything.
 *
 * <pre>{@code
 * Api.Answer a = new Api(url, Duration.ofSeconds(5)).call("GET", "/version", null);
 * }</pre>
 */
final class Api {
  record Answer(int status, String body, long nanos) {
    boolean hung() {
      return status == -1;
    }
  }

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Duration deadline;

  Api(String base, Duration deadline) {
    this.base = base;
    this.deadline = deadline;
  }

  Answer call(String method, String rawPath, byte @Nullable [] body) {
    long start = System.nanoTime();
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(deadline)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), System.nanoTime() - start);
    } catch (HttpTimeoutException e) {
      return new Answer(-1, "no answer within " + deadline.toMillis() + " ms", System.nanoTime() - start);
    } catch (IOException | IllegalArgumentException e) {
      return new Answer(0, String.valueOf(e), System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "interrupted", System.nanoTime() - start);
    }
  }

  Answer call(String method, String rawPath, @Nullable String body) {
    return call(method, rawPath, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  Answer version() {
    return call("GET", "/version", (byte[]) null);
  }
}
