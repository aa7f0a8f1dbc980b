package io.netharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netharness proxy toxic add|remove|list}: changes the toxics of a running proxy through its Toxiproxy API
 * (ours or a real toxiproxy-server), with the same toxic spelling as {@code --toxic}.
 *
 * <pre>{@code
 * netharness proxy toxic add redis/latency:latency=200,jitter=10
 * netharness proxy toxic list
 * netharness proxy toxic remove redis/latency_downstream
 * }</pre>
 */
@Command(
    name = "toxic",
    mixinStandardHelpOptions = true,
    description = "Add, remove or list the toxics of a running proxy, through its Toxiproxy API.",
    footer = {"", "Examples:", "  netharness proxy toxic add latency:latency=200,jitter=10",
        "  netharness proxy toxic add redis/bandwidth:rate=64,stream=upstream",
        "  netharness proxy toxic list", "  netharness proxy toxic remove redis/latency_downstream"})
final class ToxicCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Spec private CommandSpec spec;

  @Option(names = "--url", defaultValue = "http://127.0.0.1:8474", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "The Toxiproxy API (default: ${DEFAULT-VALUE}).")
  private String url = "http://127.0.0.1:8474";

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("netharness proxy toxic: missing command; try 'netharness proxy toxic add"
        + " latency:latency=200', 'netharness proxy toxic list' or 'netharness proxy toxic remove PROXY/NAME'");
    return ExitCodes.USAGE;
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add toxics: " + ToxicOption.FORMAT + ".")
  int add(@Parameters(paramLabel = "SPEC", arity = "1..*", description = "[PROXY/]TYPE[:key=value,...]; PROXY may"
      + " be left out when the API has one proxy.") List<String> specs) {
    List<ToxicOption> toxics = new ArrayList<>();
    for (String spec : specs) {
      try {
        toxics.add(ToxicOption.parse(spec, spec));
      } catch (IllegalArgumentException e) {
        return usage("add", e.getMessage());
      }
    }
    for (ToxicOption toxic : toxics) {
      String proxy = toxic.proxy();
      Answer answer;
      try {
        if (proxy == null) {
          proxy = onlyProxy(toxic.type());
        }
        answer = call("POST", "/proxies/" + encode(proxy) + "/toxics", toxic.toJson());
      } catch (ToxicCommandException e) {
        return failure("add", e.getMessage());
      }
      if (answer.status() != 200) {
        return failure("add", proxy + "/" + toxic.type() + ": the API answered " + answer.describe());
      }
      out().println(proxy + ": added " + describe(answer.body()));
    }
    out().flush();
    return ExitCodes.OK;
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove toxics by name.")
  int remove(@Parameters(paramLabel = "PROXY/NAME", arity = "1..*",
      description = "e.g. redis/latency_downstream (see 'toxic list' for the names).") List<String> names) {
    for (String name : names) {
      int slash = name.indexOf('/');
      if (slash <= 0 || slash == name.length() - 1) {
        return usage("remove", "'" + name + "' is not PROXY/NAME, e.g. redis/latency_downstream");
      }
      String proxy = name.substring(0, slash);
      String toxic = name.substring(slash + 1);
      Answer answer;
      try {
        answer = call("DELETE", "/proxies/" + encode(proxy) + "/toxics/" + encode(toxic), null);
      } catch (ToxicCommandException e) {
        return failure("remove", e.getMessage());
      }
      if (answer.status() != 204) {
        return failure("remove", name + ": the API answered " + answer.describe());
      }
      out().println(proxy + ": removed " + toxic);
    }
    out().flush();
    return ExitCodes.OK;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Every proxy and its toxics.")
  int list() {
    JsonNode proxies;
    try {
      proxies = proxies();
    } catch (ToxicCommandException e) {
      return failure("list", e.getMessage());
    }
    if (!proxies.fields().hasNext()) {
      out().println("no proxies at " + url);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = proxies.fields(); it.hasNext(); ) {
      JsonNode proxy = it.next().getValue();
      out().println(proxy.path("name").asText() + ": " + proxy.path("listen").asText() + " -> "
          + proxy.path("upstream").asText() + (proxy.path("enabled").asBoolean(true) ? "" : " (disabled)"));
      for (JsonNode toxic : proxy.path("toxics")) {
        out().println("  " + describe(toxic));
      }
    }
    out().flush();
    return ExitCodes.OK;
  }

  private String onlyProxy(String type) {
    List<String> names = new ArrayList<>();
    proxies().fieldNames().forEachRemaining(names::add);
    try {
      return ToxicOption.onlyProxy(names, type, "the API at " + url + " has no proxy yet");
    } catch (IllegalArgumentException e) {
      throw new ToxicCommandException(e.getMessage());
    }
  }

  private JsonNode proxies() {
    Answer answer = call("GET", "/proxies", null);
    if (answer.status() != 200) {
      throw new ToxicCommandException("listing the proxies: the API answered " + answer.describe());
    }
    return answer.body();
  }

  /** {@code latency_downstream latency=200 jitter=10}, with the stream and toxicity when they are not the defaults. */
  private static String describe(JsonNode toxic) {
    StringBuilder line = new StringBuilder(toxic.path("name").asText());
    toxic.path("attributes").fields().forEachRemaining(a -> line.append(' ').append(a.getKey()).append('=')
        .append(a.getValue().asText()));
    if (!toxic.path("name").asText().endsWith("_" + toxic.path("stream").asText())) {
      line.append(" stream=").append(toxic.path("stream").asText());
    }
    if (toxic.path("toxicity").asDouble(1) != 1) {
      line.append(" toxicity=").append(toxic.path("toxicity").asText());
    }
    return line.toString();
  }

  private Answer call(String method, String path, @org.jspecify.annotations.Nullable String body) {
    HttpRequest request;
    try {
      URI uri = URI.create(url.replaceAll("/+$", "") + path);
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
        throw new IllegalArgumentException("not http");
      }
      request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build();
    } catch (IllegalArgumentException e) {
      throw new ToxicCommandException("--url '" + url + "' is not an http URL; write it like http://127.0.0.1:8474");
    }
    HttpResponse<String> response;
    try {
      response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
          .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new ToxicCommandException("no Toxiproxy API answers at " + url + "; start one with 'netharness proxy'"
          + " (or toxiproxy-server), or pass its address with --url");
    } catch (HttpTimeoutException e) {
      throw new ToxicCommandException("the Toxiproxy API at " + url + " did not answer within " + TIMEOUT.toSeconds()
          + " s");
    } catch (IOException e) {
      throw new ToxicCommandException("talking to the Toxiproxy API at " + url + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToxicCommandException("interrupted");
    }
    String text = response.body();
    try {
      return new Answer(response.statusCode(), text.isBlank() ? json.nullNode() : json.readTree(text));
    } catch (IOException notJson) {
      throw new ToxicCommandException(url + " answered " + response.statusCode() + " with a body that is not JSON ("
          + text.strip().lines().findFirst().orElse("") + "); is it a Toxiproxy API?");
    }
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private int usage(String command, String message) {
    spec.commandLine().getErr().println("netharness proxy toxic " + command + ": " + message);
    return ExitCodes.USAGE;
  }

  private int failure(String command, String message) {
    spec.commandLine().getErr().println("netharness proxy toxic " + command + ": " + message);
    return ExitCodes.FAILED;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** An API answer: its status and JSON body ({@code {"error": "...", "status": N}} when refused). */
  private record Answer(int status, JsonNode body) {
    String describe() {
      String error = body.path("error").asText("");
      return status + (error.isEmpty() ? "" : " " + error);
    }
  }

  private static final class ToxicCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ToxicCommandException(String message) {
      super(message);
    }
  }
}
