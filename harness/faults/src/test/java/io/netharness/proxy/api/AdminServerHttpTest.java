package io.netharness.proxy.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Status codes, bodies and content types, byte for byte, over plain HTTP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminServerHttpTest {
  private static final String TEXT = "text/plain; charset=utf-8";
  private final AdminServer admin = AdminServer.builder().port(0).build().start();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void closeAll() {
    admin.close();
  }

  @Test
  void versionIsTheExactBytesToxiproxyWrites() throws Exception {
    HttpResponse<String> r = send("GET", "/version", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"version\": \"2.12.0\"}\n");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
  }

  @Test
  void everyResponseCarriesARequestId() throws Exception {
    for (String path : new String[] {"/version", "/nope", "/proxies/missing"}) {
      assertThat(send("GET", path, null).headers().firstValue("X-Toxiproxy-Request-Id")).hasValueSatisfying(
          id -> assertThat(id).matches("[0-9a-v]{20}"));
    }
  }

  @Test
  void browsersAreRefused() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/version"))
        .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).isEqualTo("User agent not allowed\n");
    assertThat(r.headers().firstValue("Content-Type")).hasValue(TEXT);
  }

  @Test
  void unknownPathsAndTrailingSlashesAreGoStyle404() throws Exception {
    for (String path : new String[] {"/nope", "/version/", "/proxies/", "/proxies/a/b/c/d"}) {
      HttpResponse<String> r = send("GET", path, null);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body()).isEqualTo("404 page not found\n");
      assertThat(r.headers().firstValue("Content-Type")).hasValue(TEXT);
    }
  }

  @Test
  void wrongMethodOnAKnownPathIs405WithAnEmptyBody() throws Exception {
    assertThat(send("PUT", "/proxies/x", "{}").statusCode()).isEqualTo(405);
    HttpResponse<String> r = send("GET", "/reset", null);
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void emptyIndexIsAnEmptyObject() throws Exception {
    HttpResponse<String> r = send("GET", "/proxies", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{}");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void malformedOrEmptyBodiesAre400BadRequestBody() throws Exception {
    assertError(send("POST", "/proxies", "{\"name\":"), 400, "bad request body: unexpected EOF");
    assertError(send("POST", "/proxies", ""), 400, "bad request body: EOF");
    HttpResponse<String> wrongType = send("POST", "/proxies", "{\"name\":5,\"upstream\":\"x:1\"}");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(wrongType.body()).startsWith("{\"error\":\"bad request body: json: cannot unmarshal number 5");
  }

  @Test
  void missingNameIsCheckedBeforeMissingUpstream() throws Exception {
    assertError(send("POST", "/proxies", "{}"), 400, "missing required field: name");
    assertError(send("POST", "/proxies", "{\"name\":\"a\"}"), 400, "missing required field: upstream");
  }

  @Test
  void createdProxyIs201WithFieldsInToxiproxyOrder() throws Exception {
    HttpResponse<String> r = send("POST", "/proxies",
        "{\"NAME\":\"db\",\"Listen\":\"localhost:0\",\"upstream\":\"doesnotexist.invalid:80\"}");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    int port = admin.registry().get("db").orElseThrow().address().getPort();
    assertThat(r.body()).isEqualTo("{\"name\":\"db\",\"listen\":\"127.0.0.1:" + port
        + "\",\"upstream\":\"doesnotexist.invalid:80\",\"enabled\":true,\"toxics\":[]}");
  }

  @Test
  void disabledProxyKeepsItsLiteralListen() throws Exception {
    HttpResponse<String> r = send("POST", "/proxies",
        "{\"name\":\"off\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:1\",\"enabled\":false}");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.body()).contains("\"listen\":\"127.0.0.1:0\"").contains("\"enabled\":false");
  }

  @Test
  void duplicateProxyIs409AndPortInUseIs500WithTheBindError() throws Exception {
    create("a");
    assertError(send("POST", "/proxies", "{\"name\":\"a\",\"upstream\":\"127.0.0.1:1\"}"), 409, "proxy already exists");
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String listen = "127.0.0.1:" + taken.getLocalPort();
      assertError(send("POST", "/proxies", "{\"name\":\"b\",\"listen\":\"" + listen + "\",\"upstream\":\"127.0.0.1:1\"}"),
          500, "listen tcp " + listen + ": bind: address already in use");
    }
    assertThat(send("GET", "/proxies/b", null).statusCode()).isEqualTo(404);
  }

  @Test
  void missingProxyAndToxicAre404() throws Exception {
    assertError(send("GET", "/proxies/none", null), 404, "proxy not found");
    assertError(send("DELETE", "/proxies/none", null), 404, "proxy not found");
    assertError(send("POST", "/proxies/none/toxics", "{\"type\":\"latency\"}"), 404, "proxy not found");
    create("a");
    assertError(send("GET", "/proxies/a/toxics/none", null), 404, "toxic not found");
    assertError(send("POST", "/proxies/a/toxics/none", "{}"), 404, "toxic not found");
    assertError(send("DELETE", "/proxies/a/toxics/none", null), 404, "toxic not found");
  }

  @Test
  void toxicShowsEveryAttributeInToxiproxyKeyOrderWithStreamAsSent() throws Exception {
    create("a");
    HttpResponse<String> r = send("POST", "/proxies/a/toxics",
        "{\"Type\":\"slicer\",\"STREAM\":\"UpStream\",\"attributes\":{\"AVERAGE_SIZE\":10}}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"attributes\":{\"average_size\":10,\"size_variation\":0,\"delay\":0},"
        + "\"name\":\"slicer_UpStream\",\"type\":\"slicer\",\"stream\":\"UpStream\",\"toxicity\":1}");
  }

  @Test
  void toxicDefaultsToDownstreamAndKeepsItsToxicity() throws Exception {
    create("a");
    HttpResponse<String> r = send("POST", "/proxies/a/toxics", "{\"type\":\"latency\",\"toxicity\":0.2}");
    assertThat(r.body()).isEqualTo("{\"attributes\":{\"latency\":0,\"jitter\":0},"
        + "\"name\":\"latency_downstream\",\"type\":\"latency\",\"stream\":\"downstream\",\"toxicity\":0.2}");
  }

  @Test
  void toxicErrorsComeInToxiproxysOrder() throws Exception {
    create("a");
    assertError(send("POST", "/proxies/a/toxics", "{\"type\":\"latency\",\"stream\":\"walrustream\"}"), 400,
        "stream was invalid, can be either upstream or downstream");
    assertError(send("POST", "/proxies/a/toxics", "{\"type\":\"latency\",\"stream\":\"\"}"), 400,
        "stream was invalid, can be either upstream or downstream");
    assertError(send("POST", "/proxies/a/toxics", "{\"type\":\"walrus\"}"), 400, "invalid toxic type");
    assertError(send("POST", "/proxies/a/toxics", "{}"), 400, "invalid toxic type");
    assertError(send("POST", "/proxies/a/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":1.5}}"), 400,
        "bad request body: json: cannot unmarshal number 1.5 into Go struct field LatencyToxic.attributes.latency of type int64");
    send("POST", "/proxies/a/toxics", "{\"name\":\"x\",\"type\":\"latency\",\"stream\":\"upstream\"}");
    assertError(send("POST", "/proxies/a/toxics", "{\"name\":\"x\",\"type\":\"latency\",\"stream\":\"downstream\"}"), 409,
        "toxic already exists");
  }

  @Test
  void toxicUpdateMergesAttributesAndKeepsToxicity() throws Exception {
    create("a");
    send("POST", "/proxies/a/toxics", "{\"name\":\"l\",\"type\":\"latency\",\"toxicity\":0.5,\"attributes\":{\"latency\":100,\"jitter\":10}}");
    HttpResponse<String> r = send("PATCH", "/proxies/a/toxics/l", "{\"attributes\":{\"jitter\":15},\"type\":\"slicer\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("{\"attributes\":{\"latency\":100,\"jitter\":15},\"name\":\"l\",\"type\":\"latency\"")
        .endsWith("\"toxicity\":0.5}");
    assertThat(send("GET", "/proxies/a/toxics", null).body()).startsWith("[{\"attributes\":{\"latency\":100,\"jitter\":15}");
  }

  @Test
  void deletesAndResetAre204WithoutABody() throws Exception {
    create("a");
    send("POST", "/proxies/a/toxics", "{\"type\":\"latency\"}");
    HttpResponse<String> reset = send("POST", "/reset", "ignored");
    assertThat(reset.statusCode()).isEqualTo(204);
    assertThat(send("GET", "/proxies/a/toxics", null).body()).isEqualTo("[]");
    send("POST", "/proxies/a/toxics", "{\"type\":\"latency\"}");
    assertThat(send("DELETE", "/proxies/a/toxics/latency_downstream", null).statusCode()).isEqualTo(204);
    HttpResponse<String> delete = send("DELETE", "/proxies/a", null);
    assertThat(delete.statusCode()).isEqualTo(204);
    assertThat(delete.body()).isEmpty();
  }

  @Test
  void proxyUpdateKeepsOmittedFieldsAndIgnoresTheName() throws Exception {
    create("a");
    HttpResponse<String> r = send("POST", "/proxies/a", "{\"name\":\"other\",\"enabled\":false}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("{\"name\":\"a\",").contains("\"upstream\":\"127.0.0.1:1\"", "\"enabled\":false");
    assertThat(send("PATCH", "/proxies/a", "{\"enabled\":true}").body()).contains("\"enabled\":true");
  }

  @Test
  void proxyUpdateToAnUnusableListenIs500AndLeavesTheProxyAlone() throws Exception {
    create("a");
    String listen = admin.registry().get("a").orElseThrow().listen();
    HttpResponse<String> r = send("POST", "/proxies/a", "{\"listen\":\"notanaddress\"}");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).startsWith("{\"error\":\"listen tcp notanaddress: bad address \\\"notanaddress\\\"");
    assertThat(admin.registry().get("a").orElseThrow().listen()).isEqualTo(listen);
  }

  @Test
  void populateCreatesInOrderAndReportsErrorsAsJson() throws Exception {
    HttpResponse<String> empty = send("POST", "/populate", "[]");
    assertThat(empty.statusCode()).isEqualTo(201);
    assertThat(empty.body()).isEqualTo("{\"proxies\":null}");

    HttpResponse<String> missing = send("POST", "/populate",
        "[{\"name\":\"a\",\"upstream\":\"127.0.0.1:1\"},{\"upstream\":\"127.0.0.1:1\"}]");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(missing.body()).isEqualTo("{\"error\":\"missing required field: name at proxy 2\",\"status\":400,\"proxies\":null}");
    assertThat(send("GET", "/proxies", null).body()).isEqualTo("{}");

    HttpResponse<String> two = send("POST", "/populate",
        "[{\"name\":\"b\",\"upstream\":\"127.0.0.1:1\"},{\"name\":\"a\",\"upstream\":\"127.0.0.1:2\",\"enabled\":false}]");
    assertThat(two.statusCode()).isEqualTo(201);
    assertThat(two.body()).startsWith("{\"proxies\":[{\"name\":\"b\"").contains("\"name\":\"a\"");
  }

  @Test
  void populateKeepsAnUnchangedProxyWithItsToxics() throws Exception {
    create("a");
    String listen = admin.registry().get("a").orElseThrow().listen();
    send("POST", "/proxies/a/toxics", "{\"type\":\"latency\"}");
    String body = "[{\"name\":\"a\",\"listen\":\"" + listen.replace("127.0.0.1", "localhost")
        + "\",\"upstream\":\"127.0.0.1:1\",\"enabled\":false}]";
    HttpResponse<String> r = send("POST", "/populate", body);
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.body()).contains("\"listen\":\"" + listen + "\"", "\"enabled\":true", "latency_downstream");
  }

  @Test
  void populateStopsAtTheFirstFailureAndReturnsWhatWasDone() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String listen = "127.0.0.1:" + taken.getLocalPort();
      HttpResponse<String> r = send("POST", "/populate", "[{\"name\":\"a\",\"upstream\":\"127.0.0.1:1\"},"
          + "{\"name\":\"b\",\"listen\":\"" + listen + "\",\"upstream\":\"127.0.0.1:1\"},{\"name\":\"c\",\"upstream\":\"127.0.0.1:1\"}]");
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).startsWith("{\"error\":\"listen tcp " + listen + ": bind: address already in use\",\"status\":500,"
          + "\"proxies\":[{\"name\":\"a\"");
    }
    assertThat(admin.registry().proxies()).extracting(p -> p.name()).containsExactly("a");
  }

  private void create(String name) throws Exception {
    assertThat(send("POST", "/proxies", "{\"name\":\"" + name + "\",\"upstream\":\"127.0.0.1:1\"}").statusCode()).isEqualTo(201);
  }

  private static void assertError(HttpResponse<String> r, int status, String message) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.body()).isEqualTo("{\"error\":\"" + message + "\",\"status\":" + status + "}\n");
    assertThat(r.headers().firstValue("Content-Type")).hasValue(TEXT);
  }

  private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, UTF_8);
    return http.send(HttpRequest.newBuilder(uri(path)).method(method, publisher).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  private URI uri(String path) {
    return URI.create(admin.url() + path);
  }
}
