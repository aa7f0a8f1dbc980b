package io.netharness.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;

/**
 * A {@code /populate}-format file applied through the Toxiproxy API it configures: the proxies go to
 * {@code POST /populate} in one request, then each proxy's optional {@code toxics} to
 * {@code POST /proxies/{name}/toxics}. The API checks everything, so a bad file fails with the API's own message.
 *
 * <pre>{@code
 * List<String> created = new PopulateFile(Path.of("src/it/toxiproxy.json")).applyTo("http://127.0.0.1:8474");
 * // ["db: 127.0.0.1:41234 -> 127.0.0.1:5432", "db: toxic latency_downstream"]
 * }</pre>
 */
final class PopulateFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final Path file;

  PopulateFile(Path file) {
    this.file = file;
  }

  /** Creates the proxies and toxics; returns a line for each. */
  List<String> applyTo(String apiUrl) throws MojoFailureException {
    ArrayNode proxies = JSON.createArrayNode();
    Map<String, JsonNode> toxicsByProxy = new LinkedHashMap<>();
    JsonNode root = parse();
    if (!root.isArray()) {
      throw bad("must hold a JSON array of proxies, like [{\"name\":\"db\",\"listen\":\"127.0.0.1:0\","
          + "\"upstream\":\"127.0.0.1:5432\"}]");
    }
    for (JsonNode element : root) {
      if (!(element instanceof ObjectNode proxy)) {
        throw bad("proxy " + (proxies.size() + 1) + " is not a JSON object");
      }
      ObjectNode copy = proxy.deepCopy();
      JsonNode toxics = copy.remove("toxics");
      if (toxics != null && !toxics.isArray()) {
        throw bad("\"toxics\" of proxy " + proxy.path("name").asText("#" + (proxies.size() + 1))
            + " must be an array of toxics, like [{\"type\":\"latency\",\"attributes\":{\"latency\":200}}]");
      }
      if (toxics != null) {
        toxicsByProxy.put(proxy.path("name").asText(), toxics);
      }
      proxies.add(copy);
    }
    List<String> created = new ArrayList<>();
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    JsonNode populated = post(http, apiUrl + "/populate", proxies, "/populate");
    for (JsonNode proxy : populated.path("proxies")) {
      created.add(proxy.path("name").asText() + ": " + proxy.path("listen").asText() + " -> "
          + proxy.path("upstream").asText());
    }
    for (Map.Entry<String, JsonNode> entry : toxicsByProxy.entrySet()) {
      String name = entry.getKey();
      for (JsonNode toxic : entry.getValue()) {
        String path = "/proxies/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "/toxics";
        JsonNode added = post(http, apiUrl + path, toxic, "toxic " + toxic + " of proxy " + name);
        created.add(name + ": toxic " + added.path("name").asText() + " " + added.path("attributes"));
      }
    }
    return created;
  }

  private JsonNode parse() throws MojoFailureException {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw bad("is not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
    } catch (IOException e) {
      throw bad("cannot be read: " + e.getMessage());
    }
  }

  private JsonNode post(HttpClient http, String url, JsonNode body, String what) throws MojoFailureException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw bad(what + " could not be sent to " + url + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw bad(what + " was interrupted");
    }
    JsonNode answer = readAnswer(response.body());
    if (response.statusCode() / 100 != 2) {
      throw bad(what + " was refused (HTTP " + response.statusCode() + "): " + answer.path("error").asText(response.body()));
    }
    return answer;
  }

  private static JsonNode readAnswer(String body) {
    try {
      return JSON.readTree(body.isEmpty() ? "{}" : body);
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode().put("error", body);
    }
  }

  private MojoFailureException bad(String problem) {
    return new MojoFailureException("Bad netharness:proxy-start configuration: <config> " + file + " " + problem);
  }
}
