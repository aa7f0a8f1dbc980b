package io.netharness.proxy.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 9, defects 6 and 7: names that could never be addressed are refused; messages are for people. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ApiInputTest {
  private final AdminServer admin = AdminServer.builder().port(0).build().start();
  private final Http http = new Http(admin);

  @AfterEach
  void closeAll() {
    admin.close();
  }

  @Test
  void aLoneSurrogateNameIsRefused() {
    HttpResponse<String> r = http.send("POST", "/proxies", "{\"name\":\"\\ud800\",\"upstream\":\"127.0.0.1:1\",\"listen\":\"127.0.0.1:0\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("name is not valid Unicode: a lone surrogate \\\\ud800 at index 0");
    assertThat(admin.registry().proxies()).isEmpty();
    create("p");
    HttpResponse<String> toxic = http.send("POST", "/proxies/p/toxics", "{\"type\":\"latency\",\"name\":\"\\udc00\"}");
    assertThat(toxic.statusCode()).isEqualTo(400);
  }

  @Test
  void anOverlongNameIsRefusedAndALongOneStaysAddressable() {
    HttpResponse<String> r = http.send("POST", "/proxies", "{\"name\":\"" + "a".repeat(4097) + "\",\"upstream\":\"127.0.0.1:1\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("name is too long: 4097 bytes of UTF-8; the limit is 4096");
    String longest = "é".repeat(2048);
    create(longest);
    String path = "/proxies/" + URLEncoder.encode(longest, UTF_8);
    assertThat(http.send("GET", path, null).statusCode()).isEqualTo(200);
    assertThat(http.send("DELETE", path, null).statusCode()).isEqualTo(204);
    assertThat(admin.registry().proxies()).isEmpty();
  }

  @Test
  void invalidUtf8BecomesTheReplacementCharacterAsInToxiproxyNotDots() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("{\"name\":\"".getBytes(UTF_8));
    body.writeBytes(new byte[] {(byte) 0xc0, (byte) 0xae, (byte) 0xc0, (byte) 0xae}); // overlong "..": not UTF-8
    body.writeBytes("\",\"upstream\":\"127.0.0.1:1\",\"listen\":\"127.0.0.1:0\"}".getBytes(UTF_8));
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(admin.url() + "/proxies"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(admin.registry().proxies()).extracting(p -> p.name()).containsExactly("\ufffd\ufffd\ufffd\ufffd");
  }

  @Test
  void messagesCarryNoJavaClassNames() {
    HttpResponse<String> r = http.send("POST", "/proxies", "{\"name\":\"x\",\"upstream\":\"127.0.0.1:1\",\"listen\":\"doesnotexist.invalid:80\"}");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("listen tcp doesnotexist.invalid:80: lookup doesnotexist.invalid: no such host")
        .doesNotContain("java.");
  }

  @Test
  void aBlankUpstreamIsAMissingFieldNotA500() {
    HttpResponse<String> r = http.send("POST", "/proxies", "{\"name\":\" \",\"upstream\":\" \"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("missing required field: upstream");
  }

  @Test
  void aTooLargeBodyIsA413WithTheApiErrorBody() {
    HttpResponse<String> r = http.send("POST", "/proxies", "[" + " ".repeat(AdminAggregator.MAX_BODY) + "]");
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).isEqualTo("{\"error\":\"request body too large: the limit is 1048576 bytes\",\"status\":413}\n");
  }

  @Test
  void aLongUrlGetsTheApiAnswerNotAPlainText400() {
    HttpResponse<String> r = http.send("GET", "/proxies/" + "a".repeat(20_000), null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).isEqualTo("{\"error\":\"proxy not found\",\"status\":404}\n");
  }

  private void create(String name) {
    HttpResponse<String> r = http.send("POST", "/proxies",
        "{\"name\":\"" + name + "\",\"upstream\":\"127.0.0.1:1\",\"listen\":\"127.0.0.1:0\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }
}
