package io.netharness.proxy.api;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A small HTTP client for the admin API in tests: one call, one answer, bounded by a timeout. */
final class Http {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http(AdminServer admin) {
    this.base = admin.url();
  }

  HttpResponse<String> send(String method, String path, @Nullable String body) {
    return send(method, path, body, Duration.ofSeconds(10));
  }

  HttpResponse<String> send(String method, String path, @Nullable String body, Duration timeout) {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, UTF_8);
    try {
      return client.send(HttpRequest.newBuilder(URI.create(base + path)).method(method, publisher).timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofString(UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
